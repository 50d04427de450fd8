/**
 * Lecture du flux Atom et des liens « Signaler une erreur » d'un site construit, pour les tests du site
 * (à la racine et sous une base) : le flux doit être un XML bien formé (fast-xml-validator, qui remplace le
 * validateur de fast-xml-parser), puis il est lu par fast-xml-parser.
 */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';

export interface FeedLink { '@rel': string; '@href': string; '@type'?: string }
export interface FeedEntry { id: string; title: string; updated: string; link: FeedLink[]; summary: string; content: { '#text': string; '@type': string } }
export interface Feed {
  '@xmlns': string;
  '@xml:lang': string;
  id: string;
  title: string;
  updated: string;
  link: FeedLink[];
  author: { name: string; email?: string };
  entry: FeedEntry[];
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) });

/** Le flux, après vérification que le XML est bien formé (sinon le validateur lève une erreur qui dit où). */
export function readFeed(xml: string): Feed {
  SyntaxValidator.validate(xml);
  return (parser.parse(xml) as { feed: Feed }).feed;
}

/** Toutes les adresses du flux : liens du flux, des entrées et du contenu HTML des entrées. */
export const feedHrefs = (feed: Feed) => [
  ...feed.link.map((l) => l['@href']),
  ...feed.entry.flatMap((e) => [...e.link.map((l) => l['@href']), ...[...e.content['#text'].matchAll(/href="([^"]+)"/g)].map((m) => m[1]!)]),
];

const decodeEntities = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Le lien mailto: prérempli (avec objet) d’une page HTML, décodé comme le ferait une messagerie (RFC 6068). */
export function mailtoOf(html: string): { to: string; subject: string; body: string; text: string } {
  const match = /<a href="(mailto:[^"?]*\?subject=[^"]*)">([^<]*)<\/a>/.exec(html);
  if (!match) throw new Error('aucun lien mailto: dans la page');
  const href = decodeEntities(match[1]!);
  const [to, query = ''] = href.slice('mailto:'.length).split('?');
  const fields = Object.fromEntries(query.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
  return { to: to!, subject: fields.subject ?? '', body: fields.body ?? '', text: match[2]! };
}

/** Le href du flux Atom annoncé dans <head>, s'il y en a un. */
export const atomLinkOf = (html: string) =>
  /<link rel="alternate" type="application\/atom\+xml"[^>]*href="([^"]+)"/.exec(html.slice(0, html.indexOf('</head>')))?.[1];
