/**
 * Parcours « Vous êtes… », impression d'une fiche et recueil complet, dans Chromium sur le site construit.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { AUDIENCE_IDS, ficheHref } from '../../src/lib/themes';

const site = inject('siteUrl');
const root = new URL(site).pathname.replace(/\/$/, '');
let context: BrowserContext;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => ({ browser: context, close } = await launchBrowser()));
afterAll(() => close?.());

/** Les 26 fiches du recueil, dans l'ordre des codes. */
const PLAN_CODES = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'D1', 'D2', 'D3', 'D4', 'E1', 'E2', 'E3', 'E4', 'E5'];

/** Chaque parcours, dans l'ordre où les questions se posent (la spécification éditoriale des pages). */
const PATHS = {
  acheteur: { title: 'Vous êtes acheteur', codes: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'B2', 'B4', 'B5'] },
  facilitateur: { title: 'Vous êtes facilitateur', codes: ['E1', 'D4', 'C3', 'D3', 'A3', 'A2', 'B2', 'B4', 'E5'] },
  entreprise: { title: 'Vous êtes une entreprise', codes: ['C4', 'C5', 'D3', 'B1', 'D2', 'A1', 'B2', 'B4', 'B5'] },
  'structure-inclusive': { title: 'Vous êtes une structure inclusive', codes: ['D2', 'B1', 'B2', 'C6', 'C7', 'A1', 'A2', 'B3', 'A3'] },
  'elu-decideur': { title: 'Vous êtes élu ou décideur', codes: ['C1', 'C2', 'E2', 'E1', 'C8', 'A4', 'C7', 'E5'] },
} as const;

