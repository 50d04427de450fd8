/**
 * Lecture et mise en forme des réponses : chaque réponse est validée selon le type de sa variable,
 * puis formatée en texte français (« 1 000 000 € HT », « 5 % », « 833 heures », « 22 août 2026 »).
 * Une réponse invalide donne un message qui nomme le champ ; une réponse facultative vide donne un repère.
 */
import { formatDateFr, formatInt, formatNumber, lowerFirst } from '../../format';
import { formatQuantity, readNumberField, type NumberKind, type NumberRule } from '../../french-number';
import type { ChoiceOption, LotsVariable, ScalarVariable, Variable } from './schema';
import { frenchTypography } from '../../typography';
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

const TEXT_MAX = 2000;
const LONGTEXT_MAX = 20_000;

export function placeholderText(v: Variable): string {
  return `[${frenchTypography(v.placeholder ?? lowerFirst(v.label))}]`;
}

function isEmpty(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
}

/**
 * Date saisie au format AAAA-MM-JJ (champ de date du navigateur) ou JJ/MM/AAAA (ce qu'on tape sans sélecteur de
 * date), ou objet Date valide ; `null` si illisible ou inexistante (30 février). L'année n'est pas bornée ici :
 * chaque champ dit quelles années il accepte.
 */
export function readDate(raw: unknown): Date | null {
  if (raw instanceof Date) return Number.isFinite(raw.getTime()) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const fr = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : fr ? [fr[3], fr[2], fr[1]].map(Number) : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  // `setUTCFullYear` plutôt que `Date.UTC`, qui lirait l'an 50 comme 1950.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** Une date au format AAAA-MM-JJ, pour comparer des dates saisies sous l'une ou l'autre forme. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

type Check = { ok: true; value: ScalarValue } | { ok: false; message: string };

const filled = (text: string, parts: string[] = [text], choices: string[] = []): Check => ({
  ok: true,
  value: { kind: 'scalar', filled: true, text, parts, choices },
});

/** La grandeur de chaque type de variable numérique (unité acceptée, mise en forme, exemple). */
const KIND_OF_TYPE = {
  'amount-eur-ht': 'amount-ht',
  'amount-eur': 'euros',
  percent: 'percent',
  hours: 'hours',
  integer: 'integer',
} as const satisfies Record<string, NumberKind>;
type NumberType = keyof typeof KIND_OF_TYPE;

/** Les bornes d'une variable numérique : celles de son type, resserrées par `min` et `max` du modèle. */
function numberRule(v: ScalarVariable & { type: NumberType }, subject: string): NumberRule {
  const kind = KIND_OF_TYPE[v.type];
  const base =
    kind === 'amount-ht' || kind === 'euros'
      ? { min: 0, minExclusive: true }
      : kind === 'percent'
        ? { min: 0, max: 100 }
        : { min: 0, integer: kind === 'integer' };
  return { subject, kind, ...base, ...(v.min !== undefined ? { min: v.min, minExclusive: false } : {}), ...(v.max !== undefined ? { max: v.max } : {}) };
}

export function formatNumberValue(v: ScalarVariable, n: number): string {
  return v.type in KIND_OF_TYPE ? formatQuantity(n, KIND_OF_TYPE[v.type as NumberType]) : formatNumber(n);
}

/** Valide une réponse non vide. */
function checkScalar(v: ScalarVariable, raw: unknown, subject: string): Check {
  switch (v.type) {
    case 'amount-eur-ht':
    case 'amount-eur':
    case 'percent':
    case 'hours':
    case 'integer': {
      const r = readNumberField(raw, numberRule(v, subject));
      if (!r.ok) return { ok: false, message: r.message };
      const n = r.value!;
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
