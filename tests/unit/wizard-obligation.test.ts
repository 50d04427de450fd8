/** La règle de l'obligation de condition d'exécution sociale : seuils, date, catégories, exceptions. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { EU_THRESHOLDS, SOCIAL_OBLIGATION, obligation, thresholdCategory, type ThresholdCategory } from '../../src/lib/wizard/obligation';

const referenceIds = new Set((parseYaml(readFileSync('content/references.yaml', 'utf8')) as { id: string }[]).map((r) => r.id));

const facts = (over: Partial<Parameters<typeof obligation>[0]> = {}) => ({
  kind: 'travaux',
  buyer: 'collectivite',
  amount: 6_000_000,
  launchDate: '2026-09-15',
  ...over,
});

/** Un contrat de chaque catégorie de seuil. */
const CASES: { category: ThresholdCategory; facts: Parameters<typeof obligation>[0] }[] = [
  { category: 'travaux', facts: facts({ kind: 'travaux', buyer: 'etat' }) },
  { category: 'concession', facts: facts({ contractType: 'concession', kind: 'services' }) },
  { category: 'fcs-etat', facts: facts({ kind: 'services', buyer: 'etat' }) },
  { category: 'fcs-autres', facts: facts({ kind: 'fournitures', buyer: 'collectivite' }) },
  { category: 'fcs-autres', facts: facts({ kind: 'prestations-intellectuelles', buyer: 'autre-pouvoir-adjudicateur' }) },
  { category: 'entites-adjudicatrices', facts: facts({ kind: 'services', buyer: 'entite-adjudicatrice' }) },
];

describe('thresholds as data', () => {
  test('the EU thresholds from 1 January 2026 are those of the delegated regulations', () => {
    expect(EU_THRESHOLDS.from).toBe('2026-01-01');
    const amounts = Object.fromEntries(Object.entries(EU_THRESHOLDS.categories).map(([k, v]) => [k, v.amount]));
    expect(amounts).toEqual({ travaux: 5_404_000, concession: 5_404_000, 'fcs-etat': 140_000, 'fcs-autres': 216_000, 'entites-adjudicatrices': 432_000, sss: 750_000 });
  });

  test('every source id cited by the rule exists in content/references.yaml', () => {
    for (const id of [EU_THRESHOLDS.source, SOCIAL_OBLIGATION.source, SOCIAL_OBLIGATION.facultySource, SOCIAL_OBLIGATION.defenceSource]) {
      expect(referenceIds.has(id), id).toBe(true);
    }
    for (const c of CASES) for (const id of obligation(c.facts).sources) expect(referenceIds.has(id), id).toBe(true);
  });

  test('the category follows the kind of contract and the buyer', () => {
    for (const c of CASES) expect(thresholdCategory(c.facts)).toBe(c.category);
    expect(thresholdCategory({ kind: 'travaux', buyer: 'entite-adjudicatrice' })).toBe('travaux');
    expect(thresholdCategory({ kind: '', buyer: 'etat' })).toBeNull();
    expect(thresholdCategory({ kind: 'services', buyer: '' })).toBeNull();
  });
});

describe('obligation(contract)', () => {
  test.each(CASES)('$category: threshold −1 € is optional, exact and +1 € are mandatory', ({ category, facts: f }) => {
    const t = EU_THRESHOLDS.categories[category].amount;
    expect(obligation({ ...f, amount: t - 1 }).mandatory).toBe(false);
    expect(obligation({ ...f, amount: t - 1 }).status).toBe('facultative');
    expect(obligation({ ...f, amount: t }).mandatory).toBe(true);
    expect(obligation({ ...f, amount: t + 1 }).mandatory).toBe(true);
    expect(obligation({ ...f, amount: t }).threshold?.amount).toBe(t);
  });

  test.each(CASES)('$category: launched on 21 August 2026 is optional, on 22 August 2026 mandatory', ({ facts: f }) => {
    const above = { ...f, amount: 10_000_000 };
    expect(obligation({ ...above, launchDate: '2026-08-21' }).mandatory).toBe(false);
    expect(obligation({ ...above, launchDate: '2026-08-22' }).mandatory).toBe(true);
    expect(obligation({ ...above, launchDate: '2026-08-23' }).mandatory).toBe(true);
  });

  test('mandatory iff launched on or after 22 August 2026 and valued at or above the threshold', () => {
    const day = fc.integer({ min: 0, max: 1200 }).map((n) => new Date(Date.UTC(2025, 6, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...CASES), fc.integer({ min: 1, max: 20_000_000 }), day, (c, amount, launchDate) => {
        const r = obligation({ ...c.facts, amount, launchDate });
        const expected = launchDate >= '2026-08-22' && amount >= EU_THRESHOLDS.categories[c.category].amount;
        return r.mandatory === expected && (r.status === 'obligatoire') === expected;
      }),
    );
  });

  test('the reason names the threshold, the date « 22 août 2026 », article L2112-2-1 and article 35 of loi n° 2021-1104', () => {
    const r = obligation(facts());
    expect(r.status).toBe('obligatoire');
    expect(r.reason).toMatch(/5\u202f404\u202f000|5\s404\s000/);
    expect(r.reason).toContain('22\u00a0août 2026');
    expect(r.reason).toContain('au plus tard');
    expect(r.reason).toMatch(/article 35 de la loi n°\u00a02021-1104/);
    expect(r.reason).toMatch(/article L2112-2-1 du code de la commande publique/);
    expect(r.details.join(' ')).toMatch(/motifs/);
  });

  test('a private buyer is not subject to the obligation, whatever the amount', () => {
    const r = obligation(facts({ buyer: 'prive', amount: 50_000_000 }));
    expect(r).toMatchObject({ status: 'hors-champ', mandatory: false });
    expect(r.reason).toMatch(/acheteur privé/);
  });

  test('defence and security contracts keep a mere option', () => {
    const r = obligation(facts({ defence: true, amount: 50_000_000 }));
    expect(r).toMatchObject({ status: 'facultative', mandatory: false, sources: ['ccp-l2312-1-1'] });
    expect(r.reason).toMatch(/faculté/);
  });

  test('missing or invalid facts give an incomplete answer, never an exception', () => {
    for (const bad of [{ amount: '' }, { amount: 'abc' }, { amount: -5 }, { launchDate: '' }, { launchDate: '2026-02-30' }, { kind: '' }, { kind: 'services', buyer: '' }]) {
      const r = obligation(facts(bad));
      expect(r.status, JSON.stringify(bad)).toBe('incomplete');
      expect(r.mandatory).toBe(false);
    }
  });

  test('amounts typed with spaces and units are read', () => {
    expect(obligation(facts({ amount: '5 404 000 € HT' })).mandatory).toBe(true);
    expect(obligation(facts({ amount: '5 403 999' })).mandatory).toBe(false);
  });

  test('a launch after the 2026-2027 threshold period warns that thresholds are revised', () => {
    expect(obligation(facts({ launchDate: '2028-03-01' })).details.join(' ')).toMatch(/révisés tous les deux ans/);
    expect(obligation(facts({ launchDate: '2027-12-31' })).details.join(' ')).not.toMatch(/révisés/);
  });

  test('before 22 August 2026 an above-threshold contract is told it is mandatory if the consultation was in fact engaged on or after that date', () => {
    expect(obligation(facts({ launchDate: '2026-08-21' })).details.join(' ')).toMatch(/à compter du 22\u00a0août 2026, la clause est obligatoire/);
  });
});
