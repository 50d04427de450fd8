/**
 * Calcul du volume d'heures d'insertion d'un lot (fiche C3, assistant). Module pur : chaque résultat
 * donne les heures, l'explication de chaque étape avec ses nombres, et des avertissements ; une saisie
 * invalide donne des erreurs en français, jamais NaN ni Infinity.
 *
 * Méthodes :
 * - « standard » : montant HT × part de main-d'œuvre ÷ coût horaire × taux d'insertion ;
 * - « proprete » : formule de la branche propreté, C = 25, P = 1 − (S × C) ÷ (A ÷ N), I = P × A ÷ C × T ;
 * - « anru » : minimum de la charte nationale d'insertion de l'ANRU, 5 % des heures travaillées
 *   (10 % pour la gestion urbaine de proximité).
 * Les pourcentages se saisissent de 0 à 100 (50 pour 50 %).
 *
 * Règle d'arrondi : le résultat est arrondi à l'heure la plus proche, une demi-heure exacte étant arrondie
 * à l'heure supérieure (833,33 → 833 ; 832,5 → 833). Le total de plusieurs lots est la somme des heures
 * arrondies de chaque lot, pour que le total corresponde au tableau par lot.
 */
import { formatEuros, formatInt, formatNumber, formatPercent, lowerFirst } from './format';
import { MAX_NUMBER, readNumberField, type NumberRule } from './french-number';

export type CalibrationInput =
  | {
      method: 'standard';
      label?: string;
      /** Montant estimé HT du lot, en euros. */
      amount: unknown;
      /** Part de main-d'œuvre, de 0 à 100. */
      labourShare: unknown;
      /** Coût horaire moyen chargé, en euros. */
      hourlyCost: unknown;
      /** Taux d'insertion, de 0 à 100. */
      rate: unknown;
    }
  | {
      method: 'proprete';
      label?: string;
      /** A : chiffre d'affaires HT du lot sur sa durée, en euros. */
      amount: unknown;
      /** N : durée du lot, en mois. */
      months: unknown;
      /** S : heures mensuelles du personnel transférable (reprise du personnel). */
      transferableHours: unknown;
      /** T : taux d'insertion fixé au CCAP, de 0 à 100. */
      rate: unknown;
    }
  | {
      method: 'anru';
      label?: string;
      /** Gestion urbaine de proximité : minimum de 10 % au lieu de 5 %. */
      gup?: unknown;
      /** Heures travaillées sur le lot, si elles sont connues. */
      hoursWorked?: unknown;
      /** Sinon : montant HT, part de main-d'œuvre et coût horaire pour les estimer. */
      amount?: unknown;
      labourShare?: unknown;
      hourlyCost?: unknown;
    };

export interface CalibrationError {
  field: string;
  message: string;
}

export type CalibrationResult =
  | { ok: true; method: CalibrationInput['method']; label?: string; hours: number; exactHours: number; steps: string[]; warnings: string[] }
  | { ok: false; errors: CalibrationError[] };

/** Coefficient fixe de la branche propreté : 25 € de chiffre d'affaires par heure travaillée. */
export const CLEANING_COEFFICIENT = 25;
/** En dessous de ce volume, la branche propreté recommande de ne pas prévoir de clause. */
export const CLEANING_MIN_HOURS = 150;
/** Volume très faible, quelle que soit la méthode : environ deux semaines de travail à temps plein. */
export const LOW_VOLUME_HOURS = 70;
/** Fourchette usuelle des taux d'insertion. */
export const USUAL_RATE = { min: 5, max: 20 } as const;
export const ANRU_RATE = { standard: 5, gup: 10 } as const;
/** Arrondi à l'heure la plus proche, demi-heure vers le haut ; le pré-arrondi efface les erreurs de virgule flottante. */
export function roundHours(exact: number): number {
  return Math.floor(Math.round(exact * 1e6) / 1e6 + 0.5);
}

const hoursText = (n: number) => `${formatNumber(n)}\u00a0h`;

/**
 * Les bornes et la formulation de chaque saisie du calcul, reprises par l'assistant (numbers.ts) : une seule
 * définition par champ. La lecture et les messages sont ceux de `french-number.ts`.
 */
export const CALIBRATION_RULES = {
  amount: { subject: 'Le montant HT', kind: 'amount-ht', min: 0, minExclusive: true, example: '« 400 000 »' },
  labourShare: { subject: 'La part de main-d’œuvre', feminine: true, kind: 'percent', min: 0, max: 100, example: '« 50 »' },
  hourlyCost: { subject: 'Le coût horaire', kind: 'euros', min: 1, max: 10_000, example: '« 30 »' },
  rate: { subject: 'Le taux d’insertion', kind: 'percent', min: 0, max: 100, example: '« 5 »' },
  months: { subject: 'La durée du lot', feminine: true, kind: 'months', min: 0, minExclusive: true, max: 600, example: '« 24 »' },
  transferableHours: { subject: 'Le nombre d’heures mensuelles du personnel transférable', kind: 'hours', min: 0, example: '« 0 »' },
  hoursWorked: { subject: 'Le nombre d’heures travaillées', kind: 'hours', min: 0, example: '« 16 000 »' },
} satisfies Record<string, NumberRule>;
type CalibrationField = keyof typeof CALIBRATION_RULES;

