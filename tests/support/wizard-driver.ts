/**
 * Piloter l'assistant dans Chromium comme un utilisateur : au clavier (tabulation, flèches, espace, entrée)
 * ou au pointeur, sur le site construit. Partagé par les tests navigateur de l'assistant.
 */
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { openPage, runAxe, type PageWatch } from './browser';
import { docxToText } from './libreoffice';
import { strFromU8, unzipSync } from 'fflate'; // dépendance de `docx`, pour lire le XML du fichier téléchargé

// --- Clavier seul ---------------------------------------------------------------------------------

/**
 * Tabulation (ou tabulation arrière, si l'élément précède le focus) jusqu'à l'élément qui correspond au sélecteur ;
 * échoue s'il n'est pas atteignable au clavier.
 */
export async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 250; i++) {
    const where = await page.evaluate((sel) => {
      const a = document.activeElement;
      if (a?.matches(sel)) return 'here';
      const t = document.querySelector(sel);
      if (!t) return 'missing';
      if (!a || a === document.body) return 'Tab';
      return a.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_PRECEDING ? 'Shift+Tab' : 'Tab';
    }, selector);
    if (where === 'here') return;
    if (where === 'missing') await page.waitForTimeout(50);
    else await page.keyboard.press(where);
  }
  throw new Error(`Élément inaccessible au clavier : ${selector}`);
}
export const tabToId = (page: Page, id: string) => tabTo(page, `#${CSS_escape(id)}`);
const CSS_escape = (id: string) => id.replace(/([^\w-])/g, '\\$1');
export const CONTINUE = '.wz-nav button[type="submit"]';

/** Saisit un texte au clavier dans le champ (wz-<chemin>), en remplaçant le contenu. */
export async function type(page: Page, path: string, text: string) {
  const id = `wz-${path.replace(/\./g, '-')}`;
  await tabToId(page, id);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

/** Une date AAAA-MM-JJ dans un champ date, quel que soit l'ordre jour/mois de Chromium. */
export async function typeDate(page: Page, path: string, iso: string) {
  const id = `wz-${path.replace(/\./g, '-')}`;
  const [y, m, d] = iso.split('-') as [string, string, string];
  for (const order of [`${d}${m}${y}`, `${m}${d}${y}`]) {
    await tabToId(page, id);
    await page.keyboard.type(order);
    if ((await page.inputValue(`#${id}`)) === iso) return;
    // Revenir au premier segment du champ : sortir par l'arrière, puis y rentrer.
    while ((await page.evaluate(() => document.activeElement?.id)) === id) await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`Date non saisie : ${iso}`);
}

/** Coche le bouton radio `value` du groupe `path` : tabulation dans le groupe, puis flèches. */
export async function choose(page: Page, path: string, value: string) {
  const group = `wz-${path.replace(/\./g, '-')}`;
  await tabTo(page, `input[name="${group}"]`);
  for (let i = 0; i < 12; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === `${group}-${value}`) {
      await page.keyboard.press('Space');
      expect(await page.isChecked(`#${group}-${value}`)).toBe(true);
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`Option introuvable : ${group}-${value}`);
}

/** Met une case à cocher dans l'état voulu, à la barre d'espace. */
export async function check(page: Page, id: string, on = true) {
  await tabToId(page, id);
  if ((await page.isChecked(`#${id}`)) !== on) await page.keyboard.press('Space');
  expect(await page.isChecked(`#${id}`)).toBe(on);
}

export const heading = (page: Page) => page.locator('#wz-step-title').innerText();
export const stepParam = (page: Page) => new URL(page.url()).searchParams.get('etape');

/** « Continuer » au clavier ; vérifie l'étape atteinte et que le focus est sur son titre. */
export async function next(page: Page, expected: string) {
  await tabTo(page, CONTINUE);
  await page.keyboard.press('Enter');
  await page.waitForFunction((s) => new URL(location.href).searchParams.get('etape') === s, expected);
  await page.waitForFunction(() => document.activeElement?.id === 'wz-step-title');
}

/** axe dans les deux thèmes du site (clair, puis sombre), sans violation. */
export async function noAxeViolation(page: Page, where: string) {
  const original = await page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    const violations = await runAxe(page);
    expect(violations, `${where} (thème ${theme === 'light' ? 'clair' : 'sombre'})`).toEqual([]);
  }
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), original);
}

/** Télécharge le document Word au clavier et renvoie son texte lu par LibreOffice. */
export async function downloadDocx(page: Page): Promise<{ name: string; text: string; xml: string }> {
  await tabTo(page, '.wz-download button');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const bytes = new Uint8Array(await readFile(await download.path()));
  const text = await docxToText(bytes, 'assistant');
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return { name: download.suggestedFilename(), text, xml };
}

/** Un fichier prêt à coller : aucun passage surligné, aucun repère entre crochets. */
export function pasteReady(file: { text: string; xml: string }) {
  expect(file.xml).not.toMatch(/w:highlight/);
  expect(file.text).not.toMatch(/\[[^\]]*\]/);
}

export const hydrated = (page: Page) => page.waitForSelector('astro-island:not([ssr])');

/** Une page de l'assistant sans brouillon enregistré ; `profile` simule le profil mémorisé par un brouillon précédent. */
export async function freshWizard(context: BrowserContext, site: string, profile?: Record<string, string>): Promise<PageWatch> {
  const WIZARD = `${site}assistant/`;
  const watch = await openPage(context);
  await watch.page.goto(WIZARD);
  await hydrated(watch.page);
  await watch.page.evaluate((p) => {
    localStorage.clear();
    if (p) localStorage.setItem('recueil-assistant:facilitateur', JSON.stringify({ version: 1, facilitator: p }));
  }, profile);
  await watch.page.goto(WIZARD);
  await hydrated(watch.page);
  watch.page.on('dialog', (d) => {
    throw new Error(`Boîte de dialogue inattendue : ${d.message()}`);
  });
  return watch;
}

export async function contract(page: Page, c: { subject: string; buyer: string; kind: string; buyerType: string; amount: string; months: string; launch: string }) {
  await type(page, 'contract.subject', c.subject);
  await type(page, 'contract.buyerName', c.buyer);
  await choose(page, 'contract.kind', c.kind);
  await choose(page, 'contract.buyer', c.buyerType);
  await type(page, 'contract.amount', c.amount);
  await type(page, 'contract.durationMonths', c.months);
  await typeDate(page, 'contract.launchDate', c.launch);
}

export async function lots(page: Page, list: [string, string, string][]) {
  for (const [i, [name, amount, share]] of list.entries()) {
    if (i > 0) {
      await tabTo(page, '#wz-add-lot');
      await page.keyboard.press('Enter');
      // Le focus va à l'intitulé du nouveau lot.
      await page.waitForFunction((id) => document.activeElement?.id === id, `wz-lots-${i}-name`);
    }
    await type(page, `lots.${i}.name`, name);
    await type(page, `lots.${i}.amount`, amount);
    await type(page, `lots.${i}.labourShare`, share);
  }
}

