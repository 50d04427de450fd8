/**
 * Lecture des nombres saisis à la française, pour tous les champs de montant, taux, heures, durée et pénalité
 * (assistant, calculateur de la fiche C3, rédactions types). Module pur : une seule lecture, un seul contrôle
 * des bornes et une seule formulation des messages.
 *
 * Ce qui est lu :
 * - séparateur de milliers : toute espace (ordinaire, insécable U+00A0, fine insécable U+202F, fine U+2009…),
 *   en groupes de trois chiffres après le premier groupe (« 1 000 000 ») ;
 * - virgule décimale (« 12,5 ») ; point décimal quand il ne peut pas être un séparateur de milliers : suivi de
 *   1, 2 ou au moins 4 chiffres (« 12.5 », « 0.75 »), après un premier groupe nul ou de plus de trois chiffres
 *   (« 0.125 », « 1216.000 »), ou après un nombre déjà groupé par espaces (« 1 000.5 ») ;
 * - point ou virgule en séparateur de milliers seulement quand le groupement ne laisse pas de doute : plusieurs
 *   séparateurs (« 1.000.000 », « 1,000,000 ») ou suivis d'une décimale de l'autre signe (« 1.000,50 », « 1,000.50 ») ;
 * - une unité en fin de saisie, si elle convient au champ : « € », « HT », « € HT », « euros », « EUR » pour un
 *   montant, « % » pour un taux, « h » ou « heures », « mois », « jours ».
 *
 * Ce qui n'est jamais deviné : un seul point ou une seule virgule suivi d'exactement trois chiffres, après un
 * premier groupe non nul de un à trois chiffres (« 216.000 », « 216,000 », « 1,500 ») : millier ou décimale ?
 * La lecture est « ambiguë » et porte les deux valeurs ; le message dit comment écrire chacune. « 0,125 » n'est
 * pas ambigu (aucun millier ne commence par zéro).
 *
 * Refusés avec un motif : unité d'une autre grandeur (« 12 % » dans un montant), montant TTC dans un champ HT,
 * exposant (« 1e6 »), groupement irrégulier (« 12 34 »), plus de 1 000 milliards. Un nombre négatif est lu :
 * c'est la règle du champ qui le refuse (« ne peut pas être négatif »). Aucune lecture ne donne NaN ni Infinity.
 */
import { formatEuros, formatNumber, lowerFirst } from './format';

/** La grandeur d'un champ : elle fixe l'unité acceptée, la mise en forme et l'exemple cité. */
export type NumberKind = 'amount-ht' | 'euros' | 'percent' | 'hours' | 'months' | 'days' | 'integer';

/** Plafond de vraisemblance : au-delà, la saisie est une erreur de frappe (1 000 milliards). */
export const MAX_NUMBER = 1e12;

type Unit = 'euro' | 'ttc' | 'percent' | 'hours' | 'months' | 'days';

export type InvalidReason =
  | { code: 'not-a-number' }
  | { code: 'exponent' }
  | { code: 'grouping' }
  | { code: 'out-of-proportion' }
  | { code: 'excluding-tax' }
  | { code: 'wrong-unit'; found: Unit };

export type NumberReading =
  | { status: 'empty' }
  | { status: 'ok'; value: number }
  /** Millier ou décimale : [lecture en milliers, lecture décimale], par exemple [216000, 216]. */
  | { status: 'ambiguous'; readings: [number, number] }
  | { status: 'invalid'; reason: InvalidReason };