describe('« Vous êtes… » reading paths', () => {
  test('there is a path for each of the five audiences', () => {
    expect(Object.keys(PATHS).sort()).toEqual([...AUDIENCE_IDS].sort());
  });

  for (const [id, path] of Object.entries(PATHS)) {
    test(`${id}: the steps are listed in order, each a question leading to an existing fiche`, async () => {
      const { page, foreignRequests, consoleErrors } = await openPage(context);
      const response = await page.goto(`${site}publics/${id}/`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').innerText()).resolves.toBe(path.title);

      const steps = page.locator('ol.reading-path > li');
      const codes = await steps.locator('.reading-path__fiche .fiche-code').allInnerTexts();
      expect(codes).toEqual(path.codes);
      // Chaque étape : une question en titre, une phrase, un lien vers la fiche de ce code.
      const questions = await steps.getByRole('heading').allInnerTexts();
      expect(questions).toHaveLength(path.codes.length);
      for (const q of questions) expect(q.trim()).toMatch(/\?$/);
      const hrefs = await steps.locator('.reading-path__fiche a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(path.codes.map((c) => root + ficheHref(c)));
      const titles = await steps.locator('.reading-path__title').allInnerTexts();

      // Les liens mènent à la bonne fiche : même code, même titre.
      const fiche = await context.newPage();
      for (const [i, href] of hrefs.entries()) {
        const r = await fiche.goto(new URL(href!, site).href);
        expect(r?.status(), href!).toBe(200);
        await expect(fiche.locator('h1').innerText()).resolves.toBe(titles[i]);
        await expect(fiche.locator('.fiche-meta .fiche-code').innerText()).resolves.toBe(path.codes[i]);
      }
      await fiche.close();

      // Les modèles de l'annexe sont signalés par un lien vers son index, jamais vers une rédaction isolée.
      const annexLinks = await page.locator('main a[href*="/redactions/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(annexLinks.length).toBeGreaterThan(0);
      expect(new Set(annexLinks)).toEqual(new Set([`${root}/redactions/`]));
      expect(foreignRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await page.close();
    });
  }

  test('the home page links each audience card to its path, elected officials included', async () => {
    const { page } = await openPage(context);
    await page.goto(site);
    for (const [id, path] of Object.entries(PATHS)) {
      const heading = page.getByRole('heading', { name: path.title, exact: true });
      await expect(heading.count()).resolves.toBe(1);
      await expect(heading.getByRole('link').getAttribute('href')).resolves.toBe(`${root}/publics/${id}/`);
    }
    await page.getByRole('link', { name: 'Vous êtes élu ou décideur' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Vous êtes élu ou décideur');
    await page.close();
  });

  test('the site map lists the five paths and the whole recueil', async () => {
    const { page } = await openPage(context);
    await page.goto(`${site}plan-du-site/`);
    const main = page.locator('main');
    for (const [id, path] of Object.entries(PATHS)) {
      await expect(main.getByRole('link', { name: path.title, exact: true }).getAttribute('href')).resolves.toBe(`${root}/publics/${id}/`);
    }
    await expect(main.getByRole('link', { name: /^Recueil complet/ }).getAttribute('href')).resolves.toBe(`${root}/recueil-complet/`);
    await page.close();
  });
});

/** Le navigateur dessine-t-il quelque chose de l'élément ou de ses descendants ? */
const rendered = (page: Page, selector: string) =>
  page.evaluate((sel) => [...document.querySelectorAll(sel)].some((el) =>
    [el, ...el.querySelectorAll('*')].some((node) => node.getClientRects().length > 0)), selector);

/** L'habillage de l'écran : en-tête, navigation, recherche, thème, sommaire, pagination, lien d'évitement, liens du pied de page. */
const CHROME = [
  '.page > header', 'nav.sidebar', 'site-search', 'starlight-theme-select', '.right-sidebar-container', 'starlight-toc',
  '.pagination-links', '.sl-skip-link', '.site-footer nav',
];

describe('printing a fiche', () => {
  test('on screen, the chrome is there (so the print test below is meaningful)', async () => {
    const { page } = await openPage(context);
    await page.goto(`${site}fiches/c3/`);
    for (const selector of CHROME) expect(await rendered(page, selector), selector).toBe(true);
    await page.close();
  });

  test('print media hides the header, sidebar, search, table of contents, pagination and footer links, and keeps the title', async () => {
    const { page } = await openPage(context);
    await page.goto(`${site}fiches/c3/`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of [...CHROME, 'mobile-starlight-toc', '.sl-anchor-link', '.glossary-term__tip']) {
      await expect(page.locator(selector).count(), `${selector} est absent de la page`).resolves.toBeGreaterThan(0);
      expect(await rendered(page, selector), `${selector} reste visible à l'impression`).toBe(false);
    }
    // Même au focus, l'infobulle du glossaire ne s'imprime pas.
    await page.locator('.glossary-term > a').first().focus();
    expect(await rendered(page, '.glossary-term__tip')).toBe(false);

    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/Calibrer la clause/);
    await expect(page.locator('.legal-basis').isVisible()).resolves.toBe(true);
    // Une ligne de provenance : le nom du site et l'adresse de la page.
    await expect(page.locator('.site-footer__brand').isVisible()).resolves.toBe(true);
    const provenance = await page.$eval('.site-footer__brand', (el) => getComputedStyle(el, '::after').content);
    expect(provenance).toContain('/fiches/c3/');

    // Noir sur blanc, corps lisible.
    const body = await page.$eval('.sl-markdown-content p', (el) => {
      const s = getComputedStyle(el);
      return { color: s.color, size: parseFloat(s.fontSize) };
    });
    expect(body.color).toBe('rgb(0, 0, 0)');
    expect(body.size).toBeGreaterThanOrEqual(14); // 11 pt ≈ 14,7 px

    // L'adresse des liens externes est imprimée, pas celle des liens internes ni du glossaire.
    const after = (selector: string) => page.$eval(selector, (el) => getComputedStyle(el, '::after').content);
    await expect(after('.legal-basis a[href^="http"]')).resolves.toMatch(/^" \(https:\/\/.+\)"$/);
    await expect(after('.sl-markdown-content a[href*="/fiches/"]')).resolves.toBe('none');
    await expect(after('.glossary-term > a')).resolves.toBe('none');

    // Pas de coupure à l'intérieur des encadrés, des tableaux et des éléments de liste ; titres liés au paragraphe suivant.
    const breaks = await page.evaluate(() => ({
      meta: getComputedStyle(document.querySelector('.fiche-meta')!).breakInside,
      table: getComputedStyle(document.querySelector('.sl-markdown-content table')!).breakInside,
      li: getComputedStyle(document.querySelector('.sl-markdown-content li')!).breakInside,
      legalItem: getComputedStyle(document.querySelector('.legal-basis li')!).breakInside,
      heading: getComputedStyle(document.querySelector('.sl-markdown-content h2')!).breakAfter,
    }));
    expect(breaks).toEqual({ meta: 'avoid', table: 'avoid', li: 'avoid', legalItem: 'avoid', heading: 'avoid' });
    await page.close();
  });
});

describe('the whole recueil on one page', () => {
  test('contains the 26 fiches in code order, grouped by theme, with a working table of contents', async () => {
    const { page, foreignRequests, consoleErrors } = await openPage(context);
    const response = await page.goto(`${site}recueil-complet/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').innerText()).resolves.toBe('Recueil complet');

    const ficheHeadings = await page.locator('main article.recueil-fiche > h3').allInnerTexts();
    const codes = ficheHeadings.map((h) => /^\s*([A-E]\d)\b/.exec(h)?.[1]);
    expect(codes).toEqual(PLAN_CODES);
    const themes = await page.locator('main .recueil-theme > h2').allInnerTexts();
    expect(themes.map((t) => t[0])).toEqual(['A', 'B', 'C', 'D', 'E']);
    // Chaque fiche a son contenu complet (ses cinq sections) et sa base juridique.
    await expect(page.locator('main article.recueil-fiche h4', { hasText: 'Points de vigilance' }).count()).resolves.toBe(26);
    await expect(page.locator('main article.recueil-fiche .legal-basis').count()).resolves.toBe(26);

    // Le sommaire renvoie à chaque fiche, et chaque ancre existe sur la page.
    const toc = await page.locator('nav.recueil-toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(toc).toEqual(expect.arrayContaining(PLAN_CODES.map((c) => `#fiche-${c.toLowerCase()}`)));
    const missing = await page.evaluate((hrefs) => hrefs.filter((h) => !document.getElementById(decodeURIComponent(h.slice(1)))), toc);
    expect(missing).toEqual([]);
    // Tous les liens internes à la page aussi (liens entre fiches, glossaire en contexte).
    const dangling = await page.evaluate(() => [...document.querySelectorAll('main a[href^="#"]')]
      .map((a) => a.getAttribute('href')!)
      .filter((h) => h.length > 1 && !document.getElementById(decodeURIComponent(h.slice(1)))));
    expect(dangling).toEqual([]);
    const duplicates = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicates).toEqual([]);

    // Aller à une fiche depuis le sommaire.
    await page.locator('nav.recueil-toc').getByRole('link', { name: /Calibrer la clause/ }).click();
    expect(new URL(page.url()).hash).toBe('#fiche-c3');
    await expect(page.locator('#fiche-c3').isVisible()).resolves.toBe(true);

    // L'annexe en fin de page, et la page n'est pas indexée par la recherche.
    await expect(page.locator('#annexe').isVisible()).resolves.toBe(true);
    await expect(page.locator('main .recueil-annexe a').getAttribute('href')).resolves.toBe(`${root}/redactions/`);
    await expect(page.locator('[data-pagefind-body]').count()).resolves.toBe(0);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('prints each fiche on a new page, without the chrome', async () => {
    const { page } = await openPage(context);
    await page.goto(`${site}recueil-complet/`);
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.$$eval('article.recueil-fiche', (els) => els.map((el) => {
      const s = getComputedStyle(el);
      const themeStart = el.previousElementSibling?.matches('h2') ?? false;
      return themeStart ? getComputedStyle(el.parentElement!).breakBefore : s.breakBefore;
    }));
    expect(breaks).toHaveLength(26);
    expect(new Set(breaks)).toEqual(new Set(['page']));
    for (const selector of CHROME) expect(await rendered(page, selector), selector).toBe(false);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    await page.close();
  });
});
