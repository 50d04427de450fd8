/** Le lecteur unique des nombres saisis à la française : séparateurs, unités, ambiguïtés, messages, écho. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  MAX_NUMBER,
  ambiguityMessage,
  integerInWords,
  quantityInWords,
  readFrenchNumber,
  readNumberField,
  readingMessage,
  understood,
  type NumberKind,
} from '../../src/lib/french-number';
import { formatEuros, formatNumber, lowerFirst } from '../../src/lib/format';
import { RULES, checkNumber, echoNumber, parseNumber } from '../../src/lib/wizard/numbers';
import { calibrate } from '../../src/lib/calibrate';
import { lotCalibration } from '../../src/lib/wizard/calibration';
import { obligation } from '../../src/lib/wizard/obligation';
import { obligationOf } from '../../src/lib/wizard/levers';
import { validateStep } from '../../src/lib/wizard/steps';
import { setPath } from '../../src/lib/wizard/model';
import { servicesJourney } from '../support/wizard-fixtures';

/** Espaces normalisées, pour comparer les messages (les nombres mis en forme portent des insécables). */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const value = (raw: unknown, kind: NumberKind | 'any' = 'amount-ht') => {
  const r = readFrenchNumber(raw, kind);
  return r.status === 'ok' ? r.value : r;
};

