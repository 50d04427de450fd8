/**
 * Chaque page du plan de site : zéro violation axe (WCAG 2.1 A/AA) dans le thème clair et dans le thème sombre,
 * aucune requête hors de 127.0.0.1, aucune erreur de console.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, openPage, runAxe, sitemapUrls } from '../support/browser';
import { publisher } from '../../src/config/publisher';

const site = inject('siteUrl');
const urls = sitemapUrls('dist', site, publisher.siteUrl);
let context: BrowserContext;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => ({ browser: context, close } = await launchBrowser()));
afterAll(() => close?.());

describe('every page of the sitemap', () => {
  test('the sitemap lists the pages of the site', () => {
    expect(urls.length).toBeGreaterThan(10);
    expect(urls).toContain(`${site}fiches/e2/`);
  });

  test.each(urls.map((u) => [u.slice(site.length - 1)]))('%s has no axe violation in either theme, no foreign request, no console error', async (path) => {
    const { page, foreignRequests, consoleErrors } = await openPage(context);
    const response = await page.goto(site.replace(/\/$/, '') + path, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    // Le thème de Starlight est l'attribut data-theme de <html> (ce que fait son sélecteur de thème).
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      expect(await runAxe(page), `thème ${theme === 'light' ? 'clair' : 'sombre'}`).toEqual([]);
    }
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
