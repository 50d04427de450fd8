/**
 * L'historique du recueil (content/changes.yaml) : ordre d'affichage, historique d'une fiche ou d'une
 * rédaction type, accord avec leur date `updated`, adresses absolues et flux Atom de la page « Nouveautés ».
 * Module pur : les entrées, titres et adresses sont fournis par l'appelant.
 */
import type { Change } from './schemas';
import type { AtomFeed } from './atom';
import { ficheHref } from './themes';
import { escapeHtml } from './escape-html';

export const CHANGES_PATH = '/nouveautes/';
export const FEED_PATH = '/nouveautes.xml';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Du plus récent au plus ancien ; à date égale, l'ordre du fichier est gardé (tri stable). */
export function newestFirst<T extends { date: Date }>(changes: readonly T[]): T[] {
  return [...changes].sort((a, b) => b.date.getTime() - a.date.getTime());
}

export type HistoryTarget = { fiche: string } | { draft: string };

/** Les entrées qui concernent une fiche ou une rédaction type, de la plus récente à la plus ancienne. */
export function historyOf<T extends Pick<Change, 'date' | 'fiches' | 'drafts'>>(changes: readonly T[], target: HistoryTarget): T[] {
  return newestFirst(changes.filter((c) => ('fiche' in target ? c.fiches.includes(target.fiche) : c.drafts.includes(target.draft))));
}

export interface Dated {
  /** « fiche C4 » ou « rédaction type ccap-condition-execution », pour les messages. */
  label: string;
  target: HistoryTarget;
  updated: Date;
}

/**
 * Ce qui contredit la règle « la dernière entrée de l'historique d'une page a la date de son `updated` » :
 * une page sans historique, ou dont la date de mise à jour n'est pas celle de sa dernière entrée.
 */
export function historyMismatches(changes: readonly Change[], pages: readonly Dated[]): string[] {
  return pages.flatMap((page) => {
    const latest = historyOf(changes, page.target)[0];
    if (!latest) return [`${page.label} : aucune entrée de content/changes.yaml ne la concerne (updated: ${day(page.updated)}).`];
    if (day(latest.date) !== day(page.updated)) {
      return [`${page.label} : updated: ${day(page.updated)}, mais sa dernière entrée de content/changes.yaml (« ${latest.id} ») est datée du ${day(latest.date)}.`];
    }
    return [];
  });
}

/**
 * Adresse absolue d'une page du site : `site` est l'URL publique sans base (publisher.siteUrl), `base` la base
 * de déploiement (« / » ou « /recueil/ »), `path` une adresse interne commençant par « / ».
 */
export function absoluteUrl(site: string, base: string, path: string): string {
  return new URL(base.replace(/\/$/, '') + path, site).href;
}

export const feedUrl = (site: string, base: string) => absoluteUrl(site, base, FEED_PATH);

/** Adresse interne de la page d'une rédaction type. */
export const draftHref = (id: string) => `/redactions/${id}/`;


export interface FeedOptions {
  site: string;
  base: string;
  title: string;
  subtitle: string;
  author: { name: string; email?: string };
  /** Titre de chaque fiche (par code) et de chaque rédaction type (par id), pour les liens des entrées. */
  ficheTitles: ReadonlyMap<string, string>;
  draftTitles: ReadonlyMap<string, string>;
}

/**
 * Le flux Atom de l'historique. Les identifiants sont des URI « tag: » (RFC 4151) faits du nom d'hôte du site et
 * de l'id de l'entrée : ils ne changent pas si le site est servi sous une autre base, et un lecteur de flux ne
 * montre pas deux fois la même nouveauté.
 */
export function changesFeed(changes: readonly Change[], options: FeedOptions): AtomFeed {
  const { site, base } = options;
  const url = (path: string) => absoluteUrl(site, base, path);
  const tag = (specific: string) => `tag:${new URL(site).hostname},2026:${specific}`;
  const sorted = newestFirst(changes);
  const titleOf = (map: ReadonlyMap<string, string>, key: string) => {
    const title = map.get(key);
    if (!title) throw new Error(`Flux des nouveautés : titre introuvable pour « ${key} ».`);
    return title;
  };
  const links = (label: string, items: { href: string; text: string }[]) =>
    items.length ? `<p>${label}\u00a0: ${items.map((i) => `<a href="${escapeHtml(i.href)}">${escapeHtml(i.text)}</a>`).join(', ')}.</p>` : '';
  return {
    id: tag('nouveautes'),
    title: options.title,
    subtitle: options.subtitle,
    lang: 'fr',
    updated: sorted[0]?.date ?? new Date(0),
    selfUrl: url(FEED_PATH),
    alternateUrl: url(CHANGES_PATH),
    author: options.author,
    entries: sorted.map((c) => ({
      id: tag(`nouveautes/${c.id}`),
      title: c.title,
      updated: c.date,
      link: url(`${CHANGES_PATH}#${c.id}`),
      summary: c.what,
      contentHtml: [
        `<p>${escapeHtml(c.what)}</p>`,
        `<p>Pourquoi\u00a0: ${escapeHtml(c.why)}</p>`,
        links('Fiches concernées', c.fiches.map((code) => ({ href: url(ficheHref(code)), text: `${code} — ${titleOf(options.ficheTitles, code)}` }))),
        links('Rédactions types concernées', c.drafts.map((id) => ({ href: url(draftHref(id)), text: titleOf(options.draftTitles, id) }))),
      ].join(''),
    })),
  };
}
