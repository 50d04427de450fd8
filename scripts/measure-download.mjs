/**
 * Temps entre le clic sur « Télécharger le document Word » et le fichier, pour 1, 3 et 10 lots (médiane de
 * plusieurs passages). Sert dist/ sur 127.0.0.1, place un brouillon complet dans le navigateur (Chromium de
 * Debian), ouvre le récapitulatif et clique.
 *   - « premier clic » : page neuve, la bibliothèque docx est chargée au clic (cas réel) ;
 *   - « clic suivant » : même page, bibliothèque déjà chargée (coût du rendu et de l'assemblage seuls).
 * Le temps est mesuré dans la page : de l'événement de clic à l'appel qui déclenche le téléchargement.
 *
 *   npm run build && node scripts/measure-download.mjs [--runs=7]
 * Ce n'est pas un test : les durées dépendent de la machine ; le script ne fait qu'afficher les mesures.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serveDist } from './static-server.mjs';

const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 7);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Un brouillon complet au format enregistré par l'assistant (version 5, voir src/lib/wizard/storage.ts). */
function draft(lotCount) {
  const calibration = { method: 'standard', hourlyCost: '30', rate: '5', months: '', transferableHours: '0', gup: false, override: false, overrideHours: '', overrideReason: '', keepReason: '' };
  const lots = Array.from({ length: lotCount }, (_, i) => ({
    key: `l${i + 1}`, number: String(i + 1), name: `Lot de travaux n° ${i + 1}`, amount: '600 000', labourShare: '50', reservation: 'aucune', calibration,
  }));
  const answers = {
    version: 5,
    contract: { contractType: 'marche', socialServices: false, framework: 'non', frameworkPeriod: 'duree', subject: 'la construction du pôle culturel', buyerName: 'Commune de Val-Sud', reference: '', kind: 'travaux', buyer: 'collectivite', defence: false, allotted: true, amount: String(600_000 * lotCount), durationMonths: '24', launchDate: '2026-09-15' },
    lots,
    levers: { condition: true, criterion: true, reservation: false, insertion: false, employment: false },
    execution: {
      articleNumber: '9', perimeter: '', publics: ['deld', 'rsa', 'minima', 'th', 'jeunes', 'iae', 'structures'], anru: false,
      modalities: ['embauche', 'mise-a-disposition', 'sous-traitance'], counting: ['formation', 'contrat-long', 'conversion'],
      longContractMonths: '12', conversionShare: '50', conversionCost: '30', correspondentDays: '15', reporting: 'mensuelle', pooling: true,
      penaltyPerHour: '30', penaltyCap: '5', observationDays: '15', commitmentForm: true,
    },
    employment: {
      articleNumber: '', modalities: ['alternance', 'achat-inclusif'], contracts: '1', contractMonths: '12', functions: '',
      inclusiveShare: '5', inclusiveServices: '', proofDays: '30', penalty: '',
    },
    facilitator: { structure: 'Maison de l’emploi Val-Sud', name: 'Claire Martin', email: 'clause.sociale@exemple.fr', phone: '01 23 45 67 89' },
    criterion: {
      number: '3', weight: '10', support: 'les travaux de gros œuvre', maxPages: '4',
      subCriteria: [
        { key: 'c1', title: 'Volume d’heures proposé', weight: '50', expected: 'le volume proposé au-delà du minimum' },
        { key: 'c2', title: 'Encadrement et tutorat', weight: '50', expected: 'l’organisation du tutorat' },
      ],
    },
    derogation: { ground: '', groundDetail: '', justification: '', examined: [], otherMeasures: '', signatory: '', place: '', date: '2026-09-01' },
  };
  return JSON.stringify({ format: 'recueil-assistant', version: 5, savedAt: new Date().toISOString(), step: 'recapitulatif', answers });
}

/* global window, document, HTMLAnchorElement -- instrument() et les page.evaluate() s'exécutent dans la page */

/** Enregistre dans la page l'instant du clic et celui du déclenchement du téléchargement. */
function instrument() {
  window.__timing = {};
  document.addEventListener('click', (e) => { if (e.target.closest?.('.wz-download button')) window.__timing.click = performance.now(); }, true);
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download && this.download.endsWith('.docx')) window.__timing.file = performance.now();
    return click.call(this);
  };
}

const server = await serveDist({ root: 'dist', base: process.env.BASE_PATH || '/' });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
const rows = {};
try {
  for (const lotCount of [1, 3, 10]) {
    const first = [];
    const next = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(instrument);
      await page.goto(`${server.url}assistant/`);
      await page.evaluate((raw) => localStorage.setItem('recueil-assistant:brouillon', raw), draft(lotCount));
      await page.goto(`${server.url}assistant/?etape=recapitulatif`);
      const button = page.locator('.wz-download button');
      await button.waitFor();
      if (await page.locator('.wz-banner').count()) throw new Error('Le brouillon de mesure a été refusé par l’assistant : mettre à jour draft() dans ce script.');
      for (const list of [first, next]) {
        const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
        await download.path();
        const t = await page.evaluate(() => window.__timing);
        list.push(t.file - t.click);
        await page.waitForFunction(() => !document.querySelector('.wz-download button')?.disabled);
      }
      await context.close();
    }
    rows[`${lotCount} lot${lotCount > 1 ? 's' : ''}`] = { 'premier clic (ms)': Math.round(median(first)), 'clic suivant (ms)': Math.round(median(next)), passages: RUNS };
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('Du clic au fichier Word (médianes) :');
console.table(rows);
// --json=FICHIER : écrit aussi les médianes, pour le banc (scripts/bench.mjs).
const jsonPath = process.argv.find((a) => a.startsWith('--json='))?.slice('--json='.length);
if (jsonPath) writeFileSync(jsonPath, JSON.stringify(rows));
