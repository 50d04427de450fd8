/**
 * Le lien de partage pré-rempli dans Chromium : un facilitateur (profil A) calibre les heures et crée le lien ; le
 * service juridique de l'acheteur (profil B, un autre navigateur, un brouillon déjà en cours) l'ouvre, confirme et
 * retrouve les réponses. Un lien au texte hostile reste littéral (aperçu et fichier Word) ; un lien abîmé ne change
 * rien et le dit en français.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { check, contract, downloadDocx, freshWizard, hydrated, lots, next, noAxeViolation, pasteReady, tabTo, type } from '../support/wizard-driver';
import { createShareLink, SHARE_PARTS, type SharePart } from '../../src/lib/wizard/share-link';
import { setPath } from '../../src/lib/wizard/model';
import { worksJourney } from '../support/wizard-fixtures';

const site = inject('siteUrl');
const WIZARD = `${site}assistant/`;
const SUBJECT_A = 'la réhabilitation de la piscine Jean-Moulin';
let facilitator: { context: BrowserContext; close: () => Promise<void> };
let buyer: { context: BrowserContext; close: () => Promise<void> };

const launch = async () => {
  const { browser, close } = await launchBrowser();
  return { context: browser, close };
};
// Deux profils de navigateur distincts : ni stockage ni presse-papiers en commun.
beforeAll(async () => {
  facilitator = await launch();
  buyer = await launch();
});
afterAll(async () => {
  await facilitator.close();
  await buyer.close();
});

/** Ce que l'assistant a enregistré (seuls les champs lus par ces tests sont typés). */
interface StoredDraft { answers: { contract: { subject: string }; lots: { name: string; calibration: { rate: string } }[] } }
const storedDraft = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('recueil-assistant:brouillon') ?? 'null') as StoredDraft);

/** Le profil B : un brouillon déjà en cours dans son navigateur. */
async function buyerWithDraft() {
  const watch = await freshWizard(buyer.context, site);
  await type(watch.page, 'contract.subject', 'la rénovation du gymnase');
  await watch.page.waitForFunction(() => (localStorage.getItem('recueil-assistant:brouillon') ?? '').includes('gymnase'));
  return watch;
}

/** Un lien valide fabriqué comme le fait l'assistant, sans passer par l'interface. */
async function linkFor(answers = worksJourney(), parts: readonly SharePart[] = SHARE_PARTS): Promise<string> {
  const made = await createShareLink(WIZARD, answers, parts);
  if (!made.ok) throw new Error(made.message);
  return made.url;
}

