/**
 * Nouveautés dans le site construit : page et flux Atom tirés de content/changes.yaml, flux annoncé par chaque page,
 * historique et lien « Signaler une erreur » sur chaque fiche et chaque rédaction type.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { publisher } from '../../src/config/publisher';
import { readChanges, readFicheFiles } from '../../src/lib/content-files';
import { absoluteUrl, feedUrl, historyOf, newestFirst } from '../../src/lib/changes';
import { formatDateFr } from '../../src/lib/format';
import { drafts } from '../../src/lib/redactions/loaders/catalog';
import { atomLinkOf, feedHrefs, mailtoOf, readFeed } from '../support/feed';

const base = process.env.BASE_PATH || '/';
const changes = readChanges();
const page = (path: string) => readFileSync(join('dist', path, 'index.html'), 'utf8');
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });

describe('Nouveautés page and feed', () => {
  test('the page lists every entry newest first, with its French date', () => {
    const html = main(page('nouveautes'));
    const ids = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(newestFirst(changes).map((c) => c.id));
    for (const c of changes) expect(html).toContain(`<time datetime="${c.date.toISOString().slice(0, 10)}">${formatDateFr(c.date)}</time>`);
  });

  test('the Atom feed parses, lists the same entries in the same order, with absolute addresses under the base', () => {
    const feed = readFeed(readFileSync('dist/nouveautes.xml', 'utf8'));
    expect(feed.entry.map((e) => e.id.split('/').pop())).toEqual(newestFirst(changes).map((c) => c.id));
    const root = absoluteUrl(publisher.siteUrl, base, '/');
    for (const href of feedHrefs(feed)) expect(href.startsWith(root), href).toBe(true);
    expect(feed.link).toContainEqual({ '@rel': 'self', '@type': 'application/atom+xml', '@href': feedUrl(publisher.siteUrl, base) });
  });

  test('every page announces the feed in its head', () => {
    const files = htmlFiles('dist');
    expect(files.length).toBeGreaterThan(50);
    const missing = files.filter((file) => atomLinkOf(readFileSync(file, 'utf8')) !== feedUrl(publisher.siteUrl, base));
    expect(missing).toEqual([]);
  });

  test('the sidebar and the site map lead to the page', () => {
    const href = `href="${base}nouveautes/"`;
    expect(page('fiches/c4')).toContain(href);
    expect(main(page('plan-du-site'))).toContain(href);
  });
});

describe('history and error report on fiches and drafts', () => {
  const cases = [
    ...readFicheFiles().map((f) => ({ path: `fiches/${f.code.toLowerCase()}`, kind: 'la fiche', code: f.code, updated: new Date(String(f.data.updated)), target: { fiche: f.code } })),
    ...drafts.map((d) => ({ path: `redactions/${d.id}`, kind: 'la rédaction type', code: d.id, updated: d.updated, target: { draft: d.id } })),
  ];

  test.each(cases.map((c) => [c.path, c]))('%s shows its update date, its own history and a prefilled error report', (path, c) => {
    const html = main(page(path));
    expect(html).toContain(`Mise à jour le <time datetime="${c.updated.toISOString().slice(0, 10)}">${formatDateFr(c.updated)}</time>`);
    const section = html.slice(html.indexOf('<section class="page-history"'));
    const linked = [...section.matchAll(/href="[^"]*\/nouveautes\/#([^"]+)"/g)].map((m) => m[1]);
    expect(linked).toEqual(historyOf(changes, c.target).map((e) => e.id));
    const mail = mailtoOf(section);
    expect(mail.to).toBe(publisher.email);
    expect(mail.subject).toContain(`Erreur signalée dans ${c.kind} ${c.code}\u00a0: `);
    expect(mail.body).toContain(`\r\n${absoluteUrl(publisher.siteUrl, base, `/${path}/`)}\r\n`);
  });
});
