/**
 * Calibrage dans l'assistant : les réponses d'un lot deviennent l'entrée de `calibrate` (src/lib/calibrate.ts,
 * qui porte seul les formules), et le résultat devient une note de calibrage (document intermédiaire).
 * Un volume fixé à la main remplace le calcul, avec son motif, et la note garde les deux.
 */
import { ANRU_RATE, USUAL_RATE, calibrate, type CalibrationInput, type CalibrationResult } from '../calibrate';
import type { Block, RenderedDocument, Run } from '../redactions/document';
import { formatEuros, formatInt } from '../format';
import { singleLine } from '../redactions/text';
import { CALIBRATION_SUGGESTIONS, type Answers, type LotAnswers } from './model';
import { clauseLots, reservedLots } from './levers';
import { parseNumber } from './numbers';

export const CALIBRATION_NOTE_TITLE = 'Note de calibrage des heures d’insertion';

export const METHOD_SHORT = {
  standard: 'méthode usuelle',
  proprete: 'formule de la branche propreté',
  anru: 'minimum de la charte de l’ANRU',
} as const;

export function lotLabel(lot: LotAnswers): string {
  const name = singleLine(lot.name);
  return `Lot ${singleLine(lot.number) || '?'}${name ? `\u00a0: ${name}` : ''}`;
}

/**
 * L'entrée de `calibrate` pour un lot : les saisies telles quelles, que `calibrate` lit selon la grandeur de chaque
 * champ (« 12 % » dans un montant est refusé, « 216.000 » est ambigu) ; les lire ici sans cette grandeur
 * laisserait passer une unité fausse.
 */
export function calibrationInput(answers: Answers, lot: LotAnswers): CalibrationInput {
  const c = lot.calibration;
  const label = lotLabel(lot);
  switch (c.method) {
    case 'proprete':
      return {
        method: 'proprete',
        label,
        amount: lot.amount,
        months: c.months.trim() ? c.months : answers.contract.durationMonths,
        transferableHours: c.transferableHours,
        rate: c.rate,
      };
    case 'anru':
      return { method: 'anru', label, gup: c.gup, amount: lot.amount, labourShare: lot.labourShare, hourlyCost: c.hourlyCost };
    default:
      return { method: 'standard', label, amount: lot.amount, labourShare: lot.labourShare, hourlyCost: c.hourlyCost, rate: c.rate };
  }
}

/** Chemin du champ de l'assistant qui correspond à un champ de `calibrate`, pour placer le message. */
export function calibrationFieldPath(lotIndex: number, field: string): string {
  const lot = `lots.${lotIndex}`;
  switch (field) {
    case 'amount':
    case 'labourShare':
      return `${lot}.${field}`;
    case 'months':
    case 'transferableHours':
    case 'hourlyCost':
    case 'rate':
      return `${lot}.calibration.${field}`;
    default:
      return `${lot}.calibration.method`;
  }
}

export interface LotCalibration {
  lot: LotAnswers;
  result: CalibrationResult;
  /** Heures retenues : le volume fixé à la main s'il y en a un, sinon le calcul ; `null` si rien n'est valide. */
  hours: number | null;
  overridden: boolean;
}

export function lotCalibration(answers: Answers, lot: LotAnswers): LotCalibration {
  const result = calibrate(calibrationInput(answers, lot));
  if (lot.calibration.override) {
    const manual = parseNumber(lot.calibration.overrideHours, 'hours');
    const valid = manual !== null && Number.isInteger(manual) && manual >= 1;
    return { lot, result, hours: valid ? manual : null, overridden: true };
  }
  return { lot, result, hours: result.ok ? result.hours : null, overridden: false };
}

/** Le calibrage de chaque lot qui porte la clause, et le total des heures retenues. */
export function calibrationSummary(answers: Answers): { lots: LotCalibration[]; total: number | null } {
  const lots = clauseLots(answers).map((lot) => lotCalibration(answers, lot));
  const total = lots.every((l) => l.hours !== null) ? lots.reduce((sum, l) => sum + (l.hours ?? 0), 0) : null;
  return { lots, total };
}

const text = (t: string): Run => ({ kind: 'text', text: t });
const value = (t: string, field: string): Run => ({ kind: 'value', text: t, field });
const hoursText = (n: number) => `${formatInt(n)}\u00a0heure${n >= 2 ? 's' : ''}`;

/**
 * La note de calibrage : hypothèses et calculs de chaque lot, volume retenu, motif d'un volume fixé à la main.
 * `null` si un lot n'a pas de volume valide (l'assistant ne laisse pas télécharger dans ce cas).
 */
