/**
 * Le recueil hors ligne, dans Chromium : après une seule visite, le serveur est arrêté et le navigateur mis hors
 * ligne ; une fiche jamais ouverte, la recherche (page et en-tête), l'assistant et son téléchargement Word
 * fonctionnent encore. Puis la mise à jour : une nouvelle construction est publiée, le message « Nouvelle version
 * disponible » apparaît, accessible, et son bouton recharge la page sur la nouvelle version.
 *
 * Chaque test sert sa propre copie de dist/ (une origine par test, donc un service worker par test) : il peut
 * arrêter son serveur ou publier une version modifiée sans gêner les autres.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { serveDist } from '../../scripts/static-server.mjs';
import { writeServiceWorker } from '../../src/integrations/offline';
import { launchBrowser, openPage } from '../support/browser';
import { check, choose, contract, freshWizard, lots, next, noAxeViolation, tabTo, type, typeDate } from '../support/wizard-driver';

const BASE = process.env.BASE_PATH || '/';
let context: BrowserContext;
let close: (() => Promise<void>) | undefined;
const copies: string[] = [];
beforeAll(async () => ({ browser: context, close } = await launchBrowser({ serviceWorkers: 'allow' })));
afterAll(async () => {
  await close?.();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** Une copie de dist/ servie sur 127.0.0.1, sur un port à elle. */
async function publishCopy() {
  const root = mkdtempSync(join(tmpdir(), 'recueil-offline-'));
  copies.push(root);
  cpSync('dist', root, { recursive: true });
  const server = await serveDist({ root, base: BASE });
  return { root, site: server.url, stop: server.close };
}

/** Les adresses du manifeste de pré-cache écrit dans sw.js. */
const manifestUrls = (root: string) => [...readFileSync(join(root, 'sw.js'), 'utf8').matchAll(/\{url:"([^"]+)"/g)].map((m) => m[1]!);

/** Attend que le service worker soit actif et contrôle la page ; renvoie le nombre de fichiers dans le pré-cache. */
async function offlineCopyReady(page: Page): Promise<number> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    const name = (await caches.keys()).find((n) => n.includes('precache'));
    return name ? (await (await caches.open(name)).keys()).length : 0;
  });
}

const message = (page: Page) => page.locator('[data-offline-message]');
const reloadButton = (page: Page) => page.getByRole('button', { name: 'Recharger' });
const UPDATE_TEXT = 'Nouvelle version disponible —';
/** Attend le message de mise à jour sur la page. */
const promptShown = (page: Page) => expect.poll(() => message(page).innerText(), { timeout: 20_000 }).toBe(UPDATE_TEXT);

/** Une copie servie, visitée une fois : son service worker est actif et contrôle la page. */
async function visitedCopy() {
  const { root, site } = await publishCopy();
  const watch = await openPage(context);
  await watch.page.goto(site);
  await offlineCopyReady(watch.page);
  return { root, site, ...watch };
}

/**
 * Publie une nouvelle version sur la copie : la page d'accueil change et le service worker est régénéré. Avec
 * `ignoresTakeover`, ce service worker ignore la demande de prise en main (SKIP_WAITING) : il reste en attente.
 */
async function publishVersion2(root: string, { ignoresTakeover = false } = {}) {
  const home = join(root, 'index.html');
  writeFileSync(home, readFileSync(home, 'utf8').replace('</h1>', '<span id="version-2"> (version 2)</span></h1>'));
  await writeServiceWorker(root);
  if (!ignoresTakeover) return;
  const sw = join(root, 'sw.js');
  const deaf = readFileSync(sw, 'utf8').replace('"SKIP_WAITING"===', '"PAS_DE_PRISE_EN_MAIN"===');
  expect(deaf).toContain('PAS_DE_PRISE_EN_MAIN');
  writeFileSync(sw, deaf);
}