/** Unités reconnues en fin de saisie ; la plus longue d'abord (« € HT » avant « € »). */
const UNIT_AT_END =
  /^(.*?)\s*(€\s*TTC|euros?\s*TTC|EUR\s*TTC|TTC|€\s*(?:HT|\/\s*h(?:eure)?|par\s+heure|de\s+l['’]heure)?|euros?(?:\s*HT)?|EUR(?:\s*HT)?|HT|%|pour\s*cents?|heures?|h|mois|jours?|j)$/iu;

function unitOfSuffix(suffix: string): Unit {
  if (/ttc/i.test(suffix)) return 'ttc';
  if (/^(€|euro|eur|ht)/i.test(suffix)) return 'euro';
  if (/^(%|pour)/i.test(suffix)) return 'percent';
  if (/^h/i.test(suffix)) return 'hours';
  if (/^m/i.test(suffix)) return 'months';
  return 'days';
}

/** Unités admises par grandeur ; `any` pour les lectures qui ne connaissent pas le champ. */
const ACCEPTED: Record<NumberKind | 'any', readonly Unit[]> = {
  'amount-ht': ['euro'],
  euros: ['euro', 'ttc'],
  percent: ['percent'],
  hours: ['hours'],
  months: ['months'],
  days: ['days'],
  integer: [],
  any: ['euro', 'ttc', 'percent', 'hours', 'months', 'days'],
};

const invalid = (reason: InvalidReason): NumberReading => ({ status: 'invalid', reason });
/** -0 devient 0 : « -0 » ne doit pas s'afficher « −0 ». */
const clean = (n: number) => (n === 0 ? 0 : n);

function finite(n: number): NumberReading {
  if (!Number.isFinite(n)) return invalid({ code: 'not-a-number' });
  if (Math.abs(n) > MAX_NUMBER) return invalid({ code: 'out-of-proportion' });
  return { status: 'ok', value: clean(n) };
}

/** Chiffres groupés par trois après un premier groupe de un à trois chiffres, séparés par `sep`. */
function ungroup(text: string, sep: RegExp): string | null {
  const groups = text.split(sep);
  if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/** Le nombre écrit sans signe ni unité. */
function readDigits(text: string): NumberReading {
  if (!/^\d/.test(text) || !/^[\d\s.,]+$/u.test(text) || /[\s.,]$/u.test(text)) return invalid({ code: 'not-a-number' });
  if (/[.,]\s|\s[.,]|[.,]{2}/u.test(text)) return invalid({ code: 'grouping' });
  const spaced = /\s/u.test(text);
  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  let decimalMark: '.' | ',' | null = null;
  let thousands: RegExp | null = spaced ? /\s+/u : null;
  if (dots > 0 && commas > 0) {
    // Les deux signes : le dernier est la marque décimale, l'autre sépare les milliers (« 1.000,50 »).
    decimalMark = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    if (spaced || (decimalMark === '.' ? dots : commas) > 1) return invalid({ code: 'grouping' });
    thousands = decimalMark === '.' ? /,/ : /\./;
  } else if (dots > 1 || commas > 1) {
    // Plusieurs fois le même signe : séparateur de milliers (« 1.000.000 »), jamais mêlé d'espaces.
    if (spaced) return invalid({ code: 'grouping' });
    thousands = dots > 1 ? /\./ : /,/;
  } else if (dots === 1 || commas === 1) {
    decimalMark = dots === 1 ? '.' : ',';
    const [head, tail] = text.split(decimalMark) as [string, string];
    if (!spaced && /^\d{1,3}$/.test(head) && Number(head) !== 0 && tail.length === 3) {
      return { status: 'ambiguous', readings: [Number(head + tail), clean(Number(`${head}.${tail}`))] };
    }
  }
  const [integerText, fraction = ''] = decimalMark ? (text.split(decimalMark) as [string, string]) : [text];
  const integer = thousands ? ungroup(integerText, thousands) : /^\d+$/.test(integerText) ? integerText : null;
  if (integer === null || !/^\d*$/.test(fraction)) return invalid({ code: 'grouping' });
  const value = Number(fraction ? `${integer}.${fraction}` : integer);
  // Une suite de chiffres trop longue donne Infinity : c'est une saisie hors de proportion, pas un « non-nombre ».
  return Number.isFinite(value) ? finite(value) : invalid({ code: 'out-of-proportion' });
}

/**
 * Lit une saisie pour un champ de la grandeur donnée (`any` : toute unité admise). Un nombre JavaScript est
 * accepté tel quel s'il est fini. Ne lève jamais d'exception.
 */
export function readFrenchNumber(raw: unknown, kind: NumberKind | 'any' = 'any'): NumberReading {
  if (raw === undefined || raw === null) return { status: 'empty' };
  if (typeof raw === 'number') return finite(raw);
  if (typeof raw !== 'string') return invalid({ code: 'not-a-number' });
  // Les caractères invisibles (espace sans chasse, marque de sens) ne changent pas le nombre lu.
  const text = raw.replace(/[\u200b-\u200f\u2060\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (text === '') return { status: 'empty' };
  const withUnit = UNIT_AT_END.exec(text);
  const body = withUnit ? withUnit[1]! : text;
  const unit = withUnit ? unitOfSuffix(withUnit[2]!) : null;
  if (/\d\s*e\s*[-+]?\s*\d/iu.test(body)) return invalid({ code: 'exponent' });
  const signed = /^([-+\u2212]?)\s*(.*)$/su.exec(body)!;
  const reading = readDigits(signed[2]!);
  if (reading.status === 'empty' || reading.status === 'invalid') return reading;
  if (unit && !ACCEPTED[kind].includes(unit)) {
    return invalid(unit === 'ttc' && kind === 'amount-ht' ? { code: 'excluding-tax' } : { code: 'wrong-unit', found: unit });
  }
  if (signed[1] === '-' || signed[1] === '\u2212') {
    return reading.status === 'ok'
      ? { status: 'ok', value: clean(-reading.value) }
      : { status: 'ambiguous', readings: [clean(-reading.readings[0]), clean(-reading.readings[1])] };
  }
  return reading;
}

// --- Mise en forme ---------------------------------------------------------------------------------

const exactFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 12 });
const exactCentsFr = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 12 });

/**
 * Un nombre dans son unité, comme dans les documents : « 216 000 € HT », « 1 000 000,50 € HT », « 5 % »,
 * « 833 heures », « 24 mois ». Rien n'est arrondi en silence : « 0,125 » reste « 0,125 € HT ».
 */
export function formatQuantity(n: number, kind: NumberKind): string {
  const plural = Math.abs(n) >= 2 ? 's' : '';
  const exact = exactFr.format(n);
  switch (kind) {
    case 'amount-ht':
    case 'euros': {
      const euros = Number.isInteger(n * 100) ? formatEuros(n) : `${exactCentsFr.format(n)}\u00a0€`;
      return kind === 'amount-ht' ? `${euros}\u00a0HT` : euros;
    }
    case 'percent':
      return `${exact}\u00a0%`;
    case 'hours':
      return `${exact}\u00a0heure${plural}`;
    case 'months':
      return `${exact}\u00a0mois`;
    case 'days':
      return `${exact}\u00a0jour${plural}`;
    case 'integer':
      return exact;
  }
}

/** L'unité d'une grandeur, pour un libellé ou un message (« € HT », « % ») ; vide pour un nombre sans unité. */
export const UNIT_LABEL: Record<NumberKind, string> = {
  'amount-ht': '€ HT',
  euros: '€',
  percent: '%',
  hours: 'heures',
  months: 'mois',
  days: 'jours',
  integer: '',
};

/** Ce qui a été compris, à afficher sous le champ : « soit 216 000 € HT » ; `null` si vide, illisible ou ambigu. */
export function understood(raw: unknown, kind: NumberKind): string | null {
  const r = readFrenchNumber(raw, kind);
  return r.status === 'ok' ? `soit ${formatQuantity(r.value, kind)}` : null;
}

// --- Nombres en toutes lettres (pour lever une ambiguïté) -----------------------------------------

const UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];

function below100(n: number): string {
  if (n < 20) return UNITS[n]!;
  const t = Math.floor(n / 10);
  const u = n % 10;
  if (t === 7 || t === 9) return `${TENS[t]!}${t === 7 && u === 1 ? ' et ' : '-'}${UNITS[10 + u]!}`;
  if (u === 0) return t === 8 ? 'quatre-vingts' : TENS[t]!;
  if (u === 1 && t !== 8) return `${TENS[t]!} et un`;
  return `${TENS[t]!}-${UNITS[u]!}`;
}

function below1000(n: number): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h === 0) return below100(r);
  const head = h === 1 ? 'cent' : `${UNITS[h]!} cent${r === 0 ? 's' : ''}`;
  return r === 0 ? head : `${head} ${below100(r)}`;
}

