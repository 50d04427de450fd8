/**
 * Lecture et mise en forme des réponses : chaque réponse est validée selon le type de sa variable,
 * puis formatée en texte français (« 1 000 000 € HT », « 5 % », « 833 heures », « 22 août 2026 »).
 * Une réponse invalide donne un message qui nomme le champ ; une réponse facultative vide donne un repère.
 */
import { formatDateFr, formatEuros, formatInt, formatNumber, formatPercent } from '../format';
import type { ChoiceOption, LotsVariable, ScalarVariable, Variable } from './schema';
import { frenchTypography } from '../typography';
import { singleLine, xmlSafe } from './text';

export interface FieldError {
  /** Nom du champ (« montant_estime », « lots[1].heures »). */
  field: string;
  /** Message en français qui nomme le champ. */
  message: string;
}

/** Valeur d'une variable simple, prête pour le rendu. */
export interface ScalarValue {
  kind: 'scalar';
  filled: boolean;
  /** Texte en ligne (ou repère « […] » si vide). */
  text: string;
  /** Morceaux pour l'éclatement en lignes : un par option choisie, un par ligne d'un texte long. */
  parts: string[];
  /** Valeurs d'options choisies, pour les conditions. */
  choices: string[];
  /** Nombre saisi, pour les totaux. */
  number?: number;
  /** Zone à remplir à la main (valeur vide d'un formulaire) : cases « ☐ » d'un choix, pointillés d'un nombre d'heures. */
  fill?: string;
  /** Texte long (plusieurs lignes à remplir à la main). */
  longtext?: boolean;
}

export interface LotsValue {
  kind: 'lots';
  variable: LotsVariable;
  filled: boolean;
  lots: Scope[];
}

export type Value = ScalarValue | LotsValue;
export type Scope = Map<string, Value>;

/** Plafond de vraisemblance des nombres : au-delà, la saisie est une erreur (1 000 milliards). */
export const MAX_NUMBER = 1e12;
const TEXT_MAX = 2000;
const LONGTEXT_MAX = 20_000;

export const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

export function placeholderText(v: Variable): string {
  return `[${frenchTypography(v.placeholder ?? lowerFirst(v.label))}]`;
}

function isEmpty(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
}

/** Nombre saisi : accepte un nombre ou un texte « 1 000 000,50 » ; `null` si illisible. */
export function readNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const cleaned = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[-+]?\d+(?:\.\d+)?$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

/** Date saisie au format AAAA-MM-JJ (ou objet Date valide) ; `null` si illisible ou inexistante. */
export function readDate(raw: unknown): Date | null {
  if (raw instanceof Date) return Number.isFinite(raw.getTime()) ? raw : null;
  if (typeof raw !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) ? date : null;
}

type Check = { ok: true; value: ScalarValue } | { ok: false; message: string };

const filled = (text: string, parts: string[] = [text], choices: string[] = []): Check => ({
  ok: true,
  value: { kind: 'scalar', filled: true, text, parts, choices },
});

function numberRule(v: ScalarVariable): { min: number; minExclusive: boolean; max: number; integer: boolean; what: string } {
  switch (v.type) {
    case 'amount-eur-ht':
      return { min: 0, minExclusive: true, max: MAX_NUMBER, integer: false, what: 'un nombre positif en euros HT' };
    case 'amount-eur':
      return { min: 0, minExclusive: true, max: MAX_NUMBER, integer: false, what: 'un nombre positif en euros' };
    case 'percent':
      return { min: 0, minExclusive: false, max: 100, integer: false, what: 'un pourcentage compris entre 0 et 100' };
    case 'hours':
      return { min: 0, minExclusive: false, max: MAX_NUMBER, integer: false, what: 'un nombre d’heures positif ou nul' };
    default:
      return { min: 0, minExclusive: false, max: MAX_NUMBER, integer: true, what: 'un nombre entier positif ou nul' };
  }
}

export function formatNumberValue(v: ScalarVariable, n: number): string {
  switch (v.type) {
    case 'amount-eur-ht':
      return `${formatEuros(n)}\u00a0HT`;
    case 'amount-eur':
      return formatEuros(n);
    case 'percent':
      return formatPercent(n);
    case 'hours':
      return `${formatNumber(n)}\u00a0heure${Math.abs(n) >= 2 ? 's' : ''}`;
    default:
      return formatInt(n);
  }
}

