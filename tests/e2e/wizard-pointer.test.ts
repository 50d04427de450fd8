/**
 * L'assistant à la souris, comme un nouvel utilisateur, à 1 100 px (portable) et à 390 px (téléphone), dans les
 * deux thèmes : aucun clic perdu (« Continuer » juste après un champ invalide, « Ajouter un lot » deux fois),
 * l'aperçu atteignable à chaque étape sur la pièce que l'étape remplit, et rien de ce qui est tapé avant
 * l'hydratation de l'îlot n'est perdu (processeur ralenti).
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { CONTINUE, freshWizard, hydrated, noAxeViolation } from '../support/wizard-driver';

const site = inject('siteUrl');
const WIZARD = `${site}assistant/`;
let context: BrowserContext;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => ({ browser: context, close } = await launchBrowser()));
afterAll(() => close?.());

const id = (path: string) => `#wz-${path.replace(/\./g, '-')}`;

/** Un clic dans le champ, puis la saisie au clavier (le contenu est remplacé). */
async function fill(page: Page, path: string, text: string) {
  await page.click(id(path));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
/** Un clic sur le libellé d'une option. */
const pick = (page: Page, path: string, value: string) => page.click(`label[for="wz-${path.replace(/\./g, '-')}-${value}"]`);

/** Un clic sur « Continuer » ; l'étape attendue doit être atteinte dès ce clic. */
async function clickContinue(page: Page, expected: string) {
  await page.click(CONTINUE);
  await page.waitForFunction((s) => new URL(location.href).searchParams.get('etape') === s, expected, { timeout: 5000 });
}

/**
 * « Voir l'aperçu » : sur grand écran, le focus va à la pièce de l'étape dans l'aperçu latéral ; sur petit écran,
 * un panneau modal s'ouvre sur elle, Échap le ferme et le focus revient au bouton.
 */
async function previewShows(page: Page, wide: boolean, piece: RegExp) {
  await page.click('.wz-preview-button');
  await page.waitForFunction(() => document.activeElement?.closest('.wz-preview__piece') !== null);
  const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
  expect(focused).toMatch(piece);
  if (wide) {
    await expect(page.locator('.wz-aside').isVisible()).resolves.toBe(true);
    return;
  }
  await expect(page.locator('dialog.wz-dialog[open]').count()).resolves.toBe(1);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('dialog.wz-dialog[open]') === null);
  await page.waitForFunction(() => document.activeElement?.classList.contains('wz-preview-button'));
}