/** Un entier positif en lettres, orthographe traditionnelle : 216 000 → « deux cent seize mille ». */
export function integerInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_NUMBER) return formatNumber(n);
  if (n === 0) return 'zéro';
  const parts: string[] = [];
  const big = (count: number, noun: string) => parts.push(`${below1000(count)} ${noun}${count > 1 ? 's' : ''}`);
  const billions = Math.floor(n / 1e9);
  const millions = Math.floor(n / 1e6) % 1000;
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  if (n === MAX_NUMBER) return 'mille milliards';
  if (billions) big(billions, 'milliard');
  if (millions) big(millions, 'million');
  // « cent » et « vingt » ne prennent pas de s devant « mille » (deux cent mille, quatre-vingt mille).
  if (thousands) parts.push(thousands === 1 ? 'mille' : `${below1000(thousands).replace(/(cent|vingt)s$/, '$1')} mille`);
  if (rest) parts.push(below1000(rest));
  return parts.join(' ');
}

/** Un nombre positif en lettres, décimales lues après « virgule » : 1,25 → « un virgule vingt-cinq ». */
function numberInWords(n: number): string {
  if (/e/i.test(String(n))) return formatNumber(n);
  const [int, frac] = String(Math.abs(n)).split('.') as [string, string | undefined];
  const head = integerInWords(Number(int));
  if (!frac) return head;
  const zeros = /^0*/.exec(frac)![0].length;
  return `${head} virgule ${[...Array<string>(zeros).fill('zéro'), ...(zeros < frac.length ? [integerInWords(Number(frac.slice(zeros)))] : [])].join(' ')}`;
}

