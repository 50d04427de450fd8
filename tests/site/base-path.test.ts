/**
 * Déploiement sous un sous-chemin : une copie du projet construite avec BASE_PATH=/recueil/ n'a aucun lien
 * interne cassé ni hors de cette base (liens écrits dans les fiches compris), et ses résultats de recherche y mènent ;
 * le flux Atom, son annonce dans <head> et l'adresse citée par « Signaler une erreur » sont des adresses absolues qui
 * gardent la base.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { findBrokenLinks } from '../support/links';
import { copyProject, type ProjectCopy } from '../support/project-copy';
import { launchBrowser } from '../support/browser';
import { serveDist } from '../../scripts/static-server.mjs';
import { atomLinkOf, feedHrefs, mailtoOf, readFeed } from '../support/feed';

let project: ProjectCopy;
let build: { status: number | null; output: string };
beforeAll(() => {
  project = copyProject('base');
  build = project.build({ BASE_PATH: '/recueil/' });
});
afterAll(() => project.remove());

describe('deployment under a sub-path', () => {
  test('the site builds with BASE_PATH=/recueil/ and every internal link stays under it', () => {
    expect(build.status, build.output.slice(-2000)).toBe(0);
    expect(findBrokenLinks(project.path('dist'), '/recueil/')).toEqual([]);
  });

  test('links written in fiches carry the base', () => {
    const html = readFileSync(project.path('dist/fiches/c1/index.html'), 'utf8');
    expect(html).toContain('href="/recueil/fiches/c2/"');
    expect(html).not.toMatch(/href="\/fiches\//);
  });

  test('search results, in the header and on the search page, lead to pages under the base', async () => {
    const server = await serveDist({ root: project.path('dist'), base: '/recueil/' });
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}fiches/b2/`, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Rechercher' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rechercher' });
      await dialog.getByRole('searchbox').fill('pénalités');
      const first = dialog.getByRole('list').first().getByRole('link').first();
      await expect(first.getAttribute('href', { timeout: 30_000 })).resolves.toBe('/recueil/fiches/b5/');
      await page.goto(`${server.url}recherche/?q=GEIQ`);
      await expect(page.locator('.rs-results h2 a').first().getAttribute('href', { timeout: 30_000 })).resolves.toBe('/recueil/fiches/d2/');
    } finally {
      await close();
      await server.close();
    }
  });

  test('the Atom feed, its announcement in <head> and the error report use absolute addresses under the base', () => {
    const root = 'https://recueil-clause-sociale.fr/recueil/';
    const feed = readFeed(readFileSync(project.path('dist/nouveautes.xml'), 'utf8'));
    const hrefs = feedHrefs(feed);
    expect(hrefs.length).toBeGreaterThan(feed.entry.length * 2);
    expect(hrefs.filter((href) => !href.startsWith(root))).toEqual([]);
    expect(hrefs).toContain(`${root}fiches/c4/`);
    expect(feed.link).toContainEqual({ '@rel': 'self', '@type': 'application/atom+xml', '@href': `${root}nouveautes.xml` });

    const html = readFileSync(project.path('dist/fiches/c1/index.html'), 'utf8');
    expect(atomLinkOf(html)).toBe(`${root}nouveautes.xml`);
    expect(html).toContain('href="/recueil/nouveautes/#obligation-article-l2112-2-1"');
    expect(mailtoOf(html).body).toContain(`\r\n${root}fiches/c1/\r\n`);
  });

  test('the offline copy is registered under the base, with the service worker at its root', () => {
    const script = readdirSync(project.path('dist/_astro')).find((f) => f.startsWith('OfflineUpdate'));
    if (!script) throw new Error('Aucun script OfflineUpdate dans dist/_astro');
    expect(readFileSync(project.path(`dist/_astro/${script}`), 'utf8')).toMatch(/["'`]\/recueil\/["'`]/);
    expect(readFileSync(project.path('dist/sw.js'), 'utf8')).toContain('{url:"fiches/c1/index.html"');
  });
});
