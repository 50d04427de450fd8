/**
 * Calibrage dans l'assistant : le calcul de chaque lot (`lot-calibration.ts`) devient une note de calibrage.
 * Un volume fixé à la main remplace le calcul, avec son motif, et la note garde les deux. Le texte de la note est la
 * rédaction type « note-calibrage » : ce module ne fournit que ses réponses.
 */
import { ANRU_RATE, CLEANING_MIN_HOURS, USUAL_RATE } from '../calibrate';
import { formatEuros, formatInt } from '../format';
import { CALIBRATION_SUGGESTIONS, type Answers, type LotAnswers } from './model';
import { clauseLots, lotsWithoutClause } from './levers';
import { singleLine } from '../redactions/core/text';
import { lotCalibration, type LotCalibration } from './lot-calibration';
import { parseNumber } from './numbers';

export { calibrationInput, lotCalibration, lotLabel, type LotCalibration } from './lot-calibration';

export const METHOD_SHORT = {
  standard: 'méthode usuelle',
  proprete: 'formule de la branche propreté',
  anru: 'minimum de la charte de l’ANRU',
} as const;

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

/** Le calibrage de chaque lot qui porte la clause, et le total des heures retenues. */
export function calibrationSummary(answers: Answers): { lots: LotCalibration[]; total: number | null } {
  const lots = clauseLots(answers).map((lot) => lotCalibration(answers, lot));
  const total = lots.every((l) => l.hours !== null) ? lots.reduce((sum, l) => sum + (l.hours ?? 0), 0) : null;
  return { lots, total };
}

/**
 * Le point d'attention de la note de calibrage qui déconseille la clause sur ce lot, quand le lot la garde quand même :
 * formule de la branche propreté et volume retenu sous le seuil qu'elle recommande (150 heures). `null` sinon.
 * L'assistant demande alors le motif du maintien (`calibration.keepReason`), repris dans la note.
 */
export function keepReasonAdvice(answers: Answers, lot: LotAnswers): string | null {
  const { result, hours } = lotCalibration(answers, lot);
  if (lot.calibration.method !== 'proprete' || !result.ok || hours === null || hours >= CLEANING_MIN_HOURS) return null;
  return result.warnings.find((w) => w.includes(String(CLEANING_MIN_HOURS)) && /recommande de ne pas/.test(w)) ?? null;
}

/** Le motif du maintien est-il à demander pour ce lot ? (pour afficher le champ `lots.<i>.calibration.keepReason`) */
export const needsKeepReason = (answers: Answers, lot: LotAnswers): boolean => keepReasonAdvice(answers, lot) !== null;

const sentence = (raw: string) => {
  const s = singleLine(raw);
  return s === '' ? undefined : s;
};
const withStop = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);

/**
 * Les réponses de la rédaction type « note-calibrage » : le texte de la note est dans content/redactions/note-calibrage.yaml,
 * les étapes et points d'attention du calcul viennent de `calibrate`. `null` si un lot n'a pas de volume valide.
 */
export function calibrationNoteAnswers(answers: Answers): Record<string, unknown> | null {
  const { lots, total } = calibrationSummary(answers);
  if (lots.length === 0 || total === null) return null;
  const c = answers.contract;
  return {
    acheteur: sentence(c.buyerName),
    objet: sentence(c.subject),
    reference: sentence(c.reference),
    allotissement: c.allotted ? 'alloti' : 'non-alloti',
    lots: lots.map(({ lot, result, hours, overridden }) => {
      const advice = keepReasonAdvice(answers, lot);
      return {
        numero: sentence(lot.number),
        intitule: sentence(lot.name),
        montant: parseNumber(lot.amount, 'amount-ht') ?? lot.amount,
        methode: overridden ? 'manuel' : lot.calibration.method,
        ...(overridden ? { methode_calcul: lot.calibration.method, motif_volume: sentence(lot.calibration.overrideReason)?.replace(/[.]+$/, '') } : {}),
        ...(overridden && result.ok ? { heures_calculees: result.hours } : {}),
        heures: hours,
        calcul: result.ok ? result.steps.join('\n') : undefined,
        avertissements: result.ok && result.warnings.length ? result.warnings.join('\n') : undefined,
        ...(advice ? { conseil: withStop(advice), motif_maintien: sentence(lot.calibration.keepReason)?.replace(/[.]+$/, '') } : {}),
      };
    }),
    // Les lots réservés sans clause d'heures (hors obligation) ; un lot réservé qui garde la clause est calibré plus haut.
    lots_reserves: lotsWithoutClause(answers).map((lot) => ({ numero_reserve: sentence(lot.number), intitule_reserve: sentence(lot.name), reservation: lot.reservation })),
  };
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
