import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, runAxe } from '../support/browser';

const site = inject('siteUrl');
let context: BrowserContext;
let close: (() => Promise<void>) | undefined;
beforeAll(async () => ({ browser: context, close } = await launchBrowser()));
afterAll(() => close?.());

/** Cherche sur la page de recherche et renvoie les chemins des résultats, dans l'ordre. */
async function searchPage(page: Page, query: string): Promise<string[]> {
  await page.goto(`${site}recherche/`);
  await page.getByLabel('Votre recherche').fill(query);
  await page.getByLabel('Votre recherche').press('Enter');
  await page.locator('.rs-status').filter({ hasText: /résultat/ }).waitFor();
  return page.locator('.rs-results h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

const path = (p: string) => new URL(site).pathname.replace(/\/$/, '') + p;

describe('search', () => {
  const cases: [string, string][] = [
    ['eligibilite', '/fiches/a2/'],
    ['calibrage', '/fiches/c3/'],
    ['C4', '/fiches/c4/'],
    ["combien d'heures d'insertion", '/fiches/c3/'],
    ['marché réservé ESAT', '/fiches/c6/'],
    ['marches reserves', '/fiches/c6/'],
    ['pénalités', '/fiches/b5/'],
    ['GEIQ', '/fiches/d2/'],
    ['loi climat obligation', '/fiches/c1/'],
    ['globalisation', '/fiches/b3/'],
    ['critere attribution', '/fiches/c5/'],
    ['portage territorial', '/fiches/e2/'],
  ];
  test.each(cases)('« %s » puts %s in the first three results', async (query, expected) => {
    const { page } = await openPage(context);
    const results = await searchPage(page, query);
    expect(results.slice(0, 3)).toContain(path(expected));
    await page.close();
  });

  test('a word found only after an elided article is found (« emploi » in « l’emploi »), and excerpts keep the elision', async () => {
    const { page } = await openPage(context);
    const results = await searchPage(page, 'emploi');
    expect(results).toContain(path('/fiches/d1/'));
    const titles = await page.locator('.rs-results h2').allInnerTexts();
    expect(titles.join(' ')).toContain('l’emploi');
    expect(titles.join(' ')).not.toMatch(/[ld]’ /);
    await page.close();
  });

  test('filters narrow the results and show counts', async () => {
    const { page } = await openPage(context);
    const all = await searchPage(page, 'clause');
    await page.getByRole('group', { name: 'Type de page' }).getByLabel(/^Fiche \(\d+\)$/).check();
    await expect.poll(() => page.locator('.rs-results h2 a').count()).toBeLessThan(all.length);
    const fiches = await page.locator('.rs-results h2 a').evaluateAll((l) => l.map((a) => (a as HTMLAnchorElement).pathname));
    expect(fiches.length).toBeGreaterThan(0);
    for (const p of fiches) expect(p).toMatch(/\/fiches\/[a-e]\d\/$/);
    await page.getByRole('group', { name: 'Thème' }).getByLabel(/^C — /).check();
    await expect.poll(async () => (await page.locator('.rs-results h2 a').evaluateAll((l) => l.map((a) => (a as HTMLAnchorElement).pathname))).every((p) => /\/fiches\/c\d\/$/.test(p))).toBe(true);
    const params = new URL(page.url()).searchParams;
    expect(params.getAll('type')).toEqual(['Fiche']);
    expect(params.getAll('theme')).toEqual(['C — La préparation du contrat public']);
    await page.close();
  });

  test('the search page restores query and filters from its URL, and the back button returns to the previous filters', async () => {
    const { page } = await openPage(context);
    await page.goto(`${site}recherche/?q=GEIQ&type=Fiche`);
    await page.locator('.rs-status').filter({ hasText: /résultat/ }).waitFor();
    await expect(page.getByLabel('Votre recherche').inputValue()).resolves.toBe('GEIQ');
    await expect(page.getByRole('group', { name: 'Type de page' }).getByLabel(/^Fiche/).isChecked()).resolves.toBe(true);
    await page.getByRole('group', { name: 'Public' }).getByLabel(/^Entreprises/).check();
    await expect.poll(() => page.url()).toMatch(/public=Entreprises/);
    await page.goBack();
    await expect.poll(() => page.url()).not.toMatch(/public=/);
    await expect.poll(() => page.getByRole('group', { name: 'Public' }).getByLabel(/^Entreprises/).isChecked()).toBe(false);
    await page.close();
  });

  test('results show the fiche code, title and one-line description', async () => {
    const { page } = await openPage(context);
    await searchPage(page, 'pénalités');
    const first = page.locator('.rs-results li').first();
    await expect(first.locator('.fiche-code').innerText()).resolves.toBe('B5');
    await expect(first.locator('.rs-desc').innerText()).resolves.toMatch(/\w{4,}.*\w{4,}/);
    await page.close();
  });

  test('the header search loads nothing until opened, then works in French', async () => {
    const { page } = await openPage(context);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${site}fiches/c3/`, { waitUntil: 'networkidle' });
    expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rechercher' });
    await dialog.getByRole('searchbox', { name: /^Rechercher/ }).fill('pénalités');
    const results = dialog.getByRole('list').first().getByRole('link');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    await expect(results.first().innerText()).resolves.toMatch(/^B5 · /);
    await expect(dialog.getByRole('status').innerText()).resolves.toMatch(/^\d+ résultats? pour «\spénalités\s»/);
    const text = await dialog.innerText();
    for (const english of ['No results', 'Clear', 'Search this site', 'Load more', 'results for', 'Filters']) expect(text).not.toContain(english);
    expect(text).not.toMatch(/[ld]’ /); // élisions recollées dans les titres et les extraits
    expect(requests.filter((u) => /pagefind-ui|pagefind-worker/.test(u))).toEqual([]); // ni l'interface de Pagefind, ni son worker
    await expect(dialog.getByRole('link', { name: /Recherche avancée/ }).getAttribute('href')).resolves.toMatch(/recherche\/\?q=p%C3%A9nalit%C3%A9s$/);
    await page.close();
  });

  test('Ctrl+K opens the header search with the focus in its field; results and sections have no axe violation in either theme', async () => {
    const { page, consoleErrors } = await openPage(context);
    await page.goto(`${site}fiches/b2/`, { waitUntil: 'networkidle' });
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Rechercher' });
    const field = dialog.getByRole('searchbox', { name: /^Rechercher/ });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('pénalités');
    await dialog.getByRole('list').first().getByRole('link').first().waitFor();
    // Sous le résultat de la fiche B5, des liens vers ses sections (ancres de la page).
    await expect(dialog.getByRole('link', { name: /^B5 · / }).locator('xpath=..').getByRole('link').evaluateAll((links) => links.slice(1).map((a) => (a as HTMLAnchorElement).hash))).resolves.toContainEqual(expect.stringMatching(/^#.+/));
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      expect(await runAxe(page), `thème ${theme === 'light' ? 'clair' : 'sombre'}`).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