/** Lit une saisie selon la règle de son champ ; ajoute l'erreur et renvoie `null` si elle est refusée. */
function read(raw: unknown, field: CalibrationField, errors: CalibrationError[]): number | null {
  const r = readNumberField(raw, CALIBRATION_RULES[field]);
  if (r.ok) return r.value;
  errors.push({ field, message: r.message });
  return null;
}

function rateWarnings(rate: number, warnings: string[]) {
  if (rate < USUAL_RATE.min || rate > USUAL_RATE.max) {
    warnings.push(`Le taux d’insertion de ${formatPercent(rate)} sort de la fourchette habituelle de ${USUAL_RATE.min} à ${USUAL_RATE.max} %.`);
  }
}

function volumeWarnings(hours: number, warnings: string[]) {
  if (hours === 0) warnings.push('Le calcul ne donne aucune heure d’insertion : une clause n’a pas de sens sur ce lot avec ces paramètres.');
  else if (hours < LOW_VOLUME_HOURS) {
    warnings.push(`Volume très faible (${formatInt(hours)} h, moins de ${LOW_VOLUME_HOURS} h) : il permet difficilement un parcours ; envisagez de regrouper des lots ou de globaliser les heures.`);
  }
}

function finish(input: CalibrationInput, exact: number, steps: string[], warnings: string[]): CalibrationResult {
  if (!Number.isFinite(exact) || exact < 0 || exact > MAX_NUMBER) {
    return { ok: false, errors: [{ field: 'result', message: 'Le calcul donne un résultat hors de proportion : vérifiez les montants, le coût horaire et les taux saisis.' }] };
  }
  const hours = roundHours(exact);
  steps.push(`Arrondi à l’heure la plus proche : ${formatInt(hours)} heures d’insertion.`);
  volumeWarnings(hours, warnings);
  const label = typeof input.label === 'string' && input.label.trim() ? input.label.trim() : undefined;
  return { ok: true, method: input.method, ...(label ? { label } : {}), hours, exactHours: exact, steps, warnings };
}

function standard(input: Extract<CalibrationInput, { method: 'standard' }>): CalibrationResult {
  const errors: CalibrationError[] = [];
  const amount = read(input.amount, 'amount', errors);
  const share = read(input.labourShare, 'labourShare', errors);
  const cost = read(input.hourlyCost, 'hourlyCost', errors);
  const rate = read(input.rate, 'rate', errors);
  if (amount === null || share === null || cost === null || rate === null) return { ok: false, errors };
  const labour = (amount * share) / 100;
  const worked = labour / cost;
  const exact = (worked * rate) / 100;
  const steps = [
    `Coût de la main-d’œuvre : ${formatEuros(amount)} HT × ${formatPercent(share)} = ${formatEuros(labour)}.`,
    `Heures travaillées estimées : ${formatEuros(labour)} ÷ ${formatEuros(cost)} par heure = ${hoursText(worked)}.`,
    `Heures d’insertion : ${hoursText(worked)} × ${formatPercent(rate)} = ${hoursText(exact)}.`,
  ];
  const warnings: string[] = [];
  rateWarnings(rate, warnings);
  return finish(input, exact, steps, warnings);
}

function proprete(input: Extract<CalibrationInput, { method: 'proprete' }>): CalibrationResult {
  const errors: CalibrationError[] = [];
  const a = read(input.amount, 'amount', errors);
  const n = read(input.months, 'months', errors);
  const s = read(input.transferableHours, 'transferableHours', errors);
  const t = read(input.rate, 'rate', errors);
  if (a === null || n === null || s === null || t === null) return { ok: false, errors };
  const c = CLEANING_COEFFICIENT;
  const monthly = a / n;
  const rawWeight = 1 - (s * c) / monthly;
  const weight = Math.max(0, rawWeight);
  const exact = ((weight * a) / c) * (t / 100);
  const warnings: string[] = [];
  const steps = [
    `Chiffre d’affaires mensuel : A ÷ N = ${formatEuros(a)} ÷ ${formatNumber(n)} mois = ${formatEuros(monthly)}.`,
    `Pondération liée à la reprise du personnel : P = 1 − (S × C) ÷ (A ÷ N) = 1 − (${formatNumber(s)} × ${c}) ÷ ${formatEuros(monthly)} = ${formatNumber(rawWeight)}${rawWeight < 0 ? ', ramenée à 0' : ''}.`,
    `Heures d’insertion : I = P × A ÷ C × T = ${formatNumber(weight)} × ${formatEuros(a)} ÷ ${c} × ${formatPercent(t)} = ${hoursText(exact)}.`,
  ];
  if (rawWeight < 0) warnings.push('Le personnel transférable couvre toute l’activité du lot : la formule ne laisse pas d’heures d’insertion.');
  rateWarnings(t, warnings);
  const result = finish(input, exact, steps, warnings);
  if (result.ok && result.hours > 0 && result.hours < CLEANING_MIN_HOURS) {
    result.warnings.push(`En dessous de ${CLEANING_MIN_HOURS} heures, la branche propreté recommande de ne pas prévoir de clause d’insertion.`);
  }
  return result;
}

