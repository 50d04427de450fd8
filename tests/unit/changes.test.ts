/**
 * Historique du recueil (content/changes.yaml) : le fichier est valide, chaque fiche et chaque rédaction type a
 * pour date `updated` celle de sa dernière entrée, et le flux Atom qui en est tiré est un XML bien formé aux éléments
 * Atom attendus, dans l'ordre, avec des adresses absolues qui gardent la base de déploiement.
 */
import { describe, expect, test } from 'vitest';
import { readChanges, readFicheFiles, readKnownIds } from '../../src/lib/content-files';
import { changeSchema, type Change } from '../../src/lib/schemas';
import { parseWithFriendlyErrors } from '../../src/lib/content-errors';
import { changesFeed, feedUrl, historyMismatches, historyOf, newestFirst, type Dated, type FeedOptions } from '../../src/lib/changes';
import { atomXml } from '../../src/lib/atom';
import { drafts } from '../../src/lib/redactions/loaders/catalog';
import { readFeed } from '../support/feed';

const changes = readChanges();
const fiches = readFicheFiles();
const SITE = 'https://recueil-clause-sociale.fr';

const pages: Dated[] = [
  ...fiches.map((f) => ({ label: `fiche ${f.code} (${f.file})`, target: { fiche: f.code }, updated: new Date(String(f.data.updated)) })),
  ...drafts.map((d) => ({ label: `rédaction type ${d.id} (${d.file})`, target: { draft: d.id }, updated: d.updated })),
];

const change = (id: string, date: string, over: Partial<Change> = {}): Change => ({
  id, date: new Date(date), title: `Titre ${id}`, what: 'Ce qui a changé.', why: 'Pourquoi cela a changé.', fiches: [], drafts: [], ...over,
});

function feedOptions(base: string): FeedOptions {
  return {
    site: SITE,
    base,
    title: 'Nouveautés',
    subtitle: 'Ce qui a changé.',
    author: { name: 'Éditeur', email: 'contact@example.org' },
    ficheTitles: new Map(fiches.map((f) => [f.code, f.title])),
    draftTitles: new Map(drafts.map((d) => [d.id, d.title])),
  };
}

describe('content/changes.yaml', () => {
  test('has entries, each with a unique id, citing only existing fiches and drafts', () => {
    expect(changes.length).toBeGreaterThan(3);
    expect(new Set(changes.map((c) => c.id)).size).toBe(changes.length);
  });

  test('every fiche and every draft has a history whose latest date is its `updated` date', () => {
    expect(pages.length).toBe(fiches.length + drafts.length);
    expect(historyMismatches(changes, pages)).toEqual([]);
  });

  test('the file is written newest first, as the page shows it', () => {
    expect(changes.map((c) => c.id)).toEqual(newestFirst(changes).map((c) => c.id));
  });
});

describe('history rules', () => {
  const history = [change('b', '2026-11-30', { fiches: ['C4'] }), change('a', '2026-11-22', { fiches: ['C4', 'C5'], drafts: ['reserve-siae'] })];

  test('a page whose `updated` differs from its latest entry is reported, naming both dates', () => {
    const problems = historyMismatches(history, [{ label: 'fiche C5', target: { fiche: 'C5' }, updated: new Date('2026-11-30') }]);
    expect(problems).toEqual(['fiche C5 : updated: 2026-11-30, mais sa dernière entrée de content/changes.yaml (« a ») est datée du 2026-11-22.']);
  });

  test('a page that no entry concerns is reported', () => {
    const problems = historyMismatches(history, [{ label: 'rédaction type note-calibrage', target: { draft: 'note-calibrage' }, updated: new Date('2026-11-30') }]);
    expect(problems).toEqual(['rédaction type note-calibrage : aucune entrée de content/changes.yaml ne la concerne (updated: 2026-11-30).']);
  });

  test('the history of a page lists only its entries, newest first, and same-day entries keep the file order', () => {
    const list = [change('old', '2026-01-01', { fiches: ['C4'] }), change('first', '2026-11-30', { fiches: ['C4'] }), change('other', '2026-12-01', { fiches: ['C1'] }), change('second', '2026-11-30', { fiches: ['C4'] })];
    expect(historyOf(list, { fiche: 'C4' }).map((c) => c.id)).toEqual(['first', 'second', 'old']);
    expect(historyOf(history, { draft: 'reserve-siae' }).map((c) => c.id)).toEqual(['a']);
  });

  test('an entry citing an unknown fiche or draft is refused with a French message naming the field', () => {
    const entry = { id: 'essai', date: '2026-12-01', title: 'Un essai', what: 'Ce qui a changé.', why: 'Pourquoi cela.', fiches: ['C4', 'Z9'], drafts: ['inconnue'] };
    expect(() => parseWithFriendlyErrors(changeSchema(readKnownIds()), entry, { file: 'content/changes.yaml', entry: 'essai' })).toThrowErrorMatchingInlineSnapshot(`
      [ContentError: content/changes.yaml, champ « essai.fiches.1 » : Fiche inconnue : « Z9 ». Les codes existants sont ceux des fichiers src/content/docs/fiches/*.mdx.
      content/changes.yaml, champ « essai.drafts.0 » : Rédaction type inconnue : « inconnue ». Les identifiants existants sont les noms des fichiers de content/redactions/.]
    `);
  });

  test('an unreadable date is refused', () => {
    const entry = { id: 'essai', date: '30/11/2026', title: 'Un essai', what: 'Ce qui a changé.', why: 'Pourquoi cela.' };
    expect(() => parseWithFriendlyErrors(changeSchema(readKnownIds()), entry, { file: 'content/changes.yaml', entry: 'essai' })).toThrowErrorMatchingInlineSnapshot(`[ContentError: content/changes.yaml, champ « essai.date » : attendu une date au format AAAA-MM-JJ, trouvé « 30/11/2026 »]`);
  });
});

