/** Brouillons enregistrés, exportés et importés ; profil du facilitateur ; noms de fichiers ; passage depuis la fiche C3. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ANSWERS_VERSION, newAnswers, newEmployment, setPath } from '../../src/lib/wizard/model';
import {
  DRAFT_KEY,
  exportDraft,
  readDraft,
  readProfile,
  safeStore,
  serializeDraft,
  serializeProfile,
  validateAnswers,
  type KeyValueStore,
} from '../../src/lib/wizard/storage';
import { answersFileName, docxFileName, slugify } from '../../src/lib/wizard/filename';
import { applyHandoff, readHandoff, wizardLink } from '../../src/lib/wizard/handoff';
import { parseNumber } from '../../src/lib/wizard/numbers';
import { catalog, worksJourney } from '../support/wizard-fixtures';

const NOW = new Date('2026-11-22T14:32:00Z');

describe('saved drafts', () => {
  test('a saved draft is read back identical, with its step and date', () => {
    const a = worksJourney();
    const r = readDraft(serializeDraft(a, 'calibrage', NOW));
    expect(r).toEqual({ status: 'ok', answers: a, step: 'calibrage', savedAt: NOW.toISOString() });
  });

  test('nothing saved reads as empty', () => {
    expect(readDraft(null)).toEqual({ status: 'empty' });
    expect(readDraft('')).toEqual({ status: 'empty' });
  });

  test.each([
    ['not JSON', '{"format":"recueil-assistant","version":2,', /abîmé/],
    ['another format', JSON.stringify({ hello: 'world' }), /pas un brouillon de l’assistant/],
    ['a newer version', JSON.stringify({ format: 'recueil-assistant', version: 9, answers: {} }), /version plus récente/],
    ['no version', JSON.stringify({ format: 'recueil-assistant', answers: {} }), /version n’est pas indiquée/],
  ])('%s gives a clear message and keeps the original', (_, raw, message) => {
    const r = readDraft(raw);
    expect(r.status).toBe('invalid');
    if (r.status !== 'invalid') return;
    expect(r.message).toMatch(/^Le brouillon enregistré n’a pas pu être relu : /);
    expect(r.message).toMatch(message);
    expect(r.original).toBe(raw);
  });

  test('a draft with a wrong type or an unknown value is refused, naming the field', () => {
    const base = JSON.parse(serializeDraft(worksJourney(), 'lots', NOW)) as { answers: unknown };
    const wrongType = { ...base, answers: setPath(base.answers, 'lots.1.amount', { euros: 1000 }) };
    const r = readDraft(JSON.stringify(wrongType));
    expect(r.status === 'invalid' && r.message).toMatch(/Montant estimé du lot, lot 2 : nombre attendu/);
    expect(r.status === 'invalid' && r.message).not.toMatch(/lots\.1\.amount/);
    const unknown = { ...base, answers: setPath(base.answers, 'contract.buyer', 'martien') };
    expect(readDraft(JSON.stringify(unknown)).status).toBe('invalid');
    const noLots = { ...base, answers: setPath(base.answers, 'lots', []) };
    expect(readDraft(JSON.stringify(noLots)).status).toBe('invalid');
  });

  test('unknown extra fields are dropped, not kept', () => {
    const base = JSON.parse(serializeDraft(worksJourney(), null, NOW)) as { answers: { contract: Record<string, unknown> } };
    base.answers.contract.injected = '<script>';
    const r = readDraft(JSON.stringify(base));
    expect(r.status).toBe('ok');
    if (r.status === 'ok') expect(r.answers.contract).not.toHaveProperty('injected');
  });

  test('a version 1 draft is migrated: shared calibration copied to each lot, original kept', () => {
    const v2 = worksJourney();
    const v1 = {
      ...v2,
      version: 1,
      calibration: { hourlyCost: '28', rate: '7' },
      levers: { condition: true, criterion: true },
      lots: v2.lots.map(({ reservation: _r, calibration: _c, ...lot }) => lot),
    };
    const raw = JSON.stringify({ format: 'recueil-assistant', version: 1, savedAt: NOW.toISOString(), step: 'lots', answers: v1 });
    const r = readDraft(raw);
    expect(r.status).toBe('migrated');
    if (r.status !== 'migrated') return;
    expect(r.fromVersion).toBe(1);
    expect(r.original).toBe(raw);
    expect(r.message).toMatch(/version antérieure/);
    expect(r.answers.lots.map((l) => [l.reservation, l.calibration.hourlyCost, l.calibration.rate, l.calibration.method])).toEqual([
      ['aucune', '28', '7', 'standard'],
      ['aucune', '28', '7', 'standard'],
      ['aucune', '28', '7', 'standard'],
    ]);
    expect(r.answers.levers).toEqual({ condition: true, criterion: true, reservation: false, insertion: false, employment: false });
  });

  test('a version 2 draft is migrated: the contract is divided into lots, no reason to keep a clause yet', () => {
    const v3 = worksJourney();
    const { allotted: _a, contractType: _t, socialServices: _s, framework: _f, frameworkPeriod: _p, ...contract } = v3.contract;
    const v2 = { ...v3, version: 2, contract, lots: v3.lots.map((l) => ({ ...l, calibration: (({ keepReason: _k, ...c }) => c)(l.calibration) })) };
    const r = readDraft(JSON.stringify({ format: 'recueil-assistant', version: 2, savedAt: NOW.toISOString(), step: 'execution', answers: v2 }));
    expect(r.status).toBe('migrated');
    if (r.status !== 'migrated') return;
    expect(r.fromVersion).toBe(2);
    expect(r.answers.contract.allotted).toBe(true);
    expect(r.answers.lots.every((l) => l.calibration.keepReason === '')).toBe(true);
    expect(r.message).toMatch(/divisé en lots/);
    expect(r.answers).toEqual(v3);
  });

  test('a version 3 draft is migrated: a public contract, not social services, not a framework agreement', () => {
    const v4 = worksJourney();
    const { contractType: _t, socialServices: _s, framework: _f, frameworkPeriod: _p, ...contract } = v4.contract;
    const v3 = { ...v4, version: 3, contract };
    const r = readDraft(JSON.stringify({ format: 'recueil-assistant', version: 3, savedAt: NOW.toISOString(), step: 'leviers', answers: v3 }));
    expect(r.status).toBe('migrated');
    if (r.status !== 'migrated') return;
    expect(r.fromVersion).toBe(3);
    expect(r.step).toBe('leviers');
    expect(r.answers.contract).toMatchObject({ contractType: 'marche', socialServices: false, framework: 'non', frameworkPeriod: 'duree' });
    expect(r.message).toMatch(/accord-cadre/);
    expect(r.answers).toEqual(v4);
  });

  test('a version 4 draft is migrated: the employment lever is not chosen, its answers take the draft’s defaults', () => {
    const v5 = worksJourney();
    const { employment: _e, ...levers } = v5.levers;
    const { employment: _g, ...rest } = v5;
    const v4 = { ...rest, version: 4, levers };
    const r = readDraft(JSON.stringify({ format: 'recueil-assistant', version: 4, savedAt: NOW.toISOString(), step: 'execution', answers: v4 }));
    expect(r.status).toBe('migrated');
    if (r.status !== 'migrated') return;
    expect(r.fromVersion).toBe(4);
    expect(r.step).toBe('execution');
    expect(r.answers.levers.employment).toBe(false);
    expect(r.answers.employment).toEqual(newEmployment(catalog));
    expect(r.message).toMatch(/liée à l’emploi/);
    expect(r.answers).toEqual(v5);
  });

  test('the employment defaults written for migrations are those of the model draft', () => {
    expect(newEmployment(null)).toEqual(newEmployment(catalog));
    expect(newEmployment(catalog)).toMatchObject({ modalities: ['alternance', 'achat-inclusif'], contracts: '1', contractMonths: '12', inclusiveShare: '5', proofDays: '30' });
  });

  test('an imported draft with a damaged employment answer names the field in French', () => {
    const a = worksJourney();
    const raw = JSON.stringify({ format: 'recueil-assistant', version: ANSWERS_VERSION, answers: { ...a, employment: { ...a.employment, penalty: { montant: 3000 } } } });
    const r = readDraft(raw, 'importé');
    expect(r.status).toBe('invalid');
    if (r.status === 'invalid') expect(r.message).toContain('Pénalité forfaitaire (condition liée à l’emploi) : nombre attendu');
  });

  test('reading never throws, whatever the stored text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ format: 'recueil-assistant', version: 2, answers: v }))), (raw) => {
        const r = readDraft(raw);
        return ['empty', 'ok', 'invalid', 'migrated'].includes(r.status);
      }),
      { numRuns: 300 },
    );
  });

  test('an exported file is read back by the import', () => {
    const a = worksJourney();
    const r = readDraft(exportDraft(a, NOW), 'importé');
    expect(r).toMatchObject({ status: 'ok', answers: a, savedAt: NOW.toISOString() });
    const bad = readDraft('{}', 'importé');
    expect(bad.status === 'invalid' && bad.message).toMatch(/^Le fichier importé n’a pas pu être relu/);
  });

  test('validateAnswers accepts a new draft', () => {
    expect(validateAnswers(newAnswers(catalog)).ok).toBe(true);
  });
});

describe('browser storage access', () => {
  test('a storage that throws (private browsing, quota) never makes the wizard fail', () => {
    const hostile: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const store = safeStore(() => hostile);
    expect(store.read(DRAFT_KEY)).toBeNull();
    expect(store.write(DRAFT_KEY, 'x')).toBe(false);
    expect(() => store.remove(DRAFT_KEY)).not.toThrow();
    const missing = safeStore(() => {
      throw new Error('no window');
    });
    expect(missing.read(DRAFT_KEY)).toBeNull();
  });

  test('a working storage round-trips', () => {
    const map = new Map<string, string>();
    const store = safeStore(() => ({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) }));
    expect(store.write('k', 'v')).toBe(true);
    expect(store.read('k')).toBe('v');
    store.remove('k');
    expect(store.read('k')).toBeNull();
  });
});

describe('facilitator profile', () => {
  test('the profile is remembered separately and pre-fills a new draft', () => {
    const profile = { structure: 'PLIE Val-Sud', name: 'Claire Martin', email: 'c@exemple.fr', phone: '0123456789' };
    const read = readProfile(serializeProfile(profile));
    expect(read).toEqual(profile);
    expect(newAnswers(catalog, { profile: read }).facilitator).toEqual(profile);
  });

  test('a damaged or empty profile is ignored', () => {
    for (const raw of [null, '', '{', '{"version":2}', JSON.stringify({ version: 1, facilitator: { structure: 3 } }), serializeProfile({ structure: ' ', name: '', email: '', phone: '' })]) {
      expect(readProfile(raw)).toBeNull();
    }
  });
});

describe('file names', () => {
  test('the Word file is clause-sociale-<subject>-<date>.docx', () => {
    expect(docxFileName('la construction du groupe scolaire des Tilleuls', new Date(2026, 10, 22))).toBe('clause-sociale-construction-du-groupe-scolaire-des-tilleuls-2026-11-22.docx');
    expect(answersFileName('L’entretien des espaces verts', new Date(2026, 0, 5))).toBe('clause-sociale-entretien-des-espaces-verts-2026-01-05.json');
  });

  test('slugs keep only safe characters, cut long subjects at a word and never end empty', () => {
    expect(slugify('<script>alert(1)</script> & ]]> 🏗️ Œuvre')).toBe('script-alert-1-script-oeuvre');
    expect(slugify('Travaux de réhabilitation énergétique et de mise en accessibilité des bâtiments scolaires communaux').length).toBeLessThanOrEqual(60);
    expect(docxFileName('   ', new Date(2026, 0, 1))).toBe('clause-sociale-marche-2026-01-01.docx');
    fc.assert(fc.property(fc.string(), (s) => /^[a-z0-9-]*$/.test(slugify(s)) && !slugify(s).startsWith('-') && !slugify(s).endsWith('-')));
  });
});

describe('hand-off from the calculator of fiche C3', () => {
  test('the link carries the values and the wizard reads them back', () => {
    const values = { amount: '1 000 000', labourShare: '50', hourlyCost: '30', rate: '5' };
    const link = wizardLink('/recueil/', values);
    expect(link).toMatch(/^\/recueil\/assistant\/\?depuis=c3&/);
    expect(readHandoff(link.slice(link.indexOf('?')))).toEqual(values);
    expect(readHandoff('?etape=lots')).toBeNull();
  });

  test('the values pre-fill the first lot of a new draft', () => {
    const a = applyHandoff(newAnswers(catalog), { amount: '400 000', labourShare: '70', hourlyCost: '28', rate: '10' });
    expect(a.contract.amount).toBe('400 000');
    expect(a.lots[0]).toMatchObject({ amount: '400 000', labourShare: '70', calibration: { hourlyCost: '28', rate: '10', method: 'standard' } });
  });
});

describe('numbers', () => {
  test('French number forms and trailing units are read', () => {
    expect(parseNumber('1 000 000,5')).toBe(1000000.5);
    expect(parseNumber('50 %')).toBe(50);
    expect(parseNumber('30 €')).toBe(30);
    expect(parseNumber('833 h')).toBe(833);
    expect(parseNumber('1e20')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});
