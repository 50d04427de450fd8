/**
 * La politique de sécurité du contenu (balise <meta> de chaque page) ne refuse rien de ce que le site fait :
 * chaque page du plan de site et la page 404 (îlots hydratés, dont le calculateur de la fiche C3), la recherche de
 * l'en-tête et la page /recherche/ (Pagefind : script, index, WebAssembly), un parcours de l'assistant jusqu'au
 * fichier Word (import dynamique de docx, téléchargement par une adresse blob:).
 * Un refus est relevé de deux façons : l'événement securitypolicyviolation (page, directive, adresse refusée) et
 * les messages de console de Chromium qui citent la politique.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, sitemapUrls } from '../support/browser';
import { contract, freshWizard, hydrated, lots, next, tabTo, type } from '../support/wizard-driver';
import { publisher } from '../../src/config/publisher';

const site = inject('siteUrl');
const urls = sitemapUrls('dist', site, publisher.siteUrl);
let context: BrowserContext;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => ({ browser: context, close } = await launchBrowser()));
afterAll(() => close?.());

interface Refusal { page: string; directive: string; blocked: string; sample: string }
declare global { interface Window { cspRefusals: Refusal[] } }

/** Relève les refus de la politique : événements (par un script d'initialisation, avant ceux de la page) et console. */
async function watchPolicy(page: Page): Promise<() => Promise<Refusal[]>> {
  await page.addInitScript(() => {
    window.cspRefusals = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspRefusals.push({ page: location.pathname + location.search, directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    }, true);
  });
  const fromConsole: Refusal[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) fromConsole.push({ page: new URL(page.url()).pathname, directive: 'console', blocked: '', sample: msg.text().slice(0, 300) });
  });
  const fromEvents: Refusal[] = [];
  // À lire avant de quitter chaque page : les refus relevés dans la page partent avec elle.
  return async () => {
    fromEvents.push(...(await page.evaluate(() => window.cspRefusals.splice(0))));
    return [...fromEvents, ...fromConsole];
  };
}

/** Fait apparaître chaque îlot (client:visible) et attend qu'ils soient tous hydratés. */
async function hydrateAll(page: Page) {
  for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
}

const path = (u: string) => u.slice(site.length - 1);

describe('Content-Security-Policy in Chromium', () => {
  test('the sitemap lists the pages of the site, the wizard and the search page among them', () => {
    expect(urls.length).toBeGreaterThan(40);
    expect(urls).toContain(`${site}assistant/`);
    expect(urls).toContain(`${site}recherche/`);
  });

  test('no page of the sitemap, nor the 404 page, is refused anything (islands hydrated)', async () => {
    const { page, consoleErrors } = await openPage(context);
    const refusals = await watchPolicy(page);
    const seen: Refusal[] = [];
    let islands = 0;
    for (const url of [...urls, `${site}page-absente/`]) {
      await page.goto(url, { waitUntil: 'load' });
      const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(policy, path(url)).toMatch(/^default-src 'self';/);
      islands += await page.locator('astro-island').count();
      await hydrateAll(page);
      seen.push(...(await refusals()));
    }
    // Le calculateur de C3 et l'assistant au moins : l'hydratation a bien été exercée.
    expect(islands).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([]);
    // La page 404 est servie avec le statut 404, que Chromium note en console : c'est la seule erreur attendue.
    expect(consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await page.close();
  });

  test('the header search (our script, Pagefind\'s index and WebAssembly) finds results without refusal', async () => {
    const { page, consoleErrors } = await openPage(context);
    const refusals = await watchPolicy(page);
    await page.goto(`${site}fiches/b2/`);
    await page.locator('button[data-open-modal]').click();
    const dialog = page.getByRole('dialog', { name: 'Rechercher' });
    await dialog.getByRole('searchbox').fill('calibrage');
    await dialog.getByRole('list').first().getByRole('link').first().waitFor();
    expect(await refusals()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('the search page /recherche/ finds results and filters them without refusal', async () => {
    const { page, consoleErrors } = await openPage(context);
    const refusals = await watchPolicy(page);
    await page.goto(`${site}recherche/?q=clause`);
    await page.locator('.rs-status').filter({ hasText: /résultat/ }).waitFor();
    await page.getByRole('group', { name: 'Type de page' }).getByLabel(/^Fiche \(\d+\)$/).check();
    await page.getByLabel('Votre recherche').fill('heures d’insertion');
    await page.getByLabel('Votre recherche').press('Enter');
    await page.locator('.rs-status').filter({ hasText: /résultat/ }).waitFor();
    expect(await page.locator('.rs-results h2 a').count()).toBeGreaterThan(0);
    expect(await refusals()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('Pagefind compiles its WebAssembly in the page, without its web worker: \'wasm-unsafe-eval\' lets the search work', async () => {
    const { page, consoleErrors } = await openPage(context);
    const refusals = await watchPolicy(page);
    // Le site n'utilise pas le web worker de Pagefind (src/lib/pagefind-client.ts) : le moteur est compilé dans la page,
    // sous la politique de la page.
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${site}recherche/?q=calibrage`);
    // Des résultats, ou un refus (la recherche ne répondrait alors jamais) : le refus est montré plutôt qu'une attente dépassée.
    await Promise.race([
      page.locator('.rs-status').filter({ hasText: /résultat/ }).waitFor(),
      page.waitForFunction(() => window.cspRefusals.length > 0),
    ]);
    expect(requested.filter((u) => u.includes('/pagefind/pagefind-worker.js'))).toEqual([]);
    expect(requested.filter((u) => u.endsWith('/pagefind/wasm.fr.pagefind'))).toHaveLength(1);
    expect(await refusals()).toEqual([]);
    expect(await page.locator('.rs-results h2 a').count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('a wizard journey down to the Word download (docx imported on click, blob: download) is refused nothing', async () => {
    const watch = await freshWizard(context, site, { structure: 'Maison de l’emploi Val-Sud', name: 'Claire Martin', email: 'clause.sociale@exemple.fr', phone: '01 23 45 67 89' });
    const { page, consoleErrors } = watch;
    const refusals = await watchPolicy(page);
    await page.reload();
    await hydrated(page);
    await contract(page, { subject: 'l’entretien des espaces verts', buyer: 'Commune de Val-Sud', kind: 'services', buyerType: 'collectivite', amount: '400 000', months: '36', launch: '2026-10-01' });
    await next(page, 'lots');
    await lots(page, [['Espaces verts', '400 000', '80']]);
    await next(page, 'obligation');
    await next(page, 'leviers');
    await next(page, 'calibrage');
    await next(page, 'execution');
    await type(page, 'execution.penaltyPerHour', '25');
    await type(page, 'execution.penaltyCap', '5');
    await next(page, 'recapitulatif');
    await tabTo(page, '.wz-download button');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^clause-sociale-.*\.docx$/);
    await expect(page.locator('#wz-download-status').innerText()).resolves.toMatch(/est téléchargé/);
    expect(await refusals()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});