/** Un nombre en lettres suivi de son nom : « un million d’euros », « deux millions de mois », « seize euros ». */
const withNoun = (words: string, noun: string) =>
  `${words}${/(million|milliard)s?$/.test(words) ? (/^[aeiouéh]/.test(noun) ? ' d’' : ' de ') : ' '}${noun}`;

/** Une quantité dite en toutes lettres : « deux cent seize mille euros », « un euro cinquante », « cinq pour cent ». */
export function quantityInWords(n: number, kind: NumberKind): string {
  const value = Math.abs(n);
  const noun = (singular: string, plural: string) => withNoun(numberInWords(value), value >= 2 ? plural : singular);
  switch (kind) {
    case 'amount-ht':
    case 'euros': {
      const cents = Math.round((value % 1) * 100);
      const whole = Math.floor(value);
      if (Number.isInteger(value) || Math.abs(value - whole - cents / 100) > 1e-9) return noun('euro', 'euros');
      if (whole === 0) return `${integerInWords(cents)} centime${cents >= 2 ? 's' : ''}`;
      return `${withNoun(integerInWords(whole), whole >= 2 ? 'euros' : 'euro')} ${integerInWords(cents)}`;
    }
    case 'percent':
      return `${numberInWords(value)} pour cent`;
    case 'hours':
      return noun('heure', 'heures');
    case 'months':
      return noun('mois', 'mois');
    case 'days':
      return noun('jour', 'jours');
    case 'integer':
      return numberInWords(value);
  }
}

// --- Messages ---------------------------------------------------------------------------------------

const quoted = (raw: unknown) => `« ${typeof raw === 'string' ? raw.trim() : String(raw)} »`;

/** Les deux lectures d'une saisie ambiguë et comment écrire chacune (sans sujet). */
function ambiguityText(raw: unknown, readings: [number, number], kind: NumberKind): { readings: string; advice: string } {
  const [a, b] = readings;
  return {
    readings: `${quoted(raw)} peut se lire ${formatQuantity(a, kind)} ou ${formatQuantity(b, kind)}`,
    advice: `écrivez ${exactFr.format(a)} pour ${quantityInWords(a, kind)}, ou ${exactFr.format(b)} pour ${quantityInWords(b, kind)}`,
  };
}

/**
 * Le message d'une saisie ambiguë : « « 216.000 » peut se lire 216 000 € HT ou 216 € HT : écrivez 216 000 pour
 * deux cent seize mille euros, ou 216 pour deux cent seize euros. »
 */
export function ambiguityMessage(raw: unknown, readings: [number, number], kind: NumberKind): string {
  const t = ambiguityText(raw, readings, kind);
  return `${t.readings} : ${t.advice}.`;
}

/** Ce que doit être une valeur de cette grandeur, et ce qu'est l'unité trouvée (messages d'unité). */
const EXPECTED: Record<NumberKind, string> = {
  'amount-ht': 'en euros',
  euros: 'en euros',
  percent: 'en pourcentage',
  hours: 'en heures',
  months: 'en mois',
  days: 'en jours',
  integer: 'sans unité',
};
const FOUND: Record<Unit, string> = {
  euro: 'un montant en euros',
  ttc: 'un montant toutes taxes comprises',
  percent: 'un pourcentage',
  hours: 'un nombre d’heures',
  months: 'une durée en mois',
  days: 'un nombre de jours',
};
const GENERIC_SUBJECT: Record<NumberKind, string> = {
  'amount-ht': 'Un montant',
  euros: 'Un montant',
  percent: 'Un taux',
  hours: 'Un nombre d’heures',
  months: 'Une durée',
  days: 'Un délai',
  integer: 'Ce nombre',
};
/** Exemple de saisie correcte cité par défaut, par grandeur. */
export const EXAMPLE: Record<NumberKind, string> = {
  'amount-ht': '« 216\u202f000 »',
  euros: '« 30 »',
  percent: '« 5 »',
  hours: '« 800 »',
  months: '« 24 »',
  days: '« 15 »',
  integer: '« 12 »',
};

