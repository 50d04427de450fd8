/**
 * Le calibrage d'un lot : ses réponses deviennent l'entrée de `calibrate` (src/lib/calibrate.ts, qui porte seul les
 * formules), ou le volume fixé à la main le remplace. Ne dépend pas des leviers, pour que `levers.ts` puisse s'en
 * servir (volumes très faibles) sans cycle ; le reste du calibrage de l'assistant est dans `calibration.ts`.
 */
import { calibrate, type CalibrationInput, type CalibrationResult } from '../calibrate';
import { singleLine } from '../redactions/core/text';
import type { Answers, LotAnswers } from './model';
import { parseNumber } from './numbers';

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
