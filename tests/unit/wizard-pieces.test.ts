/** Des réponses aux pièces : choix des rédactions types, correspondance des variables, documents rendus, aperçu. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { documentText } from '../../src/lib/redactions/core/document';
import { documentsFor, piecesFor, plannedDocuments, previewDocuments } from '../../src/lib/wizard/pieces';
import { calibrationSummary } from '../../src/lib/wizard/calibration';
import { addLot, newAnswers, setPath, type Answers } from '../../src/lib/wizard/model';
import { reviewGroups } from '../../src/lib/wizard/summary';
import { catalog, derogationJourney, servicesJourney, worksJourney } from '../support/wizard-fixtures';

const set = (a: Answers, values: Record<string, unknown>) => Object.entries(values).reduce((acc, [p, v]) => setPath(acc, p, v), a);

const texts = (a: Answers) => {
  const r = documentsFor(a, catalog);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.draftId} ${e.field} ${e.message}`).join('\n'));
  return Object.fromEntries(r.documents.map((d) => [d.draftId, documentText(d)]));
};

describe('piecesFor', () => {
  test('(a) works, 3 lots, condition and criterion: notice/RC, CCAP, criterion, commitment form', () => {
    expect(piecesFor(worksJourney()).map((p) => p.draftId)).toEqual(['avis-rc-clause', 'ccap-condition-execution', 'rc-critere-insertion', 'engagement-entreprise', 'note-calibrage']);
    expect(plannedDocuments(worksJourney(), catalog).map((d) => d.draftId)).toEqual([
      'dossier-clause-sociale',
      'avis-rc-clause',
      'ccap-condition-execution',
      'rc-critere-insertion',
      'engagement-entreprise',
      'note-calibrage',
    ]);
  });

  test('(a) hours are computed per lot by calibrate and passed to the drafts', () => {
    const [avis] = piecesFor(worksJourney());
    // 3 000 000 × 50 % ÷ 30 × 5 % = 2 500 ; 2 000 000 × 70 % ÷ 30 × 5 % ≈ 2 333 ; 1 000 000 × 20 % ÷ 30 × 5 % ≈ 333.
    expect(avis!.answers.lots).toEqual([
      { numero: '1', intitule: 'Gros œuvre', heures: 2500 },
      { numero: '2', intitule: 'Peinture', heures: 2333 },
      { numero: '3', intitule: 'Charpente métallique', heures: 333 },
    ]);
    expect(avis!.answers.regime).toBe('obligation');
    expect(avis!.answers.avec_critere).toBe('oui');
    expect(calibrationSummary(worksJourney()).total).toBe(5166);
  });

  test('(b) a lot reserved to SIAE gets the reservation piece and, the clause being mandatory, keeps its hours', () => {
    const pieces = piecesFor(servicesJourney());
    expect(pieces.map((p) => p.draftId)).toEqual(['avis-rc-clause', 'ccap-condition-execution', 'reserve-siae', 'engagement-entreprise', 'note-calibrage']);
    const reserve = pieces.find((p) => p.draftId === 'reserve-siae')!;
    expect(reserve.answers).toMatchObject({ perimetre: 'lots', lots: [{ numero: '2', intitule: 'Entretien des cimetières' }], ouverture_ea_esat: 'non' });
    expect((pieces[0]!.answers.lots as unknown[]).length).toBe(2);
    // Services d'une collectivité sous 216 000 € HT ? Non : 400 000 € HT, lancé après le 22 août 2026.
    expect(pieces[0]!.answers.regime).toBe('obligation');
  });

  test('(b) when every lot is reserved, the whole contract is reserved', () => {
    const all = setPath(setPath(servicesJourney(), 'lots.0.reservation', 'siae'), 'levers.condition', false);
    const reserve = piecesFor(all).find((p) => p.draftId === 'reserve-siae')!;
    expect(reserve.answers).toMatchObject({ perimetre: 'marche', lots: [] });
  });

  test('(c) no condition above the threshold gives the motivation note only', () => {
    const pieces = piecesFor(derogationJourney());
    expect(pieces.map((p) => p.draftId)).toEqual(['justification-derogation']);
    expect(pieces[0]!.answers).toMatchObject({ categorie: 'fcs-autres', valeur_estimee: 480000, motif: 'absence-lien', date_lancement: '2026-10-05' });
  });

  test('unchecking every counting convention means none, not the draft defaults', () => {
    const a = setPath(worksJourney(), 'execution.counting', []);
    expect(texts(a)['ccap-condition-execution']).not.toMatch(/heures de formation/);
    expect(texts(worksJourney())['ccap-condition-execution']).toMatch(/heures de formation/);
  });
});

describe('documentsFor', () => {
  test('(a) the documents carry the computed hours, the facilitator and the article numbers', () => {
    const t = texts(worksJourney());
    expect(t['avis-rc-clause']).toMatch(/lot 1 \(Gros œuvre\)\u00a0: 2\u202f500\u00a0heures d’insertion/);
    expect(t['ccap-condition-execution']).toMatch(/Article 9 – Clause sociale d’insertion/);
    expect(t['ccap-condition-execution']).toMatch(/article 35 de la loi n°\u00a02021-1104/);
    expect(t['ccap-condition-execution']).toContain('Claire Martin');
    expect(t['rc-critere-insertion']).toMatch(/Critère n°\s3/);
    expect(t['rc-critere-insertion']).toMatch(/R2152-7/);
    expect(t['engagement-entreprise']).toMatch(/raison sociale\u00a0: …+/);
    expect(t['engagement-entreprise']).not.toMatch(/\[/);
    expect(t['note-calibrage']).toMatch(/3\u202f000\u202f000\u00a0€ HT × 50\u00a0% = 1\u202f500\u202f000\u00a0€/);
    expect(t['note-calibrage']).toMatch(/Total des heures d’insertion du marché\u00a0: 5\u202f166\u00a0heures/);
  });

  test('(b) below the threshold, the reservation piece cites L2113-13 and the clause covers lot 1 only', () => {
    const t = texts(setPath(servicesJourney(), 'contract.launchDate', '2026-08-21'));
    expect(t['reserve-siae']).toMatch(/L2113-13/);
    expect(t['reserve-siae']).toMatch(/lot 2\u00a0: Entretien des cimetières/);
    expect(t['avis-rc-clause']).not.toMatch(/lot 2/);
    expect(t['note-calibrage']).toMatch(/Lots réservés/);
  });

  test('(b) below the threshold, the criterion names the lots the clause does not cover, in the singular or the plural', () => {
    const below = set(setPath(servicesJourney(), 'contract.launchDate', '2026-08-21'), { 'levers.criterion': true, 'criterion.support': 'la tonte et la taille' });
    const one = texts(below)['rc-critere-insertion'];
    expect(one).toMatch(/qui s’impose à tout titulaire des lots qu’elle couvre\u00a0:/);
    expect(one).toMatch(/Pour le lot 2, qui ne comporte pas cette clause, il apprécie l’action d’insertion proposée/);
    const two = set(addLot(below), { 'lots.2.name': 'Fleurissement', 'lots.2.amount': '50 000', 'lots.2.labourShare': '80', 'lots.2.reservation': 'ea-esat' });
    expect(texts(two)['rc-critere-insertion']).toMatch(/Pour les lots 2 et 3, qui ne comportent pas cette clause/);
    // Au-dessus des seuils, la clause couvre aussi le lot réservé : rien à signaler.
    const above = texts(set(servicesJourney(), { 'levers.criterion': true, 'criterion.support': 'la tonte et la taille' }))['rc-critere-insertion'];
    expect(above).toMatch(/qui s’impose à tout titulaire\u00a0:/);
    expect(above).not.toMatch(/ne comporte/);
  });

  test('(b) above the threshold, the reserved lot is calibrated and shown with its clause on the cover page', () => {
    const t = texts(servicesJourney());
    expect(t['avis-rc-clause']).toMatch(/lot 2/);
    expect(t['note-calibrage']).not.toMatch(/Lots réservés/);
    expect(t['dossier-clause-sociale']).toMatch(/Lot réservé aux SIAE, avec clause sociale d’insertion/);
  });

  test('(c) the motivation note cites article 35 and the threshold category', () => {
    const t = texts(derogationJourney());
    expect(Object.keys(t)).toEqual(['dossier-clause-sociale', 'justification-derogation']);
    expect(t['justification-derogation']).toMatch(/article 35 de la loi n°\u00a02021-1104/i);
    expect(t['justification-derogation']).toMatch(/216\u202f000\u00a0€ HT/);
    expect(t['justification-derogation']).toMatch(/5 octobre 2026/);
  });

  test('hostile text stays literal text in the documents', () => {
    const hostile = '<script>alert(1)</script> & ]]> 🏗️';
    const t = texts(setPath(setPath(worksJourney(), 'lots.0.name', hostile), 'facilitator.structure', hostile));
    expect(t['avis-rc-clause']).toContain(hostile);
    expect(t['note-calibrage']).toContain(hostile);
  });

  test('incomplete answers give errors, never a document', () => {
    const r = documentsFor(setPath(worksJourney(), 'execution.penaltyPerHour', ''), catalog);
    expect(r.ok).toBe(false);
  });

  test('a manual override appears in the documents and the note keeps the reason', () => {
    const a = [
      ['lots.0.calibration.override', true],
      ['lots.0.calibration.overrideHours', '900'],
      ['lots.0.calibration.overrideReason', 'Volume du marché précédent.'],
    ].reduce((acc, [p, v]) => setPath(acc, p as string, v), worksJourney());
    const t = texts(a);
    expect(t['ccap-condition-execution']).toMatch(/900\u00a0heures/);
    expect(t['note-calibrage']).toMatch(/Volume retenu\u00a0: 900\u00a0heures, fixé par l’acheteur à la place du calcul. Motif\u00a0: Volume du marché précédent\.$/m);
    expect(t['note-calibrage']).not.toMatch(/\.\./);
    const r = documentsFor(a, catalog);
    expect(r.ok && r.documents.find((d) => d.draftId === 'note-calibrage')!.blocks.some((b) => b.kind === 'table')).toBe(true);
  });
});

describe('previewDocuments', () => {
  test('a new draft previews the pieces with placeholders', () => {
    const preview = previewDocuments(newAnswers(catalog), catalog);
    expect(preview.map((p) => p.draftId)).toEqual(['dossier-clause-sociale', 'avis-rc-clause', 'ccap-condition-execution', 'engagement-entreprise', 'note-calibrage']);
    expect(preview.every((p) => p.document !== null)).toBe(true);
    expect(documentText(preview[1]!.document!)).toMatch(/\[/);
  });

  test('invalid answers become placeholders in the preview instead of failing', () => {
    const a = setPath(setPath(worksJourney(), 'execution.penaltyCap', '150'), 'criterion.weight', 'abc');
    const preview = previewDocuments(a, catalog);
    expect(preview.every((p) => p.draftId === 'note-calibrage' || p.document !== null)).toBe(true);
    expect(documentText(preview.find((p) => p.draftId === 'ccap-condition-execution')!.document!)).toMatch(/\[plafond des pénalités/);
  });

  test('any random edit of a journey never makes the preview throw', () => {
    const paths = ['contract.amount', 'lots.0.amount', 'lots.0.labourShare', 'lots.1.calibration.rate', 'execution.penaltyCap', 'criterion.weight', 'criterion.subCriteria.0.weight', 'facilitator.name', 'execution.articleNumber'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.oneof(fc.string(), fc.constantFrom('-5', 'abc', '1e20', '150 %', '', '0')), (path, value) => {
        const a = setPath(worksJourney(), path, value);
        const preview = previewDocuments(a, catalog);
        return preview.length > 0 && reviewGroups(a, catalog).length > 0;
      }),
      { numRuns: 200 },
    );
  });
});

describe('review', () => {
  test('answers are grouped by step, each group linking back to its step', () => {
    const groups = reviewGroups(worksJourney(), catalog);
    expect(groups.map((g) => g.step)).toEqual(['contrat', 'lots', 'obligation', 'leviers', 'calibrage', 'execution', 'critere']);
    const calib = groups.find((g) => g.step === 'calibrage')!;
    expect(calib.items.at(-1)).toEqual({ label: 'Total', value: '5\u202f166\u00a0heures' });
    expect(groups.find((g) => g.step === 'execution')!.items.find((i) => i.label === 'Facilitateur')!.value).toMatch(/Claire Martin/);
  });
});

describe('framework agreements with purchase orders', () => {
  const framework = (kind: 'avec-maximum' | 'sans-maximum') => setPath(worksJourney(), 'contract.framework', kind);

  test('with a maximum: the CCAP says the hours cover the whole duration and are due pro rata of the orders issued', () => {
    const ccap = texts(framework('avec-maximum'))['ccap-condition-execution']!;
    expect(ccap).toMatch(/accord-cadre exécuté par bons de commande/);
    expect(ccap).toMatch(/calculé sur son montant maximum et porte sur toute sa durée/);
    expect(ccap).toMatch(/montant hors taxes des bons de commande émis et le montant maximum/);
  });

  test('without a maximum: the CCAP computes on the estimated total of the orders', () => {
    const ccap = texts(framework('sans-maximum'))['ccap-condition-execution']!;
    expect(ccap).toMatch(/montant total estimé des commandes/);
    expect(ccap).not.toMatch(/montant maximum/);
  });

  test('an ordinary contract has no framework wording', () => {
    expect(texts(worksJourney())['ccap-condition-execution']).not.toMatch(/bons de commande/);
  });

  test('an annual maximum: the motivation note states the value over the whole duration', () => {
    let a = setPath(derogationJourney(), 'contract.framework', 'avec-maximum');
    a = setPath(setPath(setPath(a, 'contract.frameworkPeriod', 'an'), 'contract.amount', '120 000'), 'lots.0.amount', '480 000');
    const note = piecesFor(a).find((p) => p.draftId === 'justification-derogation')!;
    expect(note.answers.valeur_estimee).toBe(480_000);
  });
});

test('framework agreement: the notice says the hours are due pro rata of the orders issued', () => {
  const t = texts(setPath(worksJourney(), 'contract.framework', 'avec-maximum'));
  expect(t['avis-rc-clause']).toMatch(/calculé sur le montant maximum de l’accord-cadre\s?; il est dû au prorata/);
  expect(texts(worksJourney())['avis-rc-clause']).not.toMatch(/prorata/);
});