describe('sharing a pre-filled link', () => {
  test('the facilitator shares the calibrated hours; another browser with a draft in progress confirms and gets them', async () => {
    const a = await freshWizard(facilitator.context, site, { structure: 'Maison de l’emploi Val-Sud', name: 'Claire Martin', email: 'clause.sociale@exemple.fr', phone: '01 23 45 67 89' });
    const jsBefore: string[] = [];
    a.page.on('request', (r) => r.resourceType() === 'script' && jsBefore.push(new URL(r.url()).pathname));
    await contract(a.page, { subject: SUBJECT_A, buyer: 'Ville de Val-Sud', kind: 'travaux', buyerType: 'collectivite', amount: '3 000 000', months: '18', launch: '2026-10-05' });
    await next(a.page, 'lots');
    await lots(a.page, [['Gros œuvre', '2 000 000', '50'], ['Second œuvre', '1 000 000', '60']]);
    await next(a.page, 'obligation');
    await next(a.page, 'leviers');
    await next(a.page, 'calibrage');
    await type(a.page, 'lots.0.calibration.rate', '7');
    // Le module du partage n'est chargé qu'à l'ouverture du panneau.
    expect(jsBefore.some((p) => /share/.test(p))).toBe(false);
    await tabTo(a.page, '.wz-tools button[aria-expanded]');
    await a.page.keyboard.press('Enter');
    await a.page.waitForSelector('#wz-share-url');
    expect(jsBefore.some((p) => /share/.test(p))).toBe(true);
    await expect(a.page.getAttribute('.wz-tools button[aria-expanded]', 'aria-expanded')).resolves.toBe('true');
    // Le service juridique complétera les pièces : le facilitateur ne les partage pas.
    const everything = await a.page.inputValue('#wz-share-url');
    await check(a.page, 'wz-share-pieces', false);
    await a.page.waitForFunction((all) => document.querySelector<HTMLTextAreaElement>('#wz-share-url')?.value !== all, everything);
    await expect(a.page.locator('#wz-share-length').innerText()).resolves.toMatch(/^Ce lien compte \d[\d\u202f]*\u00a0caractères\.$/);
    await noAxeViolation(a.page, 'panneau de partage');
    const link = await a.page.inputValue('#wz-share-url');
    expect(link).toMatch(new RegExp(`^${WIZARD.replace(/[.?]/g, '\\$&')}#partage=v1\\.[A-Za-z0-9_-]+$`));
    // « Copier le lien » : dans le presse-papiers ; s'il est refusé, le lien est sélectionné pour Ctrl+C.
    await facilitator.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site).origin });
    await tabTo(a.page, '#wz-share button');
    await a.page.keyboard.press('Enter');
    // Le message suit la promesse du presse-papiers : on l'attend, sans délai fixe.
    await a.page.locator('#wz-share .wz-status', { hasText: 'Le lien est copié : collez-le dans votre message.' }).waitFor({ timeout: 5_000 });
    await expect(a.page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(link);
    await a.page.evaluate(() => (navigator.clipboard.writeText = () => Promise.reject(new DOMException('refusé', 'NotAllowedError'))));
    await tabTo(a.page, '#wz-share button');
    await a.page.keyboard.press('Enter');
    await a.page.waitForFunction(() => /copiez-le avec Ctrl\+C/.test(document.querySelector('#wz-share .wz-status')?.textContent ?? ''));
    await expect(a.page.evaluate(() => [document.activeElement?.id, window.getSelection()?.toString() || (document.activeElement as HTMLTextAreaElement).value.slice((document.activeElement as HTMLTextAreaElement).selectionStart, (document.activeElement as HTMLTextAreaElement).selectionEnd)])).resolves.toEqual(['wz-share-url', link]);
    expect(a.consoleErrors).toEqual([]);
    await a.page.close();

    // Profil B : un autre navigateur, où un brouillon est en cours.
    const b = await buyerWithDraft();
    await b.page.goto(link);
    await hydrated(b.page);
    await b.page.waitForFunction(() => /réponses du lien/.test(document.getElementById('wz-step-title')?.textContent ?? ''));
    // Le fragment a quitté l'adresse dès sa lecture : un rechargement ne reposera pas la question.
    expect(new URL(b.page.url()).hash).toBe('');
    const question = await b.page.locator('.wz-resume').innerText();
    expect(question).toMatch(/Brouillon en cours[\s\S]*la rénovation du gymnase[\s\S]*Réponses du lien[\s\S]*réhabilitation de la piscine Jean-Moulin/);
    expect(question).toMatch(/Ce lien apporte : le marché, l’obligation et les leviers retenus ; les lots[^;]*; le volume d’heures[^;]*; les coordonnées du facilitateur\./);
    await noAxeViolation(b.page, 'confirmation du lien');
    await tabTo(b.page, '.wz-resume .wz-button--primary');
    await b.page.keyboard.press('Enter');
    // Les pièces n'ont pas été partagées : l'assistant mène à la première étape à compléter.
    await b.page.waitForFunction(() => new URL(location.href).searchParams.get('etape') === 'execution');
    await expect(b.page.locator('.wz-arrival').innerText()).resolves.toMatch(/^Brouillon importé\. Ce lien apporte/);
    // Ce que le lien apporte est à l'écran, au-dessus de l'étape où il mène (pas sous le formulaire).
    const onScreen = (el: Element) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight;
    await expect(b.page.locator('.wz-arrival').evaluate(onScreen)).resolves.toBe(true);
    await expect(b.page.inputValue('#wz-facilitator-name')).resolves.toBe('Claire Martin');
    const draft = await storedDraft(b.page);
    expect(draft.answers.contract.subject).toBe(SUBJECT_A);
    expect(draft.answers.lots.map((l) => l.name)).toEqual(['Gros œuvre', 'Second œuvre']);
    expect(draft.answers.lots[0]?.calibration.rate).toBe('7');
    // L'ancien brouillon est gardé, et le rechargement ne repose pas la question.
    await expect(b.page.evaluate(() => localStorage.getItem('recueil-assistant:remplace'))).resolves.toContain('la rénovation du gymnase');
    await b.page.reload();
    await hydrated(b.page);
    await b.page.waitForFunction(() => /conditions d’exécution/.test(document.getElementById('wz-step-title')?.textContent ?? ''));
    // Après le rechargement, l'ancien brouillon est encore proposé : « Annuler » (un vrai clic) le rétablit.
    await b.page.locator('.wz-replaced').getByRole('button', { name: /rétablir l’ancien brouillon/ }).click();
    await b.page.waitForFunction(() => new URL(location.href).searchParams.get('etape') === 'contrat');
    await expect(b.page.inputValue('#wz-contract-subject')).resolves.toBe('la rénovation du gymnase');
    // Rien n'est perdu : le brouillon venu du lien devient à son tour la copie.
    await expect(b.page.evaluate(() => localStorage.getItem('recueil-assistant:remplace'))).resolves.toContain(SUBJECT_A);
    expect(b.consoleErrors).toEqual([]);
    expect(b.foreignRequests).toEqual([]);
    await b.page.close();
  });

  test('on a phone, a link that brings only the pieces says so above the errors of the step it leads to', async () => {
    const { page, consoleErrors } = await freshWizard(buyer.context, site);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(await linkFor(worksJourney(), ['pieces']));
    await hydrated(page);
    // Le marché n'a pas été partagé : première étape, erreurs montrées et focalisées…
    await page.waitForFunction(() => document.activeElement?.id === 'wz-error-summary');
    // … et, au-dessus, à l'écran, ce que le lien a apporté.
    const arrival = page.locator('.wz-arrival');
    await expect(arrival.innerText()).resolves.toMatch(/^Brouillon importé\. Ce lien apporte : les conditions d’exécution/);
    const onScreen = (el: Element) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight;
    await expect(arrival.evaluate(onScreen)).resolves.toBe(true);
    await expect(page.locator('#wz-error-summary-title').evaluate(onScreen)).resolves.toBe(true);
    // La demande de focus suivante ne remonte plus au message : un lien du résumé mène à son champ, à l'écran.
    await page.locator('#wz-error-summary a').last().click();
    await page.waitForFunction(() => document.activeElement?.id === 'wz-contract-launchDate');
    await expect(page.evaluate(() => { const a = document.activeElement!; const r = a.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).resolves.toBe(true);
    await noAxeViolation(page, 'arrivée d’un lien partiel');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('hostile text in a link stays literal in the preview and in the Word file; direction overrides are removed', async () => {
    const hostile = '<img src=x onerror=alert(1)> \u202Eelartnec';
    const link = await linkFor(setPath(setPath(worksJourney(), 'contract.subject', hostile), 'lots.1.name', '"><script>alert(2)</script>'));
    const { page, consoleErrors } = await freshWizard(buyer.context, site);
    await page.goto(link);
    await hydrated(page);
    // Un brouillon vierge : le lien s'applique sans question, jusqu'au récapitulatif (toutes les réponses y sont).
    await page.waitForFunction(() => new URL(location.href).searchParams.get('etape') === 'recapitulatif');
    const literal = '<img src=x onerror=alert(1)> elartnec';
    await expect(page.locator('.wz-review', { hasText: literal }).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.wz img[src="x"], .wz script').count()).resolves.toBe(0);
    const shown = await page.locator('.wz').innerText();
    expect(shown).toContain('"><script>alert(2)</script>');
    expect(shown).not.toContain('\u202E');
    const file = await downloadDocx(page);
    pasteReady(file);
    expect(file.text).toContain(literal);
    expect(file.text).toContain('"><script>alert(2)</script>');
    expect(file.text).not.toContain('\u202E');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('pasted into a tab still showing the resume prompt, a link asks first and « Annuler » keeps the stored draft', async () => {
    const link = await linkFor();
    const { page, consoleErrors } = await buyerWithDraft();
    await page.goto(WIZARD);
    await hydrated(page);
    await page.locator('.wz-resume').waitFor();
    // Seul le fragment change : le navigateur le signale par popstate, sans recharger la page.
    await page.evaluate((hash) => { location.hash = hash; }, link.slice(link.indexOf('#')));
    await page.getByRole('button', { name: /Annuler/ }).first().waitFor();
    await expect(page.locator('.wz-form, main').first().innerText()).resolves.toMatch(/la rénovation du gymnase/);
    await page.getByRole('button', { name: /Annuler/ }).first().click();
    await page.waitForFunction(() => (localStorage.getItem('recueil-assistant:brouillon') ?? '').includes('gymnase'));
    expect((await storedDraft(page)).answers.contract.subject).toBe('la rénovation du gymnase');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('a tampered link shows a French message and leaves the draft intact, on opening or pasted into the open tab', async () => {
    const link = await linkFor();
    const at = link.indexOf('#partage=v1.') + 40;
    const tampered = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
    const { page, consoleErrors } = await buyerWithDraft();
    await page.goto(tampered);
    await hydrated(page);
    const banner = page.locator('.wz-banner[role="alert"]');
    await banner.waitFor();
    await expect(banner.innerText()).resolves.toMatch(/^Lien de partage\s+Le lien de partage n’a pas pu être lu : il est incomplet ou abîmé[\s\S]*Votre brouillon n’a pas changé\./);
    // Le brouillon en cours est proposé à la reprise, intact.
    await expect(page.locator('.wz-resume').innerText()).resolves.toMatch(/la rénovation du gymnase/);
    expect((await storedDraft(page)).answers.contract.subject).toBe('la rénovation du gymnase');
    expect(new URL(page.url()).hash).toBe('');
    await noAxeViolation(page, 'lien abîmé');
    await tabTo(page, '.wz-resume .wz-button--primary');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('etape') === 'contrat');
    await tabTo(page, '.wz-banner button');
    await page.keyboard.press('Enter');
    await expect(banner.count()).resolves.toBe(0);
    // Collé dans l'onglet ouvert, seul le fragment change : pas de rechargement, le lien est lu quand même.
    const truncated = link.slice(0, link.length - 30);
    await page.goto(`${WIZARD}?etape=contrat${truncated.slice(truncated.indexOf('#'))}`);
    await banner.waitFor();
    await expect(banner.innerText()).resolves.toMatch(/incomplet ou abîmé/);
    await expect(page.inputValue('#wz-contract-subject')).resolves.toBe('la rénovation du gymnase');
    expect(new URL(page.url()).hash).toBe('');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
