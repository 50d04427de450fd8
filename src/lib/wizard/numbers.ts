/**
 * Les nombres saisis dans l'assistant. Les champs sont des zones de texte (« 1 000 000 », « 50 % », « 12,5 ») :
 * la saisie est gardée telle quelle dans les réponses et lue par `src/lib/french-number.ts`, seul lecteur des
 * nombres du projet. Ici : les règles des champs partagés (bornes, grandeur, formulation) et ce que l'interface
 * appelle pour chaque champ : `checkNumber` (le message d'erreur) et `fieldEcho` (ce qui a été compris, ou les deux
 * lectures d'une saisie ambiguë).
 */
import { CALIBRATION_RULES } from '../calibrate';
import { ambiguityMessage, readFrenchNumber, readNumberField, understood, type NumberKind, type NumberRule } from '../french-number';

export type { NumberKind, NumberRule } from '../french-number';
export { UNIT_LABEL, ambiguityMessage, readFrenchNumber, readingMessage, understood, type NumberReading } from '../french-number';

/**
 * Le nombre d'une saisie ; `null` si elle est vide, illisible ou ambiguë (« 216.000 » n'est jamais lu 216).
 * Sans grandeur, toute unité de fin est tolérée (« 50 % », « 30 € », « 833 h ») ; avec, seule la sienne.
 */
export function parseNumber(raw: unknown, kind: NumberKind | 'any' = 'any'): number | null {
  const r = readFrenchNumber(raw, kind);
  return r.status === 'ok' ? r.value : null;
}

export const isBlank = (raw: unknown) => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/** Message d'erreur pour une saisie numérique, ou `null` si elle est acceptable. */
export function checkNumber(raw: unknown, rule: NumberRule): string | null {
  const r = readNumberField(raw, rule);
  return r.ok ? null : r.message;
}

/** Ce que l'assistant a compris de la saisie, à afficher sous le champ (« soit 216 000 € HT ») ; `null` sinon. */
export const echoNumber = (raw: unknown, rule: Pick<NumberRule, 'kind'>): string | null => understood(raw, rule.kind);

/** Les règles des champs numériques de l'assistant ; celles du calcul d'heures viennent de `calibrate`. */
export const RULES = {
  contractAmount: { subject: 'Le montant estimé du marché', kind: 'amount-ht', min: 0, minExclusive: true, example: '« 1 200 000 »' },
  lotAmount: { ...CALIBRATION_RULES.amount, subject: 'Le montant estimé du lot', example: '« 400 000 »' },
  labourShare: CALIBRATION_RULES.labourShare,
  hourlyCost: CALIBRATION_RULES.hourlyCost,
  rate: CALIBRATION_RULES.rate,
  transferableHours: CALIBRATION_RULES.transferableHours,
  duration: { subject: 'La durée du marché', feminine: true, kind: 'months', min: 1, max: 600, integer: true, example: '« 24 »' },
  overrideHours: { subject: 'Le volume d’heures fixé', kind: 'hours', min: 1, integer: true, example: '« 800 »' },
  longContractMonths: { subject: 'La durée de décompte d’un contrat long', feminine: true, kind: 'months', min: 1, max: 60, integer: true, example: '« 12 »' },
  correspondentDays: { subject: 'Le délai de désignation du correspondant', kind: 'days', min: 1, max: 90, integer: true, example: '« 15 »' },
  penaltyPerHour: { subject: 'La pénalité par heure non réalisée', feminine: true, kind: 'euros', min: 0, minExclusive: true, max: 10_000, example: '« 30 »' },
  penaltyCap: { subject: 'Le plafond des pénalités', kind: 'percent', min: 0.1, max: 100, example: '« 5 »' },
  observationDays: { subject: 'Le délai laissé au titulaire pour ses observations', kind: 'days', min: 1, max: 90, integer: true, example: '« 15 »' },
  criterionWeight: { subject: 'La pondération du critère', feminine: true, kind: 'percent', min: 1, max: 50, example: '« 10 »' },
  subCriterionWeight: { subject: 'La part du sous-critère', feminine: true, kind: 'percent', min: 0, minExclusive: true, max: 100, example: '« 25 »' },
  employmentContracts: { subject: 'Le nombre minimal de contrats en alternance', kind: 'integer', min: 1, max: 50, integer: true, example: '« 1 »' },
  employmentContractMonths: { subject: 'La durée minimale de chaque contrat', feminine: true, kind: 'months', min: 1, max: 48, integer: true, example: '« 12 »' },
  inclusiveShare: { subject: 'La part minimale confiée à des structures inclusives', feminine: true, kind: 'percent', min: 0.1, max: 100, example: '« 5 »' },
  proofDays: { subject: 'Le délai de remise des justificatifs', kind: 'days', min: 1, max: 180, integer: true, example: '« 30 »' },
  employmentPenalty: { subject: 'La pénalité forfaitaire', feminine: true, kind: 'euros', min: 0, minExclusive: true, max: 1_000_000, example: '« 3 000 »' },
  maxPages: { subject: 'Le nombre maximal de pages', kind: 'integer', min: 1, max: 50, integer: true, example: '« 4 »' },
} satisfies Record<string, NumberRule>;

export type FieldEcho = { kind: 'understood' | 'ambiguous'; text: string } | null;

/**
 * Ce que le champ affiche sous la saisie, au fil de la frappe : pour un montant, ce qui a été compris
 * (« soit 216 000 € HT ») ; pour toute saisie ambiguë (« 216.000 »), les deux lectures et comment écrire chacune.
 * Rien d'autre : les erreurs ne paraissent qu'au « Continuer ».
 */
export function fieldEcho(raw: unknown, rule: Pick<NumberRule, 'kind'>): FieldEcho {
  const reading = readFrenchNumber(raw, rule.kind);
  if (reading.status === 'ambiguous') return { kind: 'ambiguous', text: ambiguityMessage(raw, reading.readings, rule.kind) };
  if (rule.kind !== 'amount-ht' && rule.kind !== 'euros') return null;
  const text = echoNumber(raw, rule);
  return text ? { kind: 'understood', text } : null;
}