describe('reading French numbers', () => {
  test('spaces of any kind separate thousands: ordinary, no-break, narrow no-break, thin', () => {
    for (const space of [' ', '\u00a0', '\u202f', '\u2009', '\u2007']) {
      expect(value(`1${space}000${space}000`), JSON.stringify(space)).toBe(1_000_000);
      expect(value(`216${space}000${space}€${space}HT`), JSON.stringify(space)).toBe(216_000);
    }
  });

  test('the comma is the decimal mark: « 1 000 000,50 » is 1 000 000.5', () => {
    expect(value('1 000 000,50')).toBe(1_000_000.5);
    expect(value('1\u202f000\u202f000,5 € HT')).toBe(1_000_000.5);
    expect(value('0,125')).toBe(0.125);
  });

  test('dots group thousands only when unambiguous: « 1.000.000 », « 1.000,50 »', () => {
    expect(value('1.000.000')).toBe(1_000_000);
    expect(value('1.000,50')).toBe(1000.5);
    expect(value('1,000,000')).toBe(1_000_000);
    expect(value('1,000.50')).toBe(1000.5);
  });

  test('a dot followed by 1, 2 or 4 digits, or after a space-grouped number, is a decimal point', () => {
    expect(value('12.5')).toBe(12.5);
    expect(value('12.50')).toBe(12.5);
    expect(value('1.2500')).toBe(1.25);
    expect(value('1 000.5')).toBe(1000.5);
    expect(value('1216.000')).toBe(1216);
  });

  test('« 216.000 », « 216,000 » and « 1,500 » are ambiguous, never read 216 or 1.5', () => {
    expect(readFrenchNumber('216.000', 'amount-ht')).toEqual({ status: 'ambiguous', readings: [216_000, 216] });
    expect(readFrenchNumber('216,000', 'amount-ht')).toEqual({ status: 'ambiguous', readings: [216_000, 216] });
    expect(readFrenchNumber('1,500', 'percent')).toEqual({ status: 'ambiguous', readings: [1500, 1.5] });
    expect(parseNumber('216.000')).toBeNull();
    expect(parseNumber('216,000')).toBeNull();
  });

  test('the ambiguity message gives both readings and how to write each', () => {
    expect(plain(ambiguityMessage('216.000', [216_000, 216], 'amount-ht'))).toBe(
      '« 216.000 » peut se lire 216 000 € HT ou 216 € HT : écrivez 216 000 pour deux cent seize mille euros, ou 216 pour deux cent seize euros.',
    );
    expect(plain(readingMessage('1,500', 'amount-ht'))).toBe(
      '« 1,500 » peut se lire 1 500 € HT ou 1,50 € HT : écrivez 1 500 pour mille cinq cents euros, ou 1,5 pour un euro cinquante.',
    );
    expect(plain(checkNumber('216,000', RULES.contractAmount))).toBe(
      'Le montant estimé du marché est ambigu : « 216,000 » peut se lire 216 000 € HT ou 216 € HT. Écrivez 216 000 pour deux cent seize mille euros, ou 216 pour deux cent seize euros.',
    );
  });

  test('a unit of another quantity is a clear error: « 12 % » is not 12 €, « 5 € » is not 5 %', () => {
    expect(readFrenchNumber('12 %', 'amount-ht')).toEqual({ status: 'invalid', reason: { code: 'wrong-unit', found: 'percent' } });
    expect(readingMessage('12 %', 'amount-ht')).toBe('Un montant s’écrit en euros : « 12 % » est un pourcentage.');
    expect(checkNumber('12 %', RULES.contractAmount)).toBe('Le montant estimé du marché s’écrit en euros : « 12 % » est un pourcentage.');
    expect(readingMessage('5 €', 'percent')).toBe('Un taux s’écrit en pourcentage : « 5 € » est un montant en euros.');
    expect(checkNumber('24 jours', RULES.duration)).toMatch(/s’écrit en mois : « 24 jours » est un nombre de jours/);
    expect(checkNumber('216 000 € TTC', RULES.contractAmount)).toMatch(/s’entend hors taxes/);
  });

  test('the units of each quantity are accepted', () => {
    for (const raw of ['216000 € HT', '216 000 €', '216 000 euros', '216 000 EUR', '216 000 HT', '216000€']) expect(value(raw), raw).toBe(216_000);
    expect(value('5 %', 'percent')).toBe(5);
    expect(value('833 h', 'hours')).toBe(833);
    expect(value('833 heures', 'hours')).toBe(833);
    expect(value('24 mois', 'months')).toBe(24);
    expect(value('15 jours', 'days')).toBe(15);
  });

  test('an exponent is refused with a clear message', () => {
    expect(readFrenchNumber('1e6', 'amount-ht')).toEqual({ status: 'invalid', reason: { code: 'exponent' } });
    expect(checkNumber('1e6', RULES.contractAmount)).toMatch(/sans exposant \(« 1e6 » n’est pas accepté\)/);
  });

  test('« -5 » is read, then refused by the range of the field', () => {
    expect(value('-5')).toBe(-5);
    expect(checkNumber('-5', RULES.contractAmount)).toBe('Le montant estimé du marché ne peut pas être négatif.');
    expect(checkNumber('-5', RULES.labourShare)).toBe('La part de main-d’œuvre ne peut pas être négative.');
  });

  test('empty is empty; anything else says it must be a number, with an example', () => {
    expect(readFrenchNumber('  ', 'amount-ht')).toEqual({ status: 'empty' });
    expect(readFrenchNumber(undefined, 'amount-ht')).toEqual({ status: 'empty' });
    expect(readFrenchNumber('abc', 'amount-ht')).toEqual({ status: 'invalid', reason: { code: 'not-a-number' } });
    expect(checkNumber('abc', RULES.contractAmount)).toBe('Le montant estimé du marché doit être un nombre, par exemple « 1 200 000 ».');
    expect(checkNumber('12 34', RULES.contractAmount)).toMatch(/groupés par trois/);
  });

  test('more than 1 000 billion is out of proportion, even written with many digits', () => {
    expect(readFrenchNumber('9'.repeat(400), 'amount-ht')).toEqual({ status: 'invalid', reason: { code: 'out-of-proportion' } });
    expect(checkNumber('2 000 000 000 000', RULES.contractAmount)).toMatch(/hors de proportion/);
    expect(readNumberField(MAX_NUMBER, RULES.contractAmount)).toEqual({ ok: true, value: MAX_NUMBER });
  });
});

describe('echo of what was understood', () => {
  test('each field says what it understood, in its own unit', () => {
    expect(plain(understood('216000 € HT', 'amount-ht'))).toBe('soit 216 000 € HT');
    expect(plain(understood('5', 'percent'))).toBe('soit 5 %');
    expect(plain(understood('1 000 000,5', 'amount-ht'))).toBe('soit 1 000 000,50 € HT');
    expect(plain(understood('24', 'months'))).toBe('soit 24 mois');
    expect(plain(understood('1', 'days'))).toBe('soit 1 jour');
    expect(plain(echoNumber('30', RULES.hourlyCost))).toBe('soit 30 €');
  });

  test('nothing is echoed for an empty, unreadable or ambiguous entry', () => {
    for (const raw of ['', 'abc', '216.000', '12 %', '1e6']) expect(understood(raw, 'amount-ht'), raw).toBeNull();
  });

  test('every rule of the wizard says its kind, so the interface never restates a unit', () => {
    for (const [name, rule] of Object.entries(RULES)) expect(['amount-ht', 'euros', 'percent', 'hours', 'months', 'days', 'integer'], name).toContain(rule.kind);
    expect(RULES.contractAmount.kind).toBe('amount-ht');
    expect(RULES.rate.kind).toBe('percent');
    expect(RULES.duration.kind).toBe('months');
  });
});

