/**
 * Lecture et contrôle des nombres saisis dans l'assistant. Les champs sont des zones de texte
 * (« 1 000 000 », « 50 % », « 12,5 ») : on garde la saisie telle quelle dans les réponses et on la lit ici.
 * Chaque refus donne une phrase française qui nomme le champ et dit ce qui est attendu.
 */
import { formatNumber } from '../format';
import { MAX_NUMBER, readNumber } from '../redactions/values';

/** Unités tolérées en fin de saisie : « 1 000 € », « 1 000 € HT », « 50 % », « 833 h ». */
const UNIT_SUFFIX = /\s*(?:€\s*HT|€|euros?(?:\s*HT)?|HT|%|h|heures?|mois|jours?)\s*$/i;

/** Le nombre d'une saisie, unités de fin tolérées ; `null` si vide ou illisible. */
export function parseNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(UNIT_SUFFIX, '');
  if (text === '') return null;
  return readNumber(text);
}

export const isBlank = (raw: unknown) => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

export interface NumberRule {
  /** Sujet de la phrase, avec son article : « Le montant estimé du marché ». */
  subject: string;
  /** Accord des adjectifs (« négative », « comprise »). */
  feminine?: boolean;
  min: number;
  /** Le minimum est exclu : la valeur doit lui être strictement supérieure. */
  minExclusive?: boolean;
  max?: number;
  integer?: boolean;
  /** Unité pour les messages : « € », « % », « heures », « mois », « jours ». */
  unit?: string;
  /** Exemple de saisie correcte, cité dans le message d'erreur. */
  example: string;
  required?: boolean;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Message d'erreur pour une saisie numérique, ou `null` si elle est acceptable. */
export function checkNumber(raw: unknown, rule: NumberRule): string | null {
  const e = rule.feminine ? 'e' : '';
  const unit = rule.unit ? `\u00a0${rule.unit}` : '';
  if (isBlank(raw)) return rule.required === false ? null : `Indiquez ${lowerFirst(rule.subject)}.`;
  const text = typeof raw === 'string' ? raw.trim() : String(raw);
  if (/\d[eE][+-]?\d/.test(text)) {
    return `${rule.subject} doit s’écrire en chiffres, sans exposant (« ${text} » n’est pas accepté), par exemple ${rule.example}.`;
  }
  const n = parseNumber(raw);
  if (n === null) return `${rule.subject} doit être un nombre, par exemple ${rule.example}.`;
  if (n < 0 && rule.min >= 0) return `${rule.subject} ne peut pas être négati${rule.feminine ? 've' : 'f'}.`;
  const max = rule.max ?? MAX_NUMBER;
  if (n > max) {
    return rule.max === undefined
      ? `${rule.subject} est hors de proportion (plus de 1 000 milliards) : vérifiez la saisie.`
      : `${rule.subject} doit être compris${e} entre ${formatNumber(rule.min)} et ${formatNumber(max)}${unit}.`;
  }
  if (rule.minExclusive ? n <= rule.min : n < rule.min) {
    if (rule.minExclusive && rule.min === 0) return `${rule.subject} doit être supérieur${e} à zéro.`;
    return rule.max === undefined
      ? `${rule.subject} doit être au moins égal${e} à ${formatNumber(rule.min)}${unit}.`
      : `${rule.subject} doit être compris${e} entre ${formatNumber(rule.min)} et ${formatNumber(max)}${unit}.`;
  }
  if (rule.integer && !Number.isInteger(n)) return `${rule.subject} doit être un nombre entier, par exemple ${rule.example}.`;
  return null;
}

/** Les règles des montants et pourcentages, partagées par plusieurs étapes. */
export const RULES = {
  contractAmount: { subject: 'Le montant estimé du marché', min: 0, minExclusive: true, unit: '€ HT', example: '« 1 200 000 »' },
  lotAmount: { subject: 'Le montant estimé du lot', min: 0, minExclusive: true, unit: '€ HT', example: '« 400 000 »' },
  labourShare: { subject: 'La part de main-d’œuvre', feminine: true, min: 0, max: 100, unit: '%', example: '« 50 »' },
  hourlyCost: { subject: 'Le coût horaire', min: 1, max: 10_000, unit: '€', example: '« 30 »' },
  rate: { subject: 'Le taux d’insertion', min: 0, max: 100, unit: '%', example: '« 5 »' },
  duration: { subject: 'La durée du marché', feminine: true, min: 1, max: 600, integer: true, unit: 'mois', example: '« 24 »' },
} satisfies Record<string, NumberRule>;
