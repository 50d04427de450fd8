/**
 * L'assistant de rédaction dans Chromium, sur le site construit, au clavier seul : les trois parcours de l'issue
 * (fichier Word téléchargé puis ouvert dans LibreOffice), rechargement, historique du navigateur, brouillon abîmé,
 * saisies invalides, texte hostile, axe à chaque étape, calculateur de la fiche C3.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import {
  CONTINUE,
  check,
  choose,
  contract as fillContract,
  downloadDocx,
  freshWizard as openFreshWizard,
  heading,
  hydrated,
  lots,
  next,
  noAxeViolation,
  pasteReady,
  stepParam,
  tabTo,
  type,
  typeDate,
} from '../support/wizard-driver';

const site = inject('siteUrl');
const WIZARD = `${site}assistant/`;
const HOSTILE = '<script>alert(1)</script> & ]]> 🏗️';
let context: BrowserContext;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => ({ browser: context, close } = await launchBrowser()));
afterAll(() => close?.());

const freshWizard = (profile?: Record<string, string>) => openFreshWizard(context, site, profile);
const contract = fillContract;


// --- Les parcours ---------------------------------------------------------------------------------

describe('the clause-drafting wizard, keyboard only', () => {
  test('(a) works contract, 3 lots, condition of execution and award criterion, with axe on every step', async () => {
    const { page, consoleErrors, foreignRequests } = await freshWizard();
    const jsBeforeClick: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') jsBeforeClick.push(new URL(r.url()).pathname);
    });
    await noAxeViolation(page, 'contrat');
    await contract(page, {
      subject: 'la construction du groupe scolaire des Tilleuls',
      buyer: 'Commune de Val-Sud',
      kind: 'travaux',
      buyerType: 'collectivite',
      amount: '6 000 000',
      months: '24',
      launch: '2026-09-15',
    });
    await next(page, 'lots');
    await lots(page, [
      ['Gros œuvre', '3 000 000', '50'],
      ['Peinture', '2 000 000', '70'],
      ['Charpente métallique', '1 000 000', '20'],
    ]);
    await noAxeViolation(page, 'lots');
    await next(page, 'obligation');
    await expect(page.locator('.wz-verdict').innerText()).resolves.toMatch(/obligatoire pour ce marché[\s\S]*22\u00a0août 2026/);
    await noAxeViolation(page, 'obligation');
    await next(page, 'leviers');
    await check(page, 'wz-levers-criterion');
    await noAxeViolation(page, 'leviers');
    await next(page, 'calibrage');
    const calibration = await page.locator('.wz-form').innerText();
    expect(calibration).toMatch(/3\s000\s000\s€ HT × 50\s% = 1\s500\s000\s€/);
    expect(calibration).toMatch(/Total des heures d’insertion du marché : 5\s166\sheures/);
    await noAxeViolation(page, 'calibrage');
    await next(page, 'execution');
    await type(page, 'execution.penaltyPerHour', '30');
    await type(page, 'execution.penaltyCap', '5');
    await type(page, 'facilitator.structure', 'Maison de l’emploi Val-Sud');
    await type(page, 'facilitator.name', 'Claire Martin');
    await type(page, 'facilitator.email', 'clause.sociale@exemple.fr');
    await type(page, 'facilitator.phone', '01 23 45 67 89');
    await type(page, 'execution.articleNumber', '9');
    await noAxeViolation(page, 'execution');
    await next(page, 'critere');
    await type(page, 'criterion.support', 'les travaux de gros œuvre et de peinture');
    await type(page, 'criterion.number', '3');
    await noAxeViolation(page, 'critere');
    await next(page, 'recapitulatif');
    await expect(page.locator('.wz-download').innerText()).resolves.toMatch(/6 pièces/);
    // Ce que l'acheteur déclarera : les valeurs DECP des leviers retenus, les champs sociaux de l'avis européen.
    await expect(page.locator('.wz-declarations').innerText()).resolves.toMatch(/« Clause sociale » ; « Critère social »[\s\S]*BT-775/);
    await noAxeViolation(page, 'recapitulatif');

    // Rien de la bibliothèque docx n'est chargé avant le clic.
    const before = [...jsBeforeClick];
    const file = await downloadDocx(page);
    const { name, text } = file;
    pasteReady(file);
    // Page de garde : l'acheteur, l'objet ; le CCAP numéroté sous l'article 9 donné par l'acheteur.
    expect(text.slice(0, 600)).toMatch(/Commune de Val-Sud[\s\S]*construction du groupe scolaire des Tilleuls/);
    expect(text).toMatch(/^9\.1\.\s+Objet\s*$/m);
    expect(before.some((p) => /docx/.test(p))).toBe(false);
    expect(jsBeforeClick.some((p) => /docx/.test(p))).toBe(true);

    expect(name).toMatch(/^clause-sociale-construction-du-groupe-scolaire-des-tilleuls-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(text).toMatch(/lot 1 \(Gros œuvre\)\s*:\s*2\s500\sheures d’insertion/);
    expect(text).toMatch(/2\s333\sheures/);
    expect(text).toMatch(/Total des heures d’insertion du marché\s*:\s*5\s166\sheures/);
    expect(text).toContain('Claire Martin');
    expect(text).toMatch(/Article 9 – Clause sociale d’insertion/);
    expect(text).toMatch(/définie à l’article 9 du cahier/);
    expect(text).toMatch(/Critère n°\s3/);
    expect(text).toMatch(/article 35 de la loi n°\s2021-1104/);
    expect(text).toMatch(/article R2152-7/);
    expect(text).toMatch(/Fiche d’engagement relative à la clause sociale d’insertion/);
    await expect(page.locator('#wz-download-status').innerText()).resolves.toMatch(/est téléchargé \(6 pièces\)/);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  test('(b) services contract with a lot reserved to SIAE; remembered facilitator; hostile text stays literal', async () => {
    const { page, consoleErrors } = await freshWizard({ structure: 'Maison de l’emploi Val-Sud', name: 'Claire Martin', email: 'clause.sociale@exemple.fr', phone: '01 23 45 67 89' });
    await contract(page, {
      subject: 'l’entretien des espaces verts communaux',
      buyer: 'Commune de Val-Sud',
      kind: 'services',
      buyerType: 'collectivite',
      amount: '400 000',
      months: '36',
      launch: '2026-10-01',
    });
    await next(page, 'lots');
    await lots(page, [
      [HOSTILE, '250 000', '80'],
      ['Entretien des cimetières', '150 000', '80'],
    ]);
    await next(page, 'obligation');
    await next(page, 'leviers');
    await check(page, 'wz-levers-reservation');
    await choose(page, 'lots.1.reservation', 'siae');
    // La clause est obligatoire (400 000 € HT, lancé le 1er octobre 2026) : le lot réservé garde la clause d'heures.
    await expect(page.locator('.wz-notice').innerText()).resolves.toMatch(/lot 2 \(Entretien des cimetières\) est réservé aux SIAE et garde la clause d’heures[\s\S]*à vérifier/);
    await noAxeViolation(page, 'leviers (réservation)');
    await next(page, 'calibrage');
    // Deux lots à calibrer, le lot réservé compris.
    await expect(page.locator('.wz-result').count()).resolves.toBe(2);
    await next(page, 'execution');
    // Le profil du facilitateur, mémorisé par un brouillon précédent, préremplit celui-ci.
    await expect(page.inputValue('#wz-facilitator-name')).resolves.toBe('Claire Martin');
    await type(page, 'execution.penaltyPerHour', '25');
    await type(page, 'execution.penaltyCap', '5');
    await next(page, 'recapitulatif');
    const file = await downloadDocx(page);
    const { text } = file;
    pasteReady(file);
    expect(text).toContain(HOSTILE);
    // 250 000 × 80 % ÷ 30 × 5 % ≈ 333 heures ; 150 000 × 80 % ÷ 30 × 5 % = 200 heures pour le lot réservé.
    expect(text).toMatch(/\b333\sheures/);
    expect(text).toMatch(/\b200\sheures/);
    expect(text).toContain('Claire Martin');
    expect(text).toMatch(/article L2113-13 du code de la commande publique/);
    expect(text).toMatch(/lot 2\s*:\s*Entretien des cimetières/);
    // Le texte hostile est affiché tel quel, jamais interprété.
    await expect(page.locator('.wz script').count()).resolves.toBe(0);
    await expect(page.locator('.wz-review', { hasText: HOSTILE }).count()).resolves.toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('(c) above-threshold supplies launched after 22 August 2026 without a social condition: the motivation note', async () => {
    const { page, consoleErrors } = await freshWizard();
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
    await expect(page.locator('.wz-verdict').innerText()).resolves.toMatch(/216\s000\s€\sHT/);
    await choose(page, 'levers.condition', 'non');
    await next(page, 'leviers');
    await expect(page.locator('.wz-notice').innerText()).resolves.toMatch(/note qui motive cette exception/);
    await next(page, 'derogation');
    await choose(page, 'derogation.ground', 'absence-lien');
    await type(
      page,
      'derogation.justification',
      'Le marché porte sur la seule livraison de produits standardisés, fabriqués en usine hors du territoire ; la part de main-d’œuvre attachée à son exécution est inférieure à 3 %.',
    );
    await check(page, 'wz-derogation-examined-facilitateur');
    await type(page, 'derogation.signatory', 'Jean Dupuis, directeur général des services');
    // La note est datée au plus tard du lancement de la consultation (le 5 octobre 2026).
    await typeDate(page, 'derogation.date', '2026-09-20');
    await noAxeViolation(page, 'derogation');
    await next(page, 'recapitulatif');
    await expect(page.locator('.wz-download').innerText()).resolves.toMatch(/Note motivant l’absence de clause sociale/);
    const file = await downloadDocx(page);
    const { text } = file;
    pasteReady(file);
    expect(text).toMatch(/Note motivant l’absence de condition d’exécution sociale/);
    expect(text).toMatch(/article 35 de la loi n°\s2021-1104/i);
    expect(text).toMatch(/480\s000\s€\sHT/);
    expect(text).toMatch(/216\s000\s€\sHT/);
    expect(text).toMatch(/l’absence de lien suffisant/);
    expect(text).toMatch(/l’avis du facilitateur de la clause sociale du territoire/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('(d) above-threshold supplies of computers with the employment condition, without hours: no exception note, « à vérifier »', async () => {
    const { page, consoleErrors } = await freshWizard();
    await contract(page, {
      subject: 'la fourniture d’ordinateurs pour les écoles',
      buyer: 'Commune de Val-Sud',
      kind: 'fournitures',
      buyerType: 'collectivite',
      amount: '500 000',
      months: '36',
      launch: '2026-10-05',
    });
    await next(page, 'lots');
    await lots(page, [['Ordinateurs', '500 000', '5']]);
    await next(page, 'obligation');
    await choose(page, 'levers.condition', 'non');
    await next(page, 'leviers');
    await expect(page.locator('.wz-notice').innerText()).resolves.toMatch(/fournitures ou des prestations intellectuelles[\s\S]*fiche C8/);
    await check(page, 'wz-levers-employment');
    await expect(page.locator('.wz-notice').innerText()).resolves.toMatch(/aucune note d’exception n’est demandée[\s\S]*c’est à vérifier/);
    await next(page, 'emploi');
    await expect(heading(page)).resolves.toMatch(/La condition liée à l’emploi/);
    await type(page, 'employment.functions', 'le déploiement des postes et l’assistance aux utilisateurs');
    await type(page, 'employment.penalty', '3 000');
    await type(page, 'facilitator.structure', 'Maison de l’emploi Val-Sud');
    await noAxeViolation(page, 'emploi');
    await next(page, 'recapitulatif');
    await expect(page.locator('.wz-review', { hasText: 'c’est à vérifier' }).count()).resolves.toBe(1);
    const file = await downloadDocx(page);
    const { text } = file;
    pasteReady(file);
    expect(text).toMatch(/Condition d’exécution liée à l’emploi/);
    expect(text).toMatch(/pénalité forfaitaire de 3\s000\s€/);
    // L'avis et le règlement annoncent la condition avec les chiffres de l'article du CCAP.
    expect(text).toMatch(/Dans l’avis de marché[\s\S]*le marché comporte une condition d’exécution liée à l’emploi[\s\S]*au moins 5\s%/i);
    expect(text).toMatch(/À vérifier\s:\saucune source consultée/);
    expect(text).not.toMatch(/Note motivant l’absence/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('behaviour users expect', () => {
  test('a concession stops the wizard at the first step, with an explanation and a link to fiche C1', async () => {
    const { page, consoleErrors } = await freshWizard();
    await choose(page, 'contract.contractType', 'concession');
    const notice = page.locator('.wz-notice');
    await expect(notice.innerText()).resolves.toMatch(/ne prépare pas les contrats de concession/);
    await expect(notice.locator('a[href$="/fiches/c1/"]').count()).resolves.toBe(1);
    // Aucun champ de marché : ni objet, ni lots.
    await expect(page.locator('#wz-contract-subject').count()).resolves.toBe(0);
    await tabTo(page, CONTINUE);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'wz-error-summary');
    expect(stepParam(page)).toBe('contrat');
    await expect(page.locator('#wz-error-summary').innerText()).resolves.toMatch(/pas celles d’un contrat de concession/);
    await noAxeViolation(page, 'concession');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('invalid entries (-5, abc, 1e20, 150 %, empty) block progress on « Continuer » with messages, a focused summary and linked fields', async () => {
    const { page, consoleErrors } = await freshWizard();
    await type(page, 'contract.subject', 'la réfection de la voirie');
    await type(page, 'contract.amount', '-5');
    await type(page, 'contract.durationMonths', 'abc');
    await tabTo(page, CONTINUE);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'wz-error-summary');
    expect(stepParam(page)).toBe('contrat');
    const summary = await page.locator('#wz-error-summary').innerText();
    expect(summary).toMatch(/Indiquez le nom de l’acheteur/);
    expect(summary).toMatch(/Le montant estimé du marché ne peut pas être négatif/);
    expect(summary).toMatch(/La durée du marché doit être un nombre/);
    expect(summary).toMatch(/Choisissez le type de marché/);
    const amount = page.locator('#wz-contract-amount');
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(amount.getAttribute('aria-describedby')).resolves.toContain('wz-contract-amount-erreur');
    await noAxeViolation(page, 'contrat avec erreurs');
    // Le lien du récapitulatif mène au champ.
    await tabTo(page, '#wz-error-summary a[href="#wz-contract-amount"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'wz-contract-amount');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('1e20');
    await page.keyboard.press('Tab');
    // Les messages ne changent qu'au « Continuer » suivant : quitter un champ ne déplace rien.
    await expect(page.locator('#wz-contract-amount-erreur').innerText()).resolves.toMatch(/ne peut pas être négatif/);
    await tabTo(page, CONTINUE);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /sans exposant/.test(document.getElementById('wz-error-summary')?.textContent ?? ''));
    await expect(page.locator('#wz-contract-amount-erreur').innerText()).resolves.toMatch(/sans exposant/);
    await contract(page, { subject: 'la réfection de la voirie', buyer: 'Ville de Val-Sud', kind: 'travaux', buyerType: 'collectivite', amount: '900 000', months: '12', launch: '2026-09-01' });
    await next(page, 'lots');
    await type(page, 'lots.0.name', 'Chaussées');
    await type(page, 'lots.0.amount', '900 000');
    await type(page, 'lots.0.labourShare', '150 %');
    await page.keyboard.press('Tab');
    await expect(page.locator('#wz-lots-0-labourShare-erreur').count()).resolves.toBe(0);
    await tabTo(page, CONTINUE);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'wz-error-summary');
    expect(stepParam(page)).toBe('lots');
    await expect(page.locator('#wz-lots-0-labourShare-erreur').innerText()).resolves.toMatch(/comprise entre 0 et 100/);
    // L'adresse d'une étape plus loin ne permet pas de sauter l'étape invalide.
    await page.goto(`${WIZARD}?etape=recapitulatif`);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('etape') === 'lots');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('the page does not jump when the wizard wakes up, at 1100 px and 390 px (the preview column is reserved)', async () => {
    for (const width of [1100, 390]) {
      // Sans brouillon enregistré (les autres tests de ce fichier en laissent) : le formulaire, pas la question de reprise.
      const { page, consoleErrors } = await freshWizard();
      await page.setViewportSize({ width, height: 900 });
      await page.addInitScript(() => {
        (window as unknown as { shifts: number[] }).shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) (window as unknown as { shifts: number[] }).shifts.push((e as unknown as { value: number }).value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.reload();
      await hydrated(page);
      await page.waitForSelector('.wz-form:not([aria-busy])');
      const total = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0));
      // « Bon » au sens des Core Web Vitals : moins de 0,1 (le chargement seul mesurait 0,28 à 1100 px).
      expect(total, `décalage cumulé à ${width} px`).toBeLessThan(0.05);
      expect(consoleErrors).toEqual([]);
      await page.close();
    }
  });

  test('what the screen shows is already saved: the new step is in storage when it appears', async () => {
    const { page, consoleErrors } = await freshWizard();
    await contract(page, { subject: 'la rénovation du gymnase', buyer: 'Ville de Val-Sud', kind: 'travaux', buyerType: 'collectivite', amount: '2 000 000', months: '18', launch: '2026-11-02' });
    // L'étape suivante s'affiche : au moment même où son titre change, le brouillon enregistré la porte déjà (une page
    // quittée aussitôt ne perd rien).
    const storedWhenShown = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const form = document.querySelector('.wz-main')!;
          new MutationObserver(() => {
            if (!/Les lots/.test(document.getElementById('wz-step-title')?.textContent ?? '')) return;
            resolve((JSON.parse(localStorage.getItem('recueil-assistant:brouillon') ?? '{}') as { step?: unknown }).step);
          }).observe(form, { childList: true, subtree: true, characterData: true });
          document.querySelector<HTMLButtonElement>('.wz-nav button[type="submit"]')!.click();
        }),
    );
    expect(storedWhenShown).toBe('lots');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('reload mid-journey restores the answers; back and forward move between steps', async () => {
    const { page, consoleErrors } = await freshWizard();
    await contract(page, { subject: 'la rénovation du gymnase', buyer: 'Ville de Val-Sud', kind: 'travaux', buyerType: 'collectivite', amount: '2 000 000', months: '18', launch: '2026-11-02' });
    await next(page, 'lots');
    await lots(page, [['Gros œuvre', '1 200 000', '50']]);
    await next(page, 'obligation');
    await page.reload();
    await hydrated(page);
    await page.waitForFunction(() => /La clause est-elle obligatoire/.test(document.getElementById('wz-step-title')?.textContent ?? ''));
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('etape') === 'lots');
    await expect(page.inputValue('#wz-lots-0-name')).resolves.toBe('Gros œuvre');
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('etape') === 'contrat');
    await expect(page.inputValue('#wz-contract-subject')).resolves.toBe('la rénovation du gymnase');
    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('etape') === 'lots');
    await expect(heading(page)).resolves.toMatch(/Les lots/);
    // Sans étape dans l'adresse, le brouillon est proposé à la reprise.
    await page.goto(WIZARD);
    await hydrated(page);
    await page.waitForFunction(() => /Reprendre votre brouillon/.test(document.getElementById('wz-step-title')?.textContent ?? ''));
    await expect(page.locator('.wz-resume').innerText()).resolves.toMatch(/la rénovation du gymnase/);
    await tabTo(page, '.wz-resume .wz-button--primary');
    await page.keyboard.press('Enter');
    // Le brouillon reprend à la dernière étape affichée.
    await page.waitForFunction(() => new URL(location.href).searchParams.get('etape') === 'lots');
    await expect(page.inputValue('#wz-lots-0-amount')).resolves.toBe('1 200 000');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  test('answers exported to a file can be imported in another browser', async () => {
    const { page, consoleErrors } = await freshWizard();
    await contract(page, { subject: 'la restauration scolaire', buyer: 'Ville de Val-Sud', kind: 'services', buyerType: 'collectivite', amount: '300 000', months: '36', launch: '2026-12-01' });
    await tabTo(page, '.wz-tools button:first-of-type');
    const [exported] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(exported.suggestedFilename()).toMatch(/^clause-sociale-restauration-scolaire-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await exported.path();
    await page.close();

    const other = await freshWizard();
    // Un brouillon en cours : l'import demande d'abord, montre ce qui remplace quoi, et garde l'ancien.
    await type(other.page, 'contract.subject', 'la rénovation du gymnase');
    // Le bouton « Importer » ouvre le sélecteur de fichier du système ; après un téléchargement dans le même
    // contexte, Chromium sans interface ne l'ouvre plus : le fichier est donc donné directement au champ.
    await other.page.setInputFiles('.wz-tools input[type="file"]', file);
    await other.page.waitForFunction(() => document.activeElement?.id === 'wz-step-title');
    const question = await other.page.locator('.wz-resume').innerText();
    expect(question).toMatch(/Remplacer le brouillon en cours[\s\S]*la rénovation du gymnase[\s\S]*la restauration scolaire/);
    await noAxeViolation(other.page, 'confirmation de l’import');
    // « Annuler » : rien ne change.
    await tabTo(other.page, '.wz-resume .wz-button--secondary');
    await other.page.keyboard.press('Enter');
    await expect(other.page.inputValue('#wz-contract-subject')).resolves.toBe('la rénovation du gymnase');
    await expect(other.page.locator('.wz-tools .wz-status').innerText()).resolves.toMatch(/Import annulé/);
    // Cette fois, on confirme (une fois la question posée à nouveau, le focus sur son titre).
    await other.page.setInputFiles('.wz-tools input[type="file"]', file);
    await other.page.locator('.wz-resume .wz-button--primary').waitFor();
    await other.page.waitForFunction(() => document.activeElement?.id === 'wz-step-title');
    await tabTo(other.page, '.wz-resume .wz-button--primary');
    await other.page.keyboard.press('Enter');
    // Le contrat est complet, mais pas le lot : l'assistant mène à la première étape à compléter.
    await other.page.waitForFunction(() => new URL(location.href).searchParams.get('etape') === 'lots');
    await expect(other.page.locator('.wz-arrival').innerText()).resolves.toMatch(/Brouillon importé/);
    await expect(other.page.locator('#wz-error-summary').innerText()).resolves.toMatch(/Indiquez l’intitulé du lot 1/);
    await expect(other.page.evaluate(() => localStorage.getItem('recueil-assistant:brouillon'))).resolves.toContain('la restauration scolaire');
    // L'ancien brouillon est gardé : téléchargeable, et « Annuler » le rétablit.
    await expect(other.page.evaluate(() => localStorage.getItem('recueil-assistant:remplace'))).resolves.toContain('la rénovation du gymnase');
    const oldCopy = await other.page.locator('.wz-replaced a[download]').getAttribute('href');
    expect(decodeURIComponent(oldCopy!)).toContain('la rénovation du gymnase');
    await tabTo(other.page, '.wz-replaced .wz-button--secondary');
    await other.page.keyboard.press('Enter');
    await other.page.waitForFunction(() => new URL(location.href).searchParams.get('etape') === 'contrat');
    await expect(other.page.inputValue('#wz-contract-subject')).resolves.toBe('la rénovation du gymnase');
    expect([...consoleErrors, ...other.consoleErrors]).toEqual([]);
    await other.page.close();
  });

  test('a corrupted stored draft shows a clear message, keeps a downloadable copy, and logs no error', async () => {
    const { page, consoleErrors } = await openPage(context);
    await page.goto(WIZARD);
    // Attendre l'îlot : sinon il pourrait lire (et mettre de côté) le brouillon abîmé avant le rechargement.
    await hydrated(page);
    await page.evaluate(() => localStorage.setItem('recueil-assistant:brouillon', '{"format":"recueil-assistant","version":2,"answers":{"lots":[{"amount":'));
    await page.reload();
    await hydrated(page);
    const banner = page.locator('.wz-banner');
    await expect(banner.innerText()).resolves.toMatch(/Brouillon illisible[\s\S]*n’a pas pu être relu[\s\S]*télécharger la copie/);
    const href = await banner.getByRole('link', { name: 'télécharger la copie' }).getAttribute('href');
    expect(decodeURIComponent(href!.replace(/^data:application\/json;charset=utf-8,/, ''))).toContain('"answers":{"lots":[{"amount":');
    await expect(page.evaluate(() => localStorage.getItem('recueil-assistant:copie'))).resolves.toContain('"lots"');
    // Le formulaire reste utilisable.
    await expect(heading(page)).resolves.toMatch(/Le marché/);
    await noAxeViolation(page, 'brouillon illisible');
    expect(consoleErrors).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  test('the hours calculator of fiche C3 computes with calibrate and carries its result into the wizard', async () => {
    const { page, consoleErrors } = await openPage(context);
    await page.goto(`${site}fiches/c3/`);
    await page.evaluate(() => localStorage.removeItem('recueil-assistant:brouillon'));
    const calc = page.locator('.hc');
    await calc.scrollIntoViewIfNeeded();
    await page.waitForSelector('astro-island:not([ssr]) .hc');
    await expect(calc.locator('output').innerText()).resolves.toMatch(/833\u00a0heures/);
    await tabTo(page, '#hc-rate');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('10');
    await expect(calc.locator('output').innerText()).resolves.toMatch(/1\u202f667\u00a0heures/);
    await noAxeViolation(page, 'fiche C3');
    await tabTo(page, '.hc-link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/assistant\//);
    await hydrated(page);
    await expect(page.inputValue('#wz-contract-amount')).resolves.toBe('1 000 000');
    await contract(page, { subject: 'la construction d’une crèche', buyer: 'Ville de Val-Sud', kind: 'travaux', buyerType: 'collectivite', amount: '1 000 000', months: '12', launch: '2026-09-01' });
    await next(page, 'lots');
    await expect(page.inputValue('#wz-lots-0-amount')).resolves.toBe('1 000 000');
    await type(page, 'lots.0.name', 'Lot unique');
    await next(page, 'obligation');
    await next(page, 'leviers');
    await next(page, 'calibrage');
    await expect(page.locator('.wz-result').innerText()).resolves.toMatch(/1\u202f667\u00a0heures/);
    expect(consoleErrors).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});
