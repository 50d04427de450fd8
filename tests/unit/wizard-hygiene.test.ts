/**
 * Hygiène des textes et des messages : commandes de sens d'écriture retirées partout, sigles gardés au
 * récapitulatif, champs nommés dans les messages, relecture des fichiers importés, dates de la note de dérogation.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { cleanText, singleLine, xmlSafe } from '../../src/lib/redactions/core/text';
import { documentText } from '../../src/lib/redactions/core/document';
import { documentToHtml } from '../../src/lib/redactions/adapters/html';
import { readDate } from '../../src/lib/redactions/core/values';
import { newAnswers, sanitizeAnswers, setPath, type Answers } from '../../src/lib/wizard/model';
import { documentsFor, previewDocuments } from '../../src/lib/wizard/pieces';
import { readDraft, readProfile, serializeDraft, serializeProfile, validateAnswers } from '../../src/lib/wizard/storage';
import { reviewGroups } from '../../src/lib/wizard/summary';
import { validateStep, type StepId } from '../../src/lib/wizard/steps';
import { catalog, derogationJourney, servicesJourney, worksJourney } from '../support/wizard-fixtures';

const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_CHARS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const NOW = new Date('2026-11-22T14:32:00Z');
const set = (a: Answers, values: Record<string, unknown>) => Object.entries(values).reduce((acc, [p, v]) => setPath(acc, p, v), a);
const messages = (a: Answers, step: StepId, field: string) => validateStep(a, step).filter((e) => e.field === field).map((e) => e.message);

describe('bidirectional controls', () => {
  test('are stripped with the other control characters, the text itself kept', () => {
    expect(cleanText('Ville \u202Ecentrale')).toBe('Ville centrale');
    for (const c of BIDI_CHARS) expect(xmlSafe(`a${c}b`), c.codePointAt(0)!.toString(16)).toBe('ab');
    expect(singleLine('Ville\u2067 de\n Val-Sud\u2069')).toBe('Ville de Val-Sud');
    expect(cleanText('l’emploi < & ]]> 🙂\nsuite')).toBe('l’emploi < & ]]> 🙂\nsuite');
  });

  test('sanitizeAnswers walks every text of the answers, and keeps untouched answers as they are', () => {
    const dirty = set(worksJourney(), {
      'contract.buyerName': 'Ville \u202Ecentrale',
      'lots.2.name': '\u2066Charpente\u2069',
      'criterion.subCriteria.0.title': 'Parcours\u202B proposés',
      'execution.publics': ['rsa\u202C'],
      'lots.0.calibration.overrideReason': 'motif\u202D',
    });
    const clean = sanitizeAnswers(dirty);
    expect(JSON.stringify(clean)).not.toMatch(BIDI);
    expect(clean.contract.buyerName).toBe('Ville centrale');
    expect(clean.lots[2]!.name).toBe('Charpente');
    expect(clean.execution.publics).toEqual(['rsa']);
    const untouched = worksJourney();
    expect(sanitizeAnswers(untouched)).toBe(untouched);
  });

  test('a bidi control typed in any answer never reaches the documents, in the preview or for Word', () => {
    const paths = ['contract.subject', 'contract.buyerName', 'contract.reference', 'lots.0.name', 'lots.1.number', 'execution.perimeter', 'facilitator.structure', 'facilitator.name', 'criterion.support', 'criterion.subCriteria.0.expected'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.constantFrom(...BIDI_CHARS), fc.string({ maxLength: 5 }), (path, bidi, tail) => {
        const a = setPath(worksJourney(), path, `Ville ${bidi}centrale${tail}`);
        const docs = documentsFor(a, catalog);
        if (docs.ok) {
          for (const doc of docs.documents) {
            expect(documentText(doc)).not.toMatch(BIDI);
            expect(documentToHtml(doc)).not.toMatch(BIDI);
          }
        }
        for (const piece of previewDocuments(a, catalog)) if ('document' in piece && piece.document) expect(documentToHtml(piece.document)).not.toMatch(BIDI);
      }),
      { numRuns: 60 },
    );
    const docs = documentsFor(setPath(worksJourney(), 'contract.buyerName', 'Ville \u202Ecentrale'), catalog);
    expect(docs.ok && docs.documents.map(documentText).join('\n')).toMatch(/Ville centrale/);
  });

  test('the remembered facilitator profile comes back without bidi controls', () => {
    const raw = serializeProfile({ structure: 'Maison de l’emploi \u202EVal-Sud', name: 'Claire', email: '', phone: '' });
    expect(readProfile(raw)?.structure).toBe('Maison de l’emploi Val-Sud');
  });

  test('a restored or imported draft comes back without bidi controls', () => {
    const dirty = setPath(worksJourney(), 'contract.subject', 'la réfection de la \u202Evoirie');
    const r = readDraft(serializeDraft(dirty, 'contrat', NOW), 'importé');
    expect(r.status).toBe('ok');
    if (r.status === 'ok') {
      expect(r.answers.contract.subject).toBe('la réfection de la voirie');
      expect(JSON.stringify(r.answers)).not.toMatch(BIDI);
    }
  });
});

describe('review keeps acronyms', () => {
  test('a reserved lot reads « réservé aux SIAE (L2113-13) », not « siae (l2113-13) »', () => {
    const lots = reviewGroups(servicesJourney(), catalog).find((g) => g.step === 'lots')!;
    expect(lots.items[1]!.value).toMatch(/réservé aux SIAE \(L2113-13\)/);
  });

  test('a list of chosen options keeps its acronyms after the first one', () => {
    const a = setPath(worksJourney(), 'execution.publics', ['deld', 'rsa', 'iae']);
    const execution = reviewGroups(a, catalog).find((g) => g.step === 'execution')!;
    const publics = execution.items.find((i) => i.label === 'Publics éligibles')!.value;
    expect(publics).toMatch(/bénéficiaires du RSA/);
    expect(publics).toMatch(/\(SIAE, EPIDE, E2C\)/);
  });
});

describe('messages name their field', () => {
  test('a text too long says which field and how many characters were typed', () => {
    const a = setPath(worksJourney(), 'contract.subject', 'x'.repeat(342));
    expect(messages(a, 'contrat', 'contract.subject')).toEqual(['L’objet du marché dépasse la longueur permise : 300 caractères au plus (342 saisis).']);
    const b = setPath(worksJourney(), 'lots.1.name', 'y'.repeat(301));
    expect(messages(b, 'lots', 'lots.1.name')[0]).toMatch(/^L’intitulé du lot 2 dépasse la longueur permise/);
  });
});

describe('importing a file', () => {
  const base = () => JSON.parse(serializeDraft(worksJourney(), null, NOW));

  test('errors give the French label of the field and its lot, not an internal path', () => {
    const raw = base();
    raw.answers = setPath(raw.answers, 'lots.1.amount', { valeur: 1 });
    raw.answers = setPath(raw.answers, 'contract.subject', ['objet']);
    const r = readDraft(JSON.stringify(raw), 'importé');
    expect(r.status).toBe('invalid');
    if (r.status !== 'invalid') return;
    expect(r.message).toMatch(/Objet du marché : texte attendu/);
    expect(r.message).toMatch(/Montant estimé du lot, lot 2 : nombre attendu/);
    expect(r.message).not.toMatch(/contract\.|lots\.\d/);
  });

  test('an amount written as a JSON number is accepted as the same text, never made ambiguous', () => {
    const raw = base();
    raw.answers = setPath(setPath(setPath(raw.answers, 'contract.amount', 216000), 'lots.0.amount', 216.125), 'contract.subject', 2026);
    const r = validateAnswers(raw.answers);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.answers.contract.amount).toBe('216000');
    expect(r.answers.lots[0]!.amount).toBe('216,1250');
    expect(r.answers.contract.subject).toBe('2026');
  });
});

describe('dates', () => {
  test('readDate accepts JJ/MM/AAAA as well as AAAA-MM-JJ, and never shifts a two-digit year', () => {
    expect(readDate('01/01/1999')?.toISOString().slice(0, 10)).toBe('1999-01-01');
    expect(readDate('15/09/2026')?.toISOString().slice(0, 10)).toBe('2026-09-15');
    expect(readDate('2026-09-15')?.toISOString().slice(0, 10)).toBe('2026-09-15');
    expect(readDate('30/02/2026')).toBeNull();
    expect(readDate('0050-01-01')?.getUTCFullYear()).toBe(50);
  });

  test('a launch date typed JJ/MM/AAAA is accepted; an out-of-range year says which years are accepted', () => {
    const a = newAnswers(catalog);
    expect(messages(setPath(a, 'contract.launchDate', '15/09/2026'), 'contrat', 'contract.launchDate')).toEqual([]);
    const [message] = messages(setPath(a, 'contract.launchDate', '01/01/1999'), 'contrat', 'contract.launchDate');
    expect(message).toMatch(/entre 2000 et 2100 \(année saisie : 1999\)/);
    expect(message).not.toMatch(/date valide/);
  });

  test('a derogation note cannot be dated after the launch of the consultation', () => {
    const late = setPath(derogationJourney(), 'derogation.date', '2028-01-10');
    expect(messages(late, 'derogation', 'derogation.date')).toEqual([
      'La note est datée du 10\u00a0janvier\u00a02028, après le lancement de la consultation le 5\u00a0octobre\u00a02026 : les motifs se consignent quand la décision est prise, au plus tard à ce lancement. Datez la note du 5\u00a0octobre\u00a02026 ou avant.'.replace(/\u00a0/g, ' '),
    ]);
    expect(messages(setPath(derogationJourney(), 'derogation.date', '05/10/2026'), 'derogation', 'derogation.date')).toEqual([]);
    expect(validateStep(derogationJourney(), 'derogation')).toEqual([]);
  });
});
