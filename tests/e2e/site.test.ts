import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { THEMES } from '../../src/lib/themes';

const site = inject('siteUrl');
let context: BrowserContext;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => ({ browser: context, close } = await launchBrowser()));
afterAll(() => close?.());

describe('site shell', () => {
  test('the home page is in French and offers entry points by audience and by theme', async () => {
    const { page, foreignRequests, consoleErrors } = await openPage(context);
    await page.goto(site);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    for (const label of ['Vous êtes acheteur', 'Vous êtes facilitateur', 'Vous êtes une entreprise', 'Vous êtes une structure inclusive']) {
      await expect(page.getByRole('heading', { name: label }).count()).resolves.toBe(1);
    }
    for (const theme of THEMES) {
      await expect(page.locator('main').getByRole('link', { name: `${theme.code} — ${theme.title}` }).count()).resolves.toBe(1);
    }
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('the sidebar groups fiches in the five themes, in order A to E, labelled with their code', async () => {
    const { page } = await openPage(context);
    await page.goto(`${site}fiches/e2/`);
    const groups = await page.locator('nav[aria-label="Navigation principale"] details summary').allInnerTexts();
    const themeGroups = groups.map((g) => g.trim()).filter((g) => /^[A-E] — /.test(g));
    expect(themeGroups).toEqual(THEMES.map((t) => `${t.code} — ${t.title}`));
    const e2 = page.locator('nav[aria-label="Navigation principale"] a[aria-current="page"]');
    await expect(e2.innerText()).resolves.toMatch(/^E2 · /);
    await page.close();
  });

  test('a sidebar group opened by the reader stays open on the next page (state restored by src/components/Sidebar.astro)', async () => {
    const { page, consoleErrors } = await openPage(context);
    await page.goto(`${site}glossaire/`);
    const nav = page.locator('nav[aria-label="Navigation principale"]');
    const group = nav.locator('details', { has: page.locator('summary', { hasText: 'Parcours par public' }) });
    await expect(group.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(false);
    await group.locator('summary').click();
    await expect(group.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(true);
    await nav.getByRole('link', { name: 'Références juridiques' }).click();
    await page.waitForURL(`${site}references/`);
    await expect(group.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('a fiche shows its identification, its legal basis and related fiches generated from frontmatter', async () => {
    const { page, foreignRequests } = await openPage(context);
    await page.goto(`${site}fiches/e2/`);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/portage territorial/);
    await expect(page.locator('.fiche-meta').innerText()).resolves.toMatch(/E2[\s\S]*Thème[\s\S]*Mise à jour/);
    const legal = page.getByRole('region', { name: 'Base juridique' });
    await expect(legal.getByRole('link').count()).resolves.toBeGreaterThan(0);
    const further = page.getByRole('region', { name: 'Pour aller plus loin' });
    await expect(further.getByRole('link').count()).resolves.toBeGreaterThan(0);
    // Le sommaire de la page mentionne les sections générées.
    await expect(page.locator('starlight-toc').innerText()).resolves.toMatch(/Base juridique[\s\S]*Pour aller plus loin/);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  test('each theme page lists its fiches with their one-line description', async () => {
    const { page } = await openPage(context);
    await page.goto(`${site}themes/e/`);
    const item = page.locator('.fiche-list li', { hasText: 'E2' });
    await expect(item.locator('p').innerText()).resolves.toMatch(/\w{5,}/);
    await page.close();
  });

  test('the footer links to the accessibility, legal notice and personal data pages, which exist', async () => {
    const { page } = await openPage(context);
    await page.goto(site);
    const footer = page.getByRole('navigation', { name: 'Informations légales' });
    for (const [name, heading] of [[/^Accessibilité : /, 'Accessibilité'], ['Mentions légales', 'Mentions légales'], ['Données personnelles', 'Données personnelles']] as const) {
      await footer.getByRole('link', { name }).click();
      await expect(page.locator('h1').innerText()).resolves.toBe(heading);
      await page.goBack();
    }
    await expect(page.locator('.site-footer__licence').innerText()).resolves.toMatch(/Licence Ouverte/);
    await page.close();
  });

  test('an unknown address answers 404 with a French page', async () => {
    const { page } = await openPage(context);
    const response = await page.goto(`${site}cette-page-n-existe-pas/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').innerText()).resolves.toBe('Page introuvable');
    await page.close();
  });

  test('UI strings are accented French', async () => {
    const { page } = await openPage(context);
    await page.goto(site);
    const html = await page.content();
    expect(html).toContain('Sélectionner le thème');
    expect(html).not.toMatch(/Selectionner/);
    await page.close();
  });
});