export function calibrationNote(answers: Answers): RenderedDocument | null {
  const { lots, total } = calibrationSummary(answers);
  if (lots.length === 0 || total === null) return null;
  const subject = singleLine(answers.contract.subject);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, runs: [text(CALIBRATION_NOTE_TITLE)] },
    {
      kind: 'paragraph',
      runs: [
        text('Marché\u00a0: '),
        value(subject, 'contract.subject'),
        ...(answers.contract.reference.trim() ? [text(' (référence '), value(singleLine(answers.contract.reference), 'contract.reference'), text(')')] : []),
        ...(answers.contract.buyerName.trim() ? [text(', acheteur\u00a0: '), value(singleLine(answers.contract.buyerName), 'contract.buyerName')] : []),
        text('.'),
      ],
    },
    {
      kind: 'paragraph',
      runs: [
        text(
          'Cette note consigne, pour chaque lot qui porte la clause sociale d’insertion, les hypothèses et le calcul du volume d’heures. Les paramètres (part de main-d’œuvre, coût horaire, taux d’insertion) sont des valeurs usuelles proposées par l’assistant du recueil et retenues par l’acheteur ; elles sont à revoir avec le facilitateur. La note est à verser au dossier du marché.',
        ),
      ],
    },
    {
      kind: 'table',
      header: [[text('Lot')], [text('Montant HT')], [text('Méthode')], [text('Heures d’insertion retenues')]],
      rows: lots.map(({ lot, result, hours, overridden }, i) => {
        const amount = parseNumber(lot.amount, 'amount-ht');
        return [
          [value(lotLabel(lot), `lots.${i}.name`)],
          [value(amount === null ? lot.amount : `${formatEuros(amount)}\u00a0HT`, `lots.${i}.amount`)],
          [text(overridden ? `volume fixé par l’acheteur${result.ok ? ` (calcul\u00a0: ${hoursText(result.hours)})` : ''}` : METHOD_SHORT[lot.calibration.method])],
          [value(hoursText(hours ?? 0), `lots.${i}.hours`)],
        ];
      }),
    },
    { kind: 'paragraph', runs: [text('Total des heures d’insertion du marché\u00a0: '), value(hoursText(total), 'total'), text('.')] },
  ];
  lots.forEach(({ lot, result, hours, overridden }, i) => {
    blocks.push({ kind: 'heading', level: 2, number: i + 1, runs: [text(lotLabel(lot))] });
    if (result.ok) {
      blocks.push({ kind: 'paragraph', runs: [text(`Calcul (${METHOD_SHORT[lot.calibration.method]})\u00a0:`)] });
      blocks.push({ kind: 'list', items: result.steps.map((s) => [text(s)]) });
      for (const w of result.warnings) blocks.push({ kind: 'paragraph', runs: [text(`Point d’attention\u00a0: ${w}`)] });
    }
    if (overridden && hours !== null) {
      blocks.push({
        kind: 'paragraph',
        runs: [
          text('Volume retenu\u00a0: '),
          value(hoursText(hours), `lots.${i}.calibration.overrideHours`),
          text(', fixé par l’acheteur à la place du calcul. Motif\u00a0: '),
          value(singleLine(lot.calibration.overrideReason), `lots.${i}.calibration.overrideReason`),
          text('.'),
        ],
      });
    }
  });
  const reserved = reservedLots(answers);
  if (reserved.length) {
    blocks.push({ kind: 'heading', level: 2, number: lots.length + 1, runs: [text('Lots réservés')] });
    blocks.push({
      kind: 'list',
      items: reserved.map((lot) => [
        value(lotLabel(lot), 'lots'),
        text(`\u00a0: réservé ${lot.reservation === 'siae' ? 'aux structures d’insertion par l’activité économique (SIAE)' : 'aux entreprises adaptées et aux ESAT'}, sans clause d’heures.`),
      ]),
    });
  }
  return { draftId: 'note-calibrage', title: CALIBRATION_NOTE_TITLE, fiche: 'C3', references: ['ccag-2021', ...(lots.some((l) => l.lot.calibration.method === 'anru') ? ['anru-charte-insertion'] : [])], blocks };
}

/** Les aides chiffrées des champs de calibrage, tirées des valeurs du calcul (jamais réécrites dans l'îlot). */
export function calibrationHints(answers: Answers) {
  const duration = parseNumber(answers.contract.durationMonths);
  return {
    hourlyCost: `Valeur proposée\u00a0: ${formatEuros(Number(CALIBRATION_SUGGESTIONS.hourlyCost))}.`,
    rate: `Usuel\u00a0: ${formatInt(USUAL_RATE.min)} à ${formatInt(USUAL_RATE.max)}\u00a0%.`,
    gup: `Marché de gestion urbaine de proximité (minimum de ${formatInt(ANRU_RATE.gup)}\u00a0% au lieu de ${formatInt(ANRU_RATE.standard)}\u00a0%)`,
    months: duration !== null ? `Laissez vide pour la durée du marché (${formatInt(duration)} mois).` : 'Laissez vide pour la durée du marché.',
  };
}
