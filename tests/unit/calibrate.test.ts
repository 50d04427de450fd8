/** Calculateur d'heures d'insertion : méthodes, arrondi, avertissements, erreurs et propriétés. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { calibrate, calibrateLots, roundHours, type CalibrationResult } from '../../src/lib/calibrate';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function ok(result: CalibrationResult) {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return { ...result, text: nbsp(result.steps.join('\n')) };
}

describe('standard method', () => {
  test('the worked example gives 833 hours: 1,000,000 € HT × 50 % ÷ 30 €/h × 5 %', () => {
    const r = ok(calibrate({ method: 'standard', amount: 1_000_000, labourShare: 50, hourlyCost: 30, rate: 5 }));
    expect(r.hours).toBe(833);
    expect(r.exactHours).toBeCloseTo(833.333, 3);
    expect(r.text).toContain('1 000 000 € HT × 50 % = 500 000 €');
    expect(r.text).toContain('500 000 € ÷ 30 € par heure = 16 666,67 h');
    expect(r.text).toContain('16 666,67 h × 5 % = 833,33 h');
    expect(r.text).toContain('Arrondi à l’heure la plus proche : 833 heures d’insertion.');
    expect(r.warnings).toEqual([]);
  });

  test('accepts numbers typed the French way', () => {
    expect(ok(calibrate({ method: 'standard', amount: '1 000 000,00', labourShare: '50', hourlyCost: '30', rate: '5,0' })).hours).toBe(833);
  });

  test('warns when the rate is outside the usual 5 to 20 %', () => {
    expect(ok(calibrate({ method: 'standard', amount: 1_000_000, labourShare: 50, hourlyCost: 30, rate: 25 })).warnings).toEqual([
      'Le taux d’insertion de 25\u00a0% sort de la fourchette habituelle de 5 à 20 %.',
    ]);
    expect(ok(calibrate({ method: 'standard', amount: 1_000_000, labourShare: 50, hourlyCost: 30, rate: 2 })).warnings[0]).toMatch(/fourchette habituelle/);
  });

  test('warns when the volume is very low or nil', () => {
    const low = ok(calibrate({ method: 'standard', amount: 20_000, labourShare: 50, hourlyCost: 30, rate: 5 }));
    expect(low.hours).toBe(17);
    expect(low.warnings.join(' ')).toMatch(/Volume très faible \(17 h/);
    const nil = ok(calibrate({ method: 'standard', amount: 20_000, labourShare: 0, hourlyCost: 30, rate: 5 }));
    expect(nil.hours).toBe(0);
    expect(nil.warnings.join(' ')).toMatch(/aucune heure d’insertion/);
  });
});

describe('rounding', () => {
  test('rounds to the nearest whole hour, an exact half going up', () => {
    expect([roundHours(833.333), roundHours(832.5), roundHours(832.4999), roundHours(0.5), roundHours(0)]).toEqual([833, 833, 832, 1, 0]);
    // 33 300 × 100 % ÷ 1 × 2,5 % = 832,5 exactement, malgré la virgule flottante.
    expect(ok(calibrate({ method: 'standard', amount: 33_300, labourShare: 100, hourlyCost: 1, rate: 2.5 })).hours).toBe(833);
  });
});

describe('cleaning-sector variant', () => {
  test('applies I = P × A ÷ C × T with C = 25 and P = 1 − (S × C) ÷ (A ÷ N)', () => {
    const r = ok(calibrate({ method: 'proprete', amount: 120_000, months: 12, transferableHours: 100, rate: 10 }));
    // A ÷ N = 10 000 ; P = 1 − 2 500 ÷ 10 000 = 0,75 ; I = 0,75 × 120 000 ÷ 25 × 10 % = 360.
    expect(r.hours).toBe(360);
    expect(r.text).toContain('P = 1 − (S × C) ÷ (A ÷ N) = 1 − (100 × 25) ÷ 10 000 € = 0,75');
    expect(r.text).toContain('= 360 h');
    expect(r.warnings).toEqual([]);
  });

  test('warns that the branch advises no clause below 150 hours', () => {
    const r = ok(calibrate({ method: 'proprete', amount: 30_000, months: 12, transferableHours: 0, rate: 10 }));
    expect(r.hours).toBe(120);
    expect(r.warnings).toContain('En dessous de 150 heures, la branche propreté recommande de ne pas prévoir de clause d’insertion.');
  });

  test('gives no hours when the transferred staff covers the whole activity', () => {
    const r = ok(calibrate({ method: 'proprete', amount: 120_000, months: 12, transferableHours: 1_000, rate: 10 }));
    expect(r.hours).toBe(0);
    expect(r.text).toContain('ramenée à 0');
    expect(r.warnings.join(' ')).toMatch(/personnel transférable couvre toute l’activité/);
  });
});

describe('ANRU minimum', () => {
  test('is 5 % of the hours worked, 10 % for local urban management', () => {
    expect(ok(calibrate({ method: 'anru', hoursWorked: 10_000 })).hours).toBe(500);
    const gup = ok(calibrate({ method: 'anru', hoursWorked: 10_000, gup: true }));
    expect(gup.hours).toBe(1_000);
    expect(gup.text).toContain('gestion urbaine de proximité');
  });

  test('estimates the hours worked from the amount when they are not known', () => {
    const r = ok(calibrate({ method: 'anru', amount: 1_000_000, labourShare: 50, hourlyCost: 30 }));
    expect(r.hours).toBe(833);
    expect(r.text).toContain('charte nationale d’insertion de l’ANRU');
  });
});

describe('several lots', () => {
  test('calibrates each lot and totals the rounded hours', () => {
    const r = calibrateLots([
      { method: 'standard', label: 'Lot 1', amount: 1_000_000, labourShare: 50, hourlyCost: 30, rate: 5 },
      { method: 'proprete', label: 'Lot 2', amount: 120_000, months: 12, transferableHours: 100, rate: 10 },
      { method: 'anru', label: 'Lot 3', hoursWorked: 10_000, gup: true },
    ]);
    if (!r.ok) throw new Error('calcul refusé');
    expect(r.lots.map((l) => [l.label, l.hours])).toEqual([['Lot 1', 833], ['Lot 2', 360], ['Lot 3', 1_000]]);
    expect(r.total).toBe(2_193);
    expect(nbsp(r.steps.join(''))).toBe('Total : 833 + 360 + 1 000 = 2 193 heures d’insertion.');
  });

  test('names the lot of each error', () => {
    const r = calibrateLots([
      { method: 'standard', amount: 1_000_000, labourShare: 50, hourlyCost: 30, rate: 5 },
      { method: 'standard', amount: -3, labourShare: 50, hourlyCost: 30, rate: 5 },
    ]);
    expect(r).toEqual({ ok: false, errors: [{ lot: 1, field: 'amount', message: 'Lot 2 : le montant HT ne peut pas être négatif.' }] });
  });

  test('refuses an empty list', () => {
    expect(calibrateLots([])).toEqual({ ok: false, errors: [{ lot: -1, field: 'lots', message: 'Indiquez au moins un lot.' }] });
  });
});

describe('invalid input', () => {
  const base = { method: 'standard', amount: 1_000_000, labourShare: 50, hourlyCost: 30, rate: 5 } as const;
  const messageFor = (patch: Record<string, unknown>) => {
    const r = calibrate({ ...base, ...patch });
    return r.ok ? [] : r.errors.map((e) => nbsp(`${e.field} : ${e.message}`));
  };

  test('returns French errors naming each bad field', () => {
    // Mêmes messages que l'assistant : une seule formulation par règle (src/lib/french-number.ts).
    expect(messageFor({ amount: -1 })).toEqual(['amount : Le montant HT ne peut pas être négatif.']);
    expect(messageFor({ amount: 0 })).toEqual(['amount : Le montant HT doit être supérieur à zéro.']);
    expect(messageFor({ hourlyCost: 0 })).toEqual(['hourlyCost : Le coût horaire doit être compris entre 1 et 10 000 €.']);
    expect(messageFor({ hourlyCost: undefined })).toEqual(['hourlyCost : Indiquez le coût horaire.']);
    expect(messageFor({ rate: 'cinq' })).toEqual(['rate : Le taux d’insertion doit être un nombre, par exemple « 5 ».']);
    expect(messageFor({ labourShare: 150 })).toEqual(['labourShare : La part de main-d’œuvre doit être comprise entre 0 et 100 %.']);
    expect(messageFor({ amount: 1e13 })).toEqual(['amount : Le montant HT est hors de proportion (plus de 1 000 milliards) : vérifiez la saisie.']);
    expect(messageFor({ amount: Number.NaN, rate: Number.POSITIVE_INFINITY })).toHaveLength(2);
  });

  test('rejects an unknown method or missing data', () => {
    expect(calibrate({ method: 'magique' })).toMatchObject({ ok: false, errors: [{ field: 'method' }] });
    expect(calibrate(null)).toMatchObject({ ok: false, errors: [{ field: 'method', message: 'Les données du lot sont absentes.' }] });
  });
});

describe('properties', () => {
  const number = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, 1e-300, 1e12, 1e13, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    fc.string(),
    fc.anything(),
  );
  const lot = fc.oneof(
    fc.record({ method: fc.constant('standard'), amount: number, labourShare: number, hourlyCost: number, rate: number }),
    fc.record({ method: fc.constant('proprete'), amount: number, months: number, transferableHours: number, rate: number }),
    fc.record({ method: fc.constant('anru'), gup: fc.anything(), hoursWorked: number, amount: number, labourShare: number, hourlyCost: number }, { requiredKeys: ['method'] }),
    fc.anything(),
  );

  test('calibrate never throws and never outputs NaN, Infinity, undefined or [object Object]', () => {
    fc.assert(
      fc.property(lot, (input) => {
        const r = calibrate(input);
        const text = JSON.stringify(r);
        expect(text).not.toMatch(/NaN|Infinity|undefined|\[object Object\]|null/);
        if (r.ok) {
          expect(Number.isInteger(r.hours) && r.hours >= 0).toBe(true);
          expect(Number.isFinite(r.exactHours)).toBe(true);
        } else expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  test('the total of several lots is the sum of their rounded hours', () => {
    const valid = fc.record({
      method: fc.constant('standard' as const),
      amount: fc.double({ min: 1, max: 1e9, noNaN: true }),
      labourShare: fc.double({ min: 0, max: 100, noNaN: true }),
      hourlyCost: fc.double({ min: 1, max: 200, noNaN: true }),
      rate: fc.double({ min: 0, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(valid, { minLength: 1, maxLength: 6 }), (lots) => {
        const r = calibrateLots(lots);
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        expect(r.total).toBe(r.lots.reduce((s, l) => s + l.hours, 0));
      }),
    );
  });
});