for (const { width, theme } of [
  { width: 1100, theme: 'light' },
  { width: 390, theme: 'dark' },
]) {
  describe(`with a mouse at ${width} px, ${theme} theme`, () => {
    test('a 3-lot journey without a lost click, the preview at every step, axe clean', async () => {
      const { page, consoleErrors, foreignRequests } = await freshWizard(context, site);
      const wide = width >= 1024;
      await page.setViewportSize({ width, height: 860 });
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);

      // Un montant invalide, puis « Continuer » aussitôt : le premier clic suffit à montrer les erreurs.
      await fill(page, 'contract.amount', 'abc');
      await page.click(CONTINUE);
      await page.waitForFunction(() => document.activeElement?.id === 'wz-error-summary', undefined, { timeout: 5000 });
      await expect(page.locator('#wz-error-summary').innerText()).resolves.toMatch(/Le montant estimé du marché doit être un nombre/);
      await noAxeViolation(page, `contrat avec erreurs, ${width} px`);
      await previewShows(page, wide, /Mention de la clause/);

      await fill(page, 'contract.subject', 'la construction du groupe scolaire des Tilleuls');
      await fill(page, 'contract.buyerName', 'Commune de Val-Sud');
      await pick(page, 'contract.kind', 'travaux');
      await pick(page, 'contract.buyer', 'collectivite');
      await fill(page, 'contract.amount', '6 000 000');
      await fill(page, 'contract.durationMonths', '24');
      await page.fill(id('contract.launchDate'), '2026-09-15');
      await clickContinue(page, 'lots');

      // Un montant de lot invalide, puis deux clics sur « Ajouter un lot » : deux lots de plus.
      await fill(page, 'lots.0.name', 'Gros œuvre');
      await fill(page, 'lots.0.amount', 'abc');
      await page.click('#wz-add-lot');
      await page.click('#wz-add-lot');
      await expect(page.locator('.wz-lot').count()).resolves.toBe(3);
      await fill(page, 'lots.0.amount', '3 000 000');
      await fill(page, 'lots.1.name', 'Peinture');
      await fill(page, 'lots.1.amount', '2 000 000');
      await fill(page, 'lots.1.labourShare', '70');
      await fill(page, 'lots.2.name', 'Charpente métallique');
      await fill(page, 'lots.2.amount', '1 000 000');
      await fill(page, 'lots.2.labourShare', '20');
      await noAxeViolation(page, `lots, ${width} px`);
      await previewShows(page, wide, /Mention de la clause/);
      await clickContinue(page, 'obligation');
      await expect(page.locator('.wz-verdict').innerText()).resolves.toMatch(/obligatoire pour ce marché/);
      await clickContinue(page, 'leviers');
      await page.click('label[for="wz-levers-criterion"]');
      await previewShows(page, wide, /Mention de la clause|critère/i);
      await clickContinue(page, 'calibrage');
      await expect(page.locator('.wz-form').innerText()).resolves.toMatch(/Total des heures d’insertion du marché : 5\s166\sheures/);
      await noAxeViolation(page, `calibrage, ${width} px`);
      await previewShows(page, wide, /Note de calibrage/);
      await clickContinue(page, 'execution');
      await fill(page, 'execution.penaltyPerHour', '30');
      await fill(page, 'execution.penaltyCap', '5');
      await fill(page, 'facilitator.structure', 'Maison de l’emploi Val-Sud');
      await fill(page, 'facilitator.name', 'Claire Martin');
      await previewShows(page, wide, /Article du CCAP/);
      await clickContinue(page, 'critere');
      await fill(page, 'criterion.support', 'les travaux de gros œuvre et de peinture');
      await noAxeViolation(page, `critère, ${width} px`);
      await previewShows(page, wide, /Critère d’attribution/);
      await clickContinue(page, 'recapitulatif');
      await noAxeViolation(page, `récapitulatif, ${width} px`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('.wz-download button')]);
      expect(download.suggestedFilename()).toMatch(/^clause-sociale-construction-du-groupe-scolaire-des-tilleuls-\d{4}-\d{2}-\d{2}\.docx$/);

      // La liste des étapes ne change pas de longueur ; l'étape en cours y est signalée.
      await expect(page.locator('.wz-progress li').count()).resolves.toBe(10);
      await expect(page.locator('.wz-progress [aria-current="step"]').innerText()).resolves.toMatch(/Relire/);
      // Pas de pagination du site sous les boutons de l'assistant.
      await expect(page.locator('.pagination-links a').count()).resolves.toBe(0);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      await page.close();
    });
  });
}

describe('before the island is hydrated', () => {
  test('the server-rendered form cannot be typed into, and what is typed once it can is kept (CPU slowed 6×)', async () => {
    // Le HTML servi : les champs sont inactifs tant que l'îlot n'a pas pris la main.
    const html = await (await fetch(WIZARD)).text();
    expect(html).toMatch(/<fieldset class="wz-form__body" disabled/);

    const { page, consoleErrors } = await openPage(context);
    await page.goto(WIZARD);
    await hydrated(page);
    await page.evaluate(() => localStorage.clear());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.goto(WIZARD, { waitUntil: 'commit' });
    const subject = page.locator('#wz-contract-subject');
    await subject.waitFor({ state: 'attached' });
    // Saisie dès que le champ est modifiable, comme un utilisateur qui voit un champ grisé attend qu'il ne le soit plus
    // (l'ancienne version laissait taper dans le formulaire du serveur, puis l'hydratation effaçait la saisie).
    await page.waitForFunction(() => document.querySelector('#wz-contract-subject')?.matches(':enabled'));
    await subject.pressSequentially('saisie précoce');
    await hydrated(page);
    await page.waitForTimeout(500);
    await expect(subject.inputValue()).resolves.toBe('saisie précoce');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(consoleErrors).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});