/** Les bornes et la formulation d'un champ numérique : une seule définition par champ. */
export interface NumberRule {
  /** Sujet de la phrase, avec son article : « Le montant estimé du marché ». */
  subject: string;
  /** Accord des adjectifs (« négative », « comprise »). */
  feminine?: boolean;
  /** La grandeur : unité acceptée et affichée, mise en forme de l'écho. */
  kind: NumberKind;
  min: number;
  /** Le minimum est exclu : la valeur doit lui être strictement supérieure. */
  minExclusive?: boolean;
  /** Sans maximum : le plafond de vraisemblance (1 000 milliards). */
  max?: number;
  integer?: boolean;
  /** Exemple de saisie correcte cité dans les messages ; par défaut celui de la grandeur. */
  example?: string;
  /** `false` : le champ peut rester vide. */
  required?: boolean;
}

/** Le message d'une lecture refusée, avec le sujet du champ (« Le montant estimé du marché s’écrit en euros : … »). */
function readingError(raw: unknown, reading: Exclude<NumberReading, { status: 'ok' | 'empty' }>, rule: NumberRule): string {
  const { subject, kind } = rule;
  const example = rule.example ?? EXAMPLE[kind];
  if (reading.status === 'ambiguous') {
    const t = ambiguityText(raw, reading.readings, kind);
    return `${subject} est ${rule.feminine ? 'ambiguë' : 'ambigu'} : ${t.readings}. ${t.advice.charAt(0).toUpperCase()}${t.advice.slice(1)}.`;
  }
  const reason = reading.reason;
  switch (reason.code) {
    case 'exponent':
      return `${subject} doit s’écrire en chiffres, sans exposant (${quoted(raw)} n’est pas accepté), par exemple ${example}.`;
    case 'grouping':
      return `${subject} doit être un nombre aux chiffres groupés par trois (${quoted(raw)} ne se lit pas), par exemple ${example}.`;
    case 'out-of-proportion':
      return `${subject} est hors de proportion (plus de 1 000 milliards) : vérifiez la saisie.`;
    case 'excluding-tax':
      return `${subject} s’entend hors taxes : ${quoted(raw)} est ${FOUND.ttc}, indiquez le montant HT.`;
    case 'wrong-unit':
      return `${subject} s’écrit ${EXPECTED[kind]} : ${quoted(raw)} est ${FOUND[reason.found]}.`;
    case 'not-a-number':
      return `${subject} doit être un nombre, par exemple ${example}.`;
  }
}

/** Le message d'une lecture refusée, sans sujet : « Un montant s’écrit en euros : « 12 % » est un pourcentage. » */
export function readingMessage(raw: unknown, kind: NumberKind): string | null {
  const reading = readFrenchNumber(raw, kind);
  if (reading.status === 'ok' || reading.status === 'empty') return null;
  if (reading.status === 'ambiguous') return ambiguityMessage(raw, reading.readings, kind);
  return readingError(raw, reading, { subject: GENERIC_SUBJECT[kind], kind, min: 0 });
}

export type FieldReading = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * Lit et contrôle la saisie d'un champ selon sa règle : la valeur (`null` si vide et facultatif), ou le message
 * qui nomme le champ et dit ce qui est attendu.
 */
export function readNumberField(raw: unknown, rule: NumberRule): FieldReading {
  const { subject, kind } = rule;
  const e = rule.feminine ? 'e' : '';
  const fail = (message: string): FieldReading => ({ ok: false, message });
  const reading = readFrenchNumber(raw, kind);
  if (reading.status === 'empty') return rule.required === false ? { ok: true, value: null } : fail(`Indiquez ${lowerFirst(subject)}.`);
  if (reading.status !== 'ok') return fail(readingError(raw, reading, rule));
  const n = reading.value;
  const max = rule.max ?? MAX_NUMBER;
  const between = `${subject} doit être compris${e} entre ${formatNumber(rule.min)} et ${formatQuantity(max, kind)}.`;
  if (n < 0 && rule.min === 0) return fail(`${subject} ne peut pas être négati${rule.feminine ? 've' : 'f'}.`);
  if (n > max) return fail(rule.max === undefined ? `${subject} est hors de proportion (plus de 1 000 milliards) : vérifiez la saisie.` : between);
  if (rule.minExclusive ? n <= rule.min : n < rule.min) {
    if (rule.minExclusive && rule.min === 0) return fail(`${subject} doit être supérieur${e} à zéro.`);
    return fail(rule.max === undefined ? `${subject} doit être au moins égal${e} à ${formatQuantity(rule.min, kind)}.` : between);
  }
  if (rule.integer && !Number.isInteger(n)) return fail(`${subject} doit être un nombre entier, par exemple ${rule.example ?? EXAMPLE[kind]}.`);
  return { ok: true, value: n };
}