function anru(input: Extract<CalibrationInput, { method: 'anru' }>): CalibrationResult {
  const errors: CalibrationError[] = [];
  const gup = input.gup === true || input.gup === 'true' || input.gup === 'oui';
  const rate = gup ? ANRU_RATE.gup : ANRU_RATE.standard;
  const steps: string[] = [];
  let worked: number | null;
  if (input.hoursWorked !== undefined && input.hoursWorked !== null && input.hoursWorked !== '') {
    worked = read(input.hoursWorked, 'hoursWorked', errors);
    if (worked !== null) steps.push(`Heures travaillées sur le lot : ${hoursText(worked)}.`);
  } else {
    const amount = read(input.amount, 'amount', errors);
    const share = read(input.labourShare, 'labourShare', errors);
    const cost = read(input.hourlyCost, 'hourlyCost', errors);
    if (amount === null || share === null || cost === null) return { ok: false, errors };
    const labour = (amount * share) / 100;
    worked = labour / cost;
    steps.push(
      `Coût de la main-d’œuvre : ${formatEuros(amount)} HT × ${formatPercent(share)} = ${formatEuros(labour)}.`,
      `Heures travaillées estimées : ${formatEuros(labour)} ÷ ${formatEuros(cost)} par heure = ${hoursText(worked)}.`,
    );
  }
  if (worked === null) return { ok: false, errors };
  const exact = (worked * rate) / 100;
  steps.push(
    `Minimum de la charte nationale d’insertion de l’ANRU${gup ? ' (gestion urbaine de proximité)' : ''} : ${hoursText(worked)} × ${formatPercent(rate)} = ${hoursText(exact)}.`,
  );
  return finish(input, exact, steps, []);
}

/** Calcule le volume d'heures d'un lot. Ne lève jamais d'exception. */
export function calibrate(input: unknown): CalibrationResult {
  if (typeof input !== 'object' || input === null) {
    return { ok: false, errors: [{ field: 'method', message: 'Les données du lot sont absentes.' }] };
  }
  const method = (input as { method?: unknown }).method;
  switch (method) {
    case 'standard':
      return standard(input as Extract<CalibrationInput, { method: 'standard' }>);
    case 'proprete':
      return proprete(input as Extract<CalibrationInput, { method: 'proprete' }>);
    case 'anru':
      return anru(input as Extract<CalibrationInput, { method: 'anru' }>);
    default:
      return { ok: false, errors: [{ field: 'method', message: 'Méthode de calcul inconnue : choisissez « standard », « proprete » ou « anru ».' }] };
  }
}

export type LotsCalibration =
  | { ok: true; lots: Extract<CalibrationResult, { ok: true }>[]; total: number; steps: string[] }
  | { ok: false; errors: (CalibrationError & { lot: number })[] };

/** Calcule chaque lot puis le total (somme des heures arrondies de chaque lot). */
export function calibrateLots(lots: unknown): LotsCalibration {
  if (!Array.isArray(lots) || lots.length === 0) {
    return { ok: false, errors: [{ lot: -1, field: 'lots', message: 'Indiquez au moins un lot.' }] };
  }
  const results = lots.map((lot) => calibrate(lot));
  const errors = results.flatMap((r, i) =>
    r.ok ? [] : r.errors.map((e) => ({ ...e, lot: i, message: `Lot ${i + 1} : ${lowerFirst(e.message)}` })),
  );
  if (errors.length) return { ok: false, errors };
  const ok = results as Extract<CalibrationResult, { ok: true }>[];
  const total = ok.reduce((sum, r) => sum + r.hours, 0);
  const steps = [`Total : ${ok.map((r) => formatInt(r.hours)).join(' + ')} = ${formatInt(total)} heures d’insertion.`];
  return { ok: true, lots: ok, total, steps };
}