describe('formatting', () => {
  test('a non-integer amount shows cents; an integer amount none', () => {
    expect(plain(formatEuros(1_000_000.5))).toBe('1 000 000,50 €');
    expect(plain(formatEuros(1_000_000))).toBe('1 000 000 €');
    expect(plain(formatEuros(12.25))).toBe('12,25 €');
  });

  test('numbers in words follow the traditional spelling', () => {
    expect([21, 71, 80, 81, 91, 200, 201, 80_000, 200_000, 216_000, 1_000_000, 2_300_000].map(integerInWords)).toEqual([
      'vingt et un',
      'soixante et onze',
      'quatre-vingts',
      'quatre-vingt-un',
      'quatre-vingt-onze',
      'deux cents',
      'deux cent un',
      'quatre-vingt mille',
      'deux cent mille',
      'deux cent seize mille',
      'un million',
      'deux millions trois cent mille',
    ]);
  });

  test('a quantity in words takes its noun: « un million d’euros », « un euro cinquante »', () => {
    expect(quantityInWords(1_000_000, 'amount-ht')).toBe('un million d’euros');
    expect(quantityInWords(1.5, 'euros')).toBe('un euro cinquante');
    expect(quantityInWords(216, 'amount-ht')).toBe('deux cent seize euros');
    expect(quantityInWords(1.25, 'percent')).toBe('un virgule vingt-cinq pour cent');
    expect(quantityInWords(2_000_000, 'months')).toBe('deux millions de mois');
  });

  test('acronyms and references keep their capitals when a label is put in a sentence', () => {
    expect(lowerFirst('Réservé aux SIAE (L2113-13)')).toBe('réservé aux SIAE (L2113-13)');
    expect(lowerFirst('L’objet du marché')).toBe('l’objet du marché');
    expect(lowerFirst('SIAE')).toBe('SIAE');
  });
});