describe('the recueil offline', () => {
  test('after one visit, a fiche never opened, the search, the wizard and its Word download work with no network', async () => {
    const { root, site, stop } = await publishCopy();
    const first = await openPage(context);
    await first.page.goto(site);
    const urls = manifestUrls(root);
    // Tout le site : chaque page, l'index de recherche, le module Word chargé au clic.
    expect(urls).toEqual(expect.arrayContaining(['index.html', 'fiches/e3/index.html', 'assistant/index.html', 'pagefind/pagefind.js', 'pagefind/wasm.fr.pagefind']));
    expect(urls.some((u) => /^_astro\/docx\.[\w-]+\.js$/.test(u))).toBe(true);
    await expect(offlineCopyReady(first.page)).resolves.toBe(urls.length);
    // Première visite : rien à mettre à jour, le message reste vide.
    await expect(message(first.page).innerText()).resolves.toBe('');
    await expect(reloadButton(first.page).count()).resolves.toBe(0);

    // Plus de réseau du tout : le serveur est arrêté et le navigateur hors ligne.
    await stop();
    await context.setOffline(true);
    try {
      const { page, consoleErrors, foreignRequests } = first;
      const fiche = await page.goto(`${site}fiches/e3/`);
      expect(fiche?.fromServiceWorker()).toBe(true);
      await expect(page.locator('h1').innerText()).resolves.toBe('Les coordinations régionales des clauses sociales');
      await expect(page.locator('.fiche-code').first().innerText()).resolves.toBe('E3');

      // Une adresse inconnue : la page 404 du site, pas l'erreur réseau du navigateur.
      await page.goto(`${site}pas-une-page/`);
      await expect(page.locator('h1').innerText()).resolves.toBe('Page introuvable');

      // La recherche de l'en-tête, sur la fiche.
      await page.goto(`${site}fiches/e3/`);
      await page.getByRole('button', { name: 'Rechercher' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rechercher' });
      await dialog.getByRole('searchbox').fill('pénalités');
      const found = dialog.getByRole('list').first().getByRole('link');
      await expect.poll(() => found.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await expect(found.first().innerText()).resolves.toMatch(/^B5 · /);

      // La page de recherche, avec sa requête dans l'adresse.
      await page.goto(`${site}recherche/?q=GEIQ`);
      await page.locator('.rs-status').filter({ hasText: /résultat/ }).waitFor();
      const results = await page.locator('.rs-results h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(results.slice(0, 3)).toContain(`${BASE.replace(/\/$/, '')}/fiches/d2/`);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      await page.close();

      // L'assistant, de la première étape au fichier Word.
      const wizard = await freshWizard(context, site);
      const scripts: { path: string; fromServiceWorker: boolean }[] = [];
      wizard.page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.push({ path: new URL(r.url()).pathname, fromServiceWorker: r.fromServiceWorker() });
      });
      await journey(wizard.page);
      await tabTo(wizard.page, '.wz-download button');
      const [download] = await Promise.all([wizard.page.waitForEvent('download'), wizard.page.keyboard.press('Enter')]);
      const bytes = new Uint8Array(readFileSync(await download.path()));
      const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
      expect(xml).toContain('Syndicat des eaux de Val-Sud');
      expect(xml).toMatch(/Note motivant l’absence/);
      expect(download.suggestedFilename()).toMatch(/^clause-sociale-.*\.docx$/);
      // Le module Word, chargé au clic, venait de la copie hors ligne.
      expect(scripts.filter((s) => /\/docx\.[\w-]+\.js$/.test(s.path))).toEqual([expect.objectContaining({ fromServiceWorker: true })]);
      expect(wizard.consoleErrors).toEqual([]);
      expect(wizard.foreignRequests).toEqual([]);
      await wizard.page.close();
    } finally {
      await context.setOffline(false);
    }
  });

  // Une seconde tentative (sur une copie neuve, donc une autre origine) : Chromium décide seul du moment où l'ancienne
  // version rend la main ; une fois en CI, elle ne l'a pas rendue dans les 30 s. Un défaut du site échoue aux deux
  // tentatives ; le test suivant vérifie que, même alors, le bouton recharge la page.
  test('a new build shows « Nouvelle version disponible », accessible, whose button reloads onto the new version', { retry: 1 }, async () => {
    const { root, site, page, consoleErrors } = await visitedCopy();
    await publishVersion2(root);

    await page.reload();
    await promptShown(page);
    await expect(message(page).getAttribute('role')).resolves.toBe('status');
    // En attendant l'accord du lecteur, l'ancienne version reste servie.
    await expect(page.locator('#version-2').count()).resolves.toBe(0);
    await noAxeViolation(page, 'message de mise à jour');

    // Un deuxième onglet ouvert sur l'ancienne version.
    const other = await openPage(context);
    await other.page.goto(`${site}fiches/b5/`);
    await promptShown(other.page);

    // Au clavier : la nouvelle version prend la main et la page se recharge dessus.
    await tabTo(page, '[data-offline-reload]');
    const before = await workerStates(page);
    await page.keyboard.press('Enter');
    await page.locator('#version-2').waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      throw new Error(`Pas de nouvelle version après « Recharger » (avant : ${before} ; après : ${await workerStates(page).catch(() => '?')})`, { cause: error });
    });
    await expect(page.locator('#version-2').innerText()).resolves.toMatch(/^\s*\(version 2\)$/);
    await expect(message(page).innerText()).resolves.toBe('');

    // L'autre onglet n'a plus de version en attente (elle a pris la main ailleurs) : son bouton recharge quand même.
    await expect(other.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).resolves.toBeNull();
    // À la souris, sur une fiche : le message n'est pas sous la colonne « Sur cette page » (vrai clic, pas de force).
    await Promise.all([other.page.waitForEvent('load'), other.page.locator('[data-offline-reload]').click()]);
    await expect(message(other.page).innerText()).resolves.toBe('');
    expect(consoleErrors).toEqual([]);
    expect(other.consoleErrors).toEqual([]);
    await other.page.close();
    await page.close();
  });

  test('if the new version does not take over, « Recharger » still reloads the page, and the message comes back', async () => {
    const { root, page, consoleErrors } = await visitedCopy();
    await publishVersion2(root, { ignoresTakeover: true });

    await page.reload();
    await promptShown(page);
    // Le bouton ne reste pas sans effet : la page est rechargée (sur l'ancienne version, toujours servie)…
    await Promise.all([page.waitForEvent('load', { timeout: 15_000 }), reloadButton(page).click()]);
    await expect(page.locator('#version-2').count()).resolves.toBe(0);
    // … et le message revient, pour réessayer.
    await promptShown(page);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

/** L'état des service workers de la page, pour un message d'échec qui dise où la mise à jour s'est arrêtée. */
const workerStates = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return `contrôleur ${navigator.serviceWorker.controller?.state ?? 'aucun'}, actif ${registration?.active?.state ?? 'aucun'}, en attente ${registration?.waiting?.state ?? 'aucun'}`;
  });

/** Parcours (c) de l'assistant : fournitures au-dessus du seuil, sans condition sociale, note d'exception. */
async function journey(page: Page) {
  await contract(page, {
    subject: 'la fourniture de réactifs pour le traitement de l’eau',
    buyer: 'Syndicat des eaux de Val-Sud',
    kind: 'fournitures',
    buyerType: 'collectivite',
    amount: '480 000',
    months: '48',
    launch: '2026-10-05',
  });
  await next(page, 'lots');
  await lots(page, [['Réactifs', '480 000', '3']]);
  await next(page, 'obligation');
  await choose(page, 'levers.condition', 'non');
  await next(page, 'leviers');
  await next(page, 'derogation');
  await choose(page, 'derogation.ground', 'absence-lien');
  await type(page, 'derogation.justification', 'Le marché porte sur la seule livraison de produits standardisés, fabriqués en usine hors du territoire.');
  await check(page, 'wz-derogation-examined-facilitateur');
  await type(page, 'derogation.signatory', 'Jean Dupuis, directeur général des services');
  await typeDate(page, 'derogation.date', '2026-09-20');
  await next(page, 'recapitulatif');
}