describe('Atom feed', () => {
  test('is well-formed XML with the Atom elements a reader requires', () => {
    const feed = readFeed(atomXml(changesFeed(changes, feedOptions('/'))));
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@xml:lang']).toBe('fr');
    expect(feed.id).toBe('tag:recueil-clause-sociale.fr,2026:nouveautes');
    expect(feed.title).toBe('Nouveautés');
    expect(feed.author.name).toBe('Éditeur');
    expect(feed.link).toContainEqual({ '@rel': 'self', '@type': 'application/atom+xml', '@href': `${SITE}/nouveautes.xml` });
    expect(feed.link).toContainEqual({ '@rel': 'alternate', '@type': 'text/html', '@href': `${SITE}/nouveautes/` });
    expect(feed.entry).toHaveLength(changes.length);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^tag:recueil-clause-sociale\.fr,2026:nouveautes\/[a-z0-9-]+$/);
      expect(entry.title.length).toBeGreaterThan(4);
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(entry.summary.length).toBeGreaterThan(10);
      expect(entry.content['@type']).toBe('html');
    }
    expect(new Set(feed.entry.map((e) => e.id)).size).toBe(changes.length);
  });

  test('entries go from newest to oldest and the feed is dated by its newest entry', () => {
    const feed = readFeed(atomXml(changesFeed([change('a', '2026-01-05'), change('c', '2026-03-01'), change('b', '2026-02-10')], feedOptions('/'))));
    expect(feed.entry.map((e) => e.id.split('/').pop())).toEqual(['c', 'b', 'a']);
    expect(feed.updated).toBe('2026-03-01T00:00:00Z');
    const real = readFeed(atomXml(changesFeed(changes, feedOptions('/'))));
    const dates = real.entry.map((e) => e.updated);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('every address is absolute and keeps the base path when the site is served under /recueil/', () => {
    const xml = atomXml(changesFeed(changes, feedOptions('/recueil/')));
    const feed = readFeed(xml);
    const hrefs = [
      ...feed.link.map((l) => l['@href']),
      ...feed.entry.flatMap((e) => [...e.link.map((l) => l['@href']), ...[...e.content['#text'].matchAll(/href="([^"]+)"/g)].map((m) => m[1]!)]),
    ];
    expect(hrefs.length).toBeGreaterThan(changes.length * 2);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/recueil-clause-sociale\.fr\/recueil\/(nouveautes|fiches|redactions)/);
    expect(feed.link).toContainEqual({ '@rel': 'self', '@type': 'application/atom+xml', '@href': `${SITE}/recueil/nouveautes.xml` });
    expect(feedUrl(SITE, '/recueil/')).toBe(`${SITE}/recueil/nouveautes.xml`);
    expect(feedUrl(SITE, '/')).toBe(`${SITE}/nouveautes.xml`);
    // Une entrée nomme les fiches qu'elle touche, liées à leur page.
    const c4 = feed.entry.find((e) => e.id.endsWith('/obligation-article-l2112-2-1'))!;
    expect(c4.content['#text']).toContain(`href="${SITE}/recueil/fiches/c4/"`);
  });

  test('text with markup characters stays text', () => {
    const xml = atomXml(changesFeed([change('a', '2026-01-05', { title: 'R&D <b>', what: 'Un « & » et un <script>.' })], feedOptions('/')));
    const feed = readFeed(xml);
    expect(feed.entry[0]!.title).toBe('R&D <b>');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<b>');
  });
});