describe('one reader for the calculator, the wizard and the model drafts', () => {
  test('calibrate refuses « 216.000 » instead of computing on 216 €', () => {
    const r = calibrate({ method: 'standard', amount: '216.000', labourShare: 50, hourlyCost: 30, rate: 5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(plain(r.errors[0]!.message)).toMatch(/Le montant HT est ambigu : « 216.000 » peut se lire 216 000 € HT ou 216 € HT/);
    expect(calibrate({ method: 'standard', amount: '12 %', labourShare: 50, hourlyCost: 30, rate: 5 })).toMatchObject({ ok: false, errors: [{ field: 'amount' }] });
    expect(calibrate({ method: 'standard', amount: '1.000.000', labourShare: '50 %', hourlyCost: '30 €', rate: '5 %' })).toMatchObject({ ok: true, hours: 833 });
  });

  test('the wizard passes entries to calibrate as typed, so a wrong unit is never computed on', () => {
    const a = setPath(servicesJourney(), 'lots.0.amount', '250 %');
    expect(lotCalibration(a, a.lots[0]!).result).toMatchObject({ ok: false, errors: [{ field: 'amount' }] });
    expect(lotCalibration(servicesJourney(), servicesJourney().lots[0]!).result.ok).toBe(true);
  });

  test('the lots step refuses an ambiguous lot amount with both readings', () => {
    const a = setPath(servicesJourney(), 'lots.0.amount', '250.000');
    const [message] = validateStep(a, 'lots').filter((e) => e.field === 'lots.0.amount').map((e) => plain(e.message));
    expect(message).toMatch(/^Le montant estimé du lot 1 est ambigu : « 250.000 » peut se lire 250 000 € HT ou 250 € HT/);
  });
});

describe('the obligation is never decided on a misread amount', () => {
  const facts = { kind: 'services', buyer: 'collectivite', launchDate: '2026-09-01' };

  test('« 216.000 » for a local authority’s services is not « facultative »: it is to be completed', () => {
    const r = obligation({ ...facts, amount: '216.000' });
    expect(r.status).toBe('incomplete');
    expect(r.mandatory).toBe(false);
    expect(r.reason).toMatch(/ne peut pas être lu avec certitude/);
    expect(plain(r.details.join(' '))).toMatch(/peut se lire 216 000 € HT ou 216 € HT/);
  });

  test('an unreadable or wrong-unit amount gives « to be completed » too; 216 000 written clearly is mandatory', () => {
    for (const amount of ['216,000', '12 %', 'abc', '1e6']) expect(obligation({ ...facts, amount }).status, amount).toBe('incomplete');
    expect(obligation({ ...facts, amount: '216 000' }).status).toBe('obligatoire');
    expect(obligation({ ...facts, amount: '216.000.000' }).status).toBe('obligatoire');
    expect(obligation({ ...facts, amount: '216 000', launchDate: '01/09/2026' }).status).toBe('obligatoire');
  });

  test('in the wizard, obligationOf says the same for an answer set', () => {
    const a = setPath(setPath(servicesJourney(), 'contract.amount', '216.000'), 'contract.launchDate', '2026-09-01');
    expect(obligationOf(a).status).toBe('incomplete');
  });
});

/** Un montant au centime près, positif, jusqu'à 1 000 milliards. */
const cents = fc.integer({ min: 0, max: MAX_NUMBER * 100 }).map((c) => c / 100);
const SPACES = ['\u0020', '\u00a0', '\u202f', '\u2009'];

describe('properties', () => {
  test('any amount formatted the French way reads back to itself', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom(...SPACES), (n, space) => {
        const withSpace = (s: string) => s.replace(/[\u00a0\u202f]/g, space);
        expect(value(formatEuros(n))).toBe(n);
        expect(value(withSpace(formatEuros(n)))).toBe(n);
        expect(value(`${withSpace(formatEuros(n))} HT`)).toBe(n);
        expect(value(withSpace(formatNumber(n)), 'any')).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  test('a single dot or comma followed by three digits after a 1–3 digit group is always ambiguous, with the only two readings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom('.', ','), (head, tail, mark) => {
        const t = String(tail).padStart(3, '0');
        expect(readFrenchNumber(`${head}${mark}${t}`, 'amount-ht')).toEqual({ status: 'ambiguous', readings: [head * 1000 + tail, Number(`${head}.${t}`)] });
      }),
    );
  });

  test('integers grouped by dots, commas or any space read back to themselves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: MAX_NUMBER }), fc.constantFrom('.', ',', ...SPACES), (n, sep) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        // Un seul séparateur point ou virgule est ambigu (« 216.000 ») : vérifié ci-dessus.
        const r = readFrenchNumber(grouped, 'amount-ht');
        if ((sep === '.' || sep === ',') && grouped.split(sep).length === 2) expect(r.status).toBe('ambiguous');
        else expect(r).toEqual({ status: 'ok', value: n });
      }),
    );
  });

  test('no string ever gives NaN, Infinity or a value out of bounds, and nothing throws', () => {
    const kinds: (NumberKind | 'any')[] = ['amount-ht', 'euros', 'percent', 'hours', 'months', 'days', 'integer', 'any'];
    const numberish = fc.stringMatching(/^[-+ ]?[0-9 .,\u00a0\u202f]{0,14}( ?(€|%|h|HT|mois|jours|e6))?$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), numberish, fc.anything()), fc.constantFrom(...kinds), (raw, kind) => {
        const r = readFrenchNumber(raw, kind);
        if (r.status === 'ok') {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(Math.abs(r.value)).toBeLessThanOrEqual(MAX_NUMBER);
        }
        if (r.status === 'ambiguous') for (const x of r.readings) expect(Number.isFinite(x)).toBe(true);
        if (kind !== 'any') {
          const message = readingMessage(raw, kind);
          if (message !== null) expect(message).not.toMatch(/NaN|Infinity|undefined/);
          understood(raw, kind);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
