/**
 * Déploiement sous un sous-chemin : une copie du projet construite avec BASE_PATH=/recueil/ n'a aucun lien
 * interne cassé ni hors de cette base (liens écrits dans les fiches compris), et ses résultats de recherche y mènent.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { findBrokenLinks } from '../support/links';
import { copyProject, type ProjectCopy } from '../support/project-copy';
import { launchBrowser } from '../support/browser';
import { serveDist } from '../../scripts/static-server.mjs';

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
});
