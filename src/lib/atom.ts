/**
 * Écriture d'un flux Atom (RFC 4287). Atom plutôt que RSS 2.0 : chaque entrée y a un identifiant permanent et une
 * date de mise à jour obligatoires, les dates ont un seul format (RFC 3339), la langue se déclare (xml:lang) et le
 * contenu HTML a un type explicite ; quelques lignes suffisent, sans dépendance. Module pur.
 */
export interface AtomEntry {
  /** Identifiant permanent (URI), jamais réutilisé. */
  id: string;
  title: string;
  updated: Date;
  /** Adresse absolue de la page de l'entrée. */
  link: string;
  /** Résumé en texte simple. */
  summary: string;
  /** Contenu en HTML (adresses absolues). */
  contentHtml?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** Code de langue du contenu (« fr »). */
  lang: string;
  updated: Date;
  /** Adresse absolue du flux lui-même. */
  selfUrl: string;
  /** Adresse absolue de la page HTML équivalente. */
  alternateUrl: string;
  author: { name: string; email?: string };
  entries: AtomEntry[];
}

/** Échappe un texte pour le contenu ou la valeur d'un attribut XML. */
export const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Date au format RFC 3339 en UTC, sans millisecondes. */
const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function atomXml(feed: AtomFeed): string {
  const x = escapeXml;
  const author = `<author><name>${x(feed.author.name)}</name>${feed.author.email ? `<email>${x(feed.author.email)}</email>` : ''}</author>`;
  const entries = feed.entries.map((e) =>
    [
      '  <entry>',
      `    <id>${x(e.id)}</id>`,
      `    <title>${x(e.title)}</title>`,
      `    <updated>${rfc3339(e.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${x(e.link)}"/>`,
      `    <summary>${x(e.summary)}</summary>`,
      ...(e.contentHtml ? [`    <content type="html">${x(e.contentHtml)}</content>`] : []),
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(feed.lang)}">`,
    `  <id>${x(feed.id)}</id>`,
    `  <title>${x(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${x(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${rfc3339(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(feed.alternateUrl)}"/>`,
    `  ${author}`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