/** Valide une réponse non vide. */
function checkScalar(v: ScalarVariable, raw: unknown, subject: string): Check {
  switch (v.type) {
    case 'amount-eur-ht':
    case 'amount-eur':
    case 'percent':
    case 'hours':
    case 'integer': {
      const rule = numberRule(v);
      const n = readNumber(raw);
      const below = n !== null && (rule.minExclusive ? n <= rule.min : n < rule.min);
      if (n === null || below || n > rule.max || (rule.integer && !Number.isInteger(n))) {
        return { ok: false, message: `${subject} doit être ${rule.what}.` };
      }
      if ((v.min !== undefined && n < v.min) || (v.max !== undefined && n > v.max)) {
        const range =
          v.min !== undefined && v.max !== undefined
            ? `compris entre ${formatNumber(v.min)} et ${formatNumber(v.max)}`
            : v.min !== undefined
              ? `au moins égal à ${formatNumber(v.min)}`
              : `au plus égal à ${formatNumber(v.max!)}`;
        return { ok: false, message: `${subject} doit être ${range}.` };
      }
      const result = filled(formatNumberValue(v, n));
      if (result.ok) result.value.number = n;
      return result;
    }
    case 'date': {
      const date = readDate(raw);
      return date ? filled(formatDateFr(date)) : { ok: false, message: `${subject} doit être une date valide au format AAAA-MM-JJ.` };
    }
    case 'text':
    case 'longtext': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { ok: false, message: `${subject} doit être un texte.` };
      const max = v.type === 'text' ? TEXT_MAX : LONGTEXT_MAX;
      const source = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : raw;
      if (source.length > max) return { ok: false, message: `${subject} dépasse ${formatInt(max)} caractères.` };
      if (v.type === 'text') {
        const text = singleLine(source);
        return text ? filled(text) : { ok: false, message: `${subject} doit être un texte.` };
      }
      const lines = xmlSafe(source)
        .split('\n')
        .map((l) => l.replace(/\t/g, ' ').trim())
        .filter(Boolean);
      return lines.length ? filled(lines.join(' '), lines) : { ok: false, message: `${subject} doit être un texte.` };
    }
    case 'choice': {
      const option = typeof raw === 'string' ? v.options.find((o) => o.value === raw) : undefined;
      if (!option) return { ok: false, message: `${subject} doit être l’une des options proposées (${v.options.map((o) => o.label).join(' ; ')}).` };
      const text = optionText(option);
      return filled(text, [text], [option.value]);
    }
    case 'multichoice': {
      const list = typeof raw === 'string' ? [raw] : raw;
      if (!Array.isArray(list)) return { ok: false, message: `${subject} doit être une liste d’options.` };
      const chosen = v.options.filter((o) => list.includes(o.value));
      const unknown = list.filter((x) => !v.options.some((o) => o.value === x));
      if (unknown.length || !chosen.length) {
        return { ok: false, message: `${subject} ne peut contenir que les options proposées (${v.options.map((o) => o.label).join(' ; ')}).` };
      }
      if (v.minItems && chosen.length < v.minItems) {
        return { ok: false, message: `${subject} doit contenir au moins ${v.minItems} options.` };
      }
      const texts = chosen.map(optionText);
      // En ligne, les options suivantes perdent leur majuscule initiale : « Embauche directe et mise à disposition ».
      return filled(joinFr(texts.map((t, i) => (i ? lowerFirst(t) : t))), texts, chosen.map((o) => o.value));
    }
  }
}

/** Texte d'une option : rédigé par l'auteur du modèle, il reçoit la typographie française. */
const optionText = (o: ChoiceOption) => frenchTypography(o.text ?? o.label);

/** « a », « a et b », « a, b et c ». */
export function joinFr(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

function emptyValue(v: Variable): ScalarValue {
  const text = placeholderText(v);
  const value: ScalarValue = { kind: 'scalar', filled: false, text, parts: [text], choices: [] };
  if (v.type === 'choice') value.fill = v.options.map((o) => `☐\u00a0${frenchTypography(o.label)}`).join('\u2003');
  else if (v.type === 'hours') value.fill = '…………\u00a0heures';
  else if (v.type === 'date') value.fill = '……\u00a0/\u00a0……\u00a0/\u00a0……';
  else if (v.type === 'longtext') value.longtext = true;
  return value;
}

/** Lit une valeur simple : réponse, sinon valeur par défaut, sinon erreur (obligatoire) ou repère (facultative). */
function resolveScalar(v: ScalarVariable, raw: unknown, field: string, prefix: string, errors: FieldError[]): ScalarValue {
  const answer = isEmpty(raw) ? v.default : raw;
  const subject = `${prefix}${prefix ? 'le' : 'Le'} champ « ${v.label} »`;
  if (isEmpty(answer)) {
    if (v.required) errors.push({ field, message: `${subject} est obligatoire.` });
    return emptyValue(v);
  }
  const check = checkScalar(v, answer, subject);
  if (check.ok) return check.value;
  errors.push({ field, message: check.message });
  return emptyValue(v);
}

function resolveLots(v: LotsVariable, raw: unknown, errors: FieldError[]): LotsValue {
  const subject = `Le champ « ${v.label} »`;
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
    errors.push({ field: v.name, message: `${subject} doit être une liste de lots.` });
    return { kind: 'lots', variable: v, filled: false, lots: [] };
  }
  const list = (raw ?? []) as unknown[];
  const min = v.minItems ?? (v.required ? 1 : 0);
  if (list.length < min) {
    errors.push({ field: v.name, message: min === 1 ? `${subject} doit contenir au moins un lot.` : `${subject} doit contenir au moins ${min} lots.` });
  }
  const lots = list.map((item, index) => {
    const scope: Scope = new Map();
    const prefix = `${v.label}, ligne ${index + 1} : `;
    const record = isRecord(item) ? item : {};
    if (!isRecord(item)) errors.push({ field: `${v.name}[${index}]`, message: `${prefix}chaque lot doit être un ensemble de champs.` });
    for (const f of v.fields) scope.set(f.name, resolveScalar(f, record[f.name], `${v.name}[${index}].${f.name}`, prefix, errors));
    return scope;
  });
  return { kind: 'lots', variable: v, filled: lots.length > 0, lots };
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Valide toutes les réponses ; renvoie la portée des valeurs et les erreurs, une par champ fautif. */
export function resolveAnswers(variables: Variable[], answers: unknown): { scope: Scope; errors: FieldError[] } {
  const record = isRecord(answers) ? answers : {};
  const errors: FieldError[] = [];
  const scope: Scope = new Map();
  for (const v of variables) {
    const raw = Object.prototype.hasOwnProperty.call(record, v.name) ? record[v.name] : undefined;
    scope.set(v.name, v.type === 'lots' ? resolveLots(v, raw, errors) : resolveScalar(v, raw, v.name, '', errors));
  }
  return { scope, errors };
}
