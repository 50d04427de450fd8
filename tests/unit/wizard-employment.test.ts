/**
 * La condition d'exécution liée à l'emploi, sans volume d'heures (rédaction « ccap-condition-emploi », fiche C8) :
 * levier, étape, validation, pièce produite, obligation (pas de note d'exception, mais « à vérifier »), déclarations.
 */
import { describe, expect, test } from 'vitest';
import { documentText, type RenderedDocument } from '../../src/lib/redactions/core/document';
import { employmentToVerify, hasSocialCondition, leverNotices, LEVERS, needsDerogation } from '../../src/lib/wizard/levers';
import { setPath, type Answers } from '../../src/lib/wizard/model';
import { documentsFor, downloadBlockers, piecesFor, plannedDocuments } from '../../src/lib/wizard/pieces';
import { validateStep, visibleSteps } from '../../src/lib/wizard/steps';
import { reviewGroups } from '../../src/lib/wizard/summary';
import { declarations } from '../../src/lib/wizard/declarations';
import { previewTarget } from '../../src/lib/wizard/session';
import { catalog, derogationJourney, employmentJourney, worksJourney } from '../support/wizard-fixtures';
import { normaliseSpaces } from '../support/redactions';

const set = (a: Answers, values: Record<string, unknown>) => Object.entries(values).reduce((acc, [p, v]) => setPath(acc, p, v), a);
const text = (d: RenderedDocument | undefined) => (d ? normaliseSpaces(documentText(d)) : '');

function documents(a: Answers): RenderedDocument[] {
  const r = documentsFor(a, catalog);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.documents;
}

describe('the employment lever', () => {
  test('is offered with fiche C8 and its wording in texts.ts', () => {
    expect(LEVERS.find((l) => l.id === 'employment')).toEqual({ id: 'employment', fiche: 'C8' });
    expect(catalog.texts.levers.employment.label).toMatch(/liée à l’emploi/);
  });

  test('is suggested for supplies and intellectual services, not for works with a sensible volume', () => {
    const supplies = derogationJourney();
    expect(leverNotices(supplies).join(' ')).toMatch(/fournitures ou des prestations intellectuelles.*fiche C8/);
    expect(leverNotices(set(supplies, { 'contract.kind': 'prestations-intellectuelles' })).join(' ')).toMatch(/fiche C8/);
    expect(leverNotices(worksJourney()).join(' ')).not.toMatch(/fiche C8/);
    // Une fois choisie, la suggestion disparaît.
    expect(leverNotices(employmentJourney()).join(' ')).not.toMatch(/convient souvent mal/);
  });

  test('is suggested when the calibrated hours of a lot are very low', () => {
    const a = set(worksJourney(), { 'lots.2.amount': '40 000' });
    expect(leverNotices(a).join(' ')).toMatch(/très faible \(moins de 70 heures\) pour le lot 3.*fiche C8/);
  });

  test('shows its step after the conditions of execution, only when chosen', () => {
    expect(visibleSteps(employmentJourney())).toEqual(['contrat', 'lots', 'obligation', 'leviers', 'emploi', 'recapitulatif']);
    expect(visibleSteps(set(worksJourney(), { 'levers.employment': true }))).toEqual([
      'contrat', 'lots', 'obligation', 'leviers', 'calibrage', 'execution', 'emploi', 'critere', 'recapitulatif',
    ]);
    expect(visibleSteps(worksJourney())).not.toContain('emploi');
  });

  test('the preview of its step shows its piece', () => {
    const ids = plannedDocuments(employmentJourney(), catalog).map((d) => d.draftId);
    expect(previewTarget('emploi', ids)).toBe('ccap-condition-emploi');
  });
});

describe('validation of the employment step', () => {
  test('a complete journey is valid and can be downloaded', () => {
    expect(validateStep(employmentJourney(), 'emploi')).toEqual([]);
    expect(downloadBlockers(employmentJourney(), catalog)).toEqual([]);
  });

  test('asks for a modality, the functions, the penalty and the facilitator, in French', () => {
    const a = set(employmentJourney(), { 'employment.modalities': [], 'employment.penalty': '', 'facilitator.structure': '' });
    expect(validateStep(a, 'emploi')).toEqual([
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- Vitest type ses correspondances partielles en `any`
      { field: 'employment.modalities', message: expect.stringMatching(/^Cochez au moins une modalité/) },
      { field: 'employment.penalty', message: 'Indiquez la pénalité forfaitaire.' },
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- Vitest type ses correspondances partielles en `any`
      { field: 'facilitator.structure', message: expect.stringMatching(/^Indiquez la structure du facilitateur/) },
    ]);
    const b = set(employmentJourney(), { 'employment.functions': ' ', 'employment.contracts': '0', 'employment.inclusiveShare': '120' });
    expect(validateStep(b, 'emploi').map((e) => e.field)).toEqual(['employment.contracts', 'employment.functions', 'employment.inclusiveShare']);
    expect(validateStep(b, 'emploi')[0]!.message).toMatch(/nombre minimal de contrats en alternance doit être compris entre 1 et 50/);
  });

  test('only the chosen modality’s answers are asked', () => {
    const a = set(employmentJourney(), { 'employment.modalities': ['achat-inclusif'], 'employment.functions': '', 'employment.contracts': '' });
    expect(validateStep(a, 'emploi')).toEqual([]);
    const b = set(employmentJourney(), { 'employment.modalities': ['alternance'], 'employment.inclusiveShare': '' });
    expect(validateStep(b, 'emploi')).toEqual([]);
  });

  test('the facilitator is asked here only when the hours clause does not ask for it', () => {
    const a = set(worksJourney(), { 'levers.employment': true, 'employment.functions': 'le chantier', 'employment.penalty': '2000', 'facilitator.structure': '' });
    expect(validateStep(a, 'emploi')).toEqual([]);
    expect(validateStep(a, 'execution').map((e) => e.field)).toContain('facilitator.structure');
  });

  test('a lever is chosen: the levers step no longer asks for one below the thresholds', () => {
    const a = set(employmentJourney(), { 'contract.amount': '100 000', 'lots.0.amount': '100 000' });
    expect(validateStep(a, 'leviers')).toEqual([]);
    expect(validateStep(set(a, { 'levers.employment': false }), 'leviers').map((e) => e.field)).toEqual(['levers.condition']);
  });
});

describe('the employment piece and the obligation', () => {
  test('a 500 000 € supply of computers leaves with the employment condition and no exception note', () => {
    const a = employmentJourney();
    expect(hasSocialCondition(a)).toBe(true);
    expect(needsDerogation(a)).toBe(false);
    expect(piecesFor(a).map((p) => p.draftId)).toEqual(['avis-rc-condition-emploi', 'ccap-condition-emploi']);
    const docs = documents(a);
    expect(docs.map((d) => d.draftId)).toEqual(['dossier-clause-sociale', 'avis-rc-condition-emploi', 'ccap-condition-emploi']);
    const ccap = text(docs[2]);
    expect(ccap).toContain('Marché ayant pour objet la fourniture et le déploiement d’ordinateurs pour les écoles (référence 2026-FCS-044).');
    expect(ccap).toMatch(/Article 11 – Condition d’exécution liée à l’emploi/);
    expect(ccap).toMatch(/11\.1\. Objet/);
    expect(ccap).toMatch(/contrats d’apprentissage ou de professionnalisation que le titulaire conclut ou maintient pour l’exécution du marché est fixé à 1 ; chaque contrat dure au moins 12 mois/);
    expect(ccap).not.toMatch(/\(s\)/);
    expect(ccap).toContain('le déploiement des postes et l’assistance aux utilisateurs');
    expect(ccap).toMatch(/au moins 5\s?% du montant hors taxes/);
    expect(ccap).toContain('notamment pour le reconditionnement et la collecte du matériel remplacé');
    expect(ccap).toContain('Maison de l’emploi Val-Sud');
    expect(ccap).toMatch(/pénalité forfaitaire de 3\s?000\s?€/);
    expect(docs[2]!.references).toEqual(['ccp-l2112-2', 'ccp-l2112-2-1', 'loi-2021-1104-art35', 'ctrav-l5132-4', 'ctrav-l5213-13', 'casf-l344-2']);
  });

  test('the notice and the consultation rules announce the same commitment as the CCAP article, without claiming the obligation is met', () => {
    const docs = documents(employmentJourney());
    const notice = text(docs.find((d) => d.draftId === 'avis-rc-condition-emploi'));
    expect(notice).toContain('Marché ayant pour objet la fourniture et le déploiement d’ordinateurs pour les écoles (référence 2026-FCS-044).');
    expect(notice).toMatch(/^Le marché comporte une condition d’exécution liée à l’emploi, prévue en application de l’article L2112-2 du code de la commande publique et définie à l’article 11 du cahier des clauses administratives particulières/m);
    expect(notice).toContain('l’une au moins des modalités suivantes, à son choix');
    expect(notice).toMatch(/dont le nombre minimal est fixé à 1, chacun d’une durée d’au moins 12 mois dans la limite de la durée du marché ;/);
    // Deux modalités ouvertes : « ou », jamais « et », qui se lirait comme un cumul.
    expect(notice).toContain('(CCAP) : l’accueil de personnes en alternance ou l’achat auprès de structures inclusives, au choix du titulaire, qui retient l’une au moins de ces modalités.');
    expect(notice).toMatch(/au moins 5\s?% du montant hors taxes des prestations exécutées/);
    expect(notice).toContain('Maison de l’emploi Val-Sud');
    expect(notice).toMatch(/n’intervient pas dans le choix des offres\./);
    expect(notice).not.toMatch(/L2112-2-1|Outre la clause/);
    expect(docs.find((d) => d.draftId === 'avis-rc-condition-emploi')!.references).toEqual(['ccp-l2112-2', 'ctrav-l5132-4', 'ctrav-l5213-13', 'casf-l344-2']);
    const cover = text(docs[0]);
    expect(cover).toMatch(/Mention de la condition liée à l’emploi dans l’avis et le règlement de la consultation\tPremière partie dans l’avis de marché/);
  });

  test('one modality only: the notice says « de la manière suivante », with one item and no choice', () => {
    const a = set(employmentJourney(), { 'employment.modalities': ['achat-inclusif'] });
    const notice = text(documents(a).find((d) => d.draftId === 'avis-rc-condition-emploi'));
    expect(notice).toContain('Le titulaire la remplit de la manière suivante :');
    expect(notice).not.toMatch(/alternance|au choix du titulaire|l’une au moins|Aucune offre ne peut être écartée/);
    expect(notice).toContain('peut aider le titulaire à trouver les structures inclusives du territoire.');
    const alternance = text(documents(set(employmentJourney(), { 'employment.modalities': ['alternance'] })).find((d) => d.draftId === 'avis-rc-condition-emploi'));
    expect(alternance).toMatch(/dans la limite de la durée du marché\.$/m);
    expect(alternance).toContain('(CCAP) : l’accueil de personnes en alternance. Elle s’impose');
  });

  test('the cover page lists it in the CCAP, with its article, and says plainly that the obligation is « à vérifier »', () => {
    const cover = text(documents(employmentJourney())[0]);
    expect(cover).toContain('Condition d’exécution liée à l’emploi, sans volume d’heures');
    expect(cover).toMatch(/Article du CCAP : condition d’exécution liée à l’emploi.*Cahier des clauses administratives particulières \(CCAP\), article 11/);
    expect(cover).toMatch(/À vérifier : aucune source consultée ne dit si une condition de cette forme, sans volume d’heures, suffit à remplir l’obligation de l’article L2112-2-1/);
    expect(cover).not.toMatch(/note qui en consigne les motifs/);
    expect(employmentToVerify(employmentJourney())).toBe(true);
  });

  test('the review says it is « à vérifier » above the thresholds, and not below or beside an hours clause', () => {
    const levers = (a: Answers) => reviewGroups(a, catalog).find((g) => g.step === 'leviers')!.items.map((i) => i.value).join(' ');
    expect(levers(employmentJourney())).toMatch(/aucune note d’exception n’est demandée.*L2112-2-1 : c’est à vérifier/);
    expect(levers(employmentJourney())).toMatch(/liée à l’emploi, sans volume d’heures/);
    const below = set(employmentJourney(), { 'contract.amount': '100 000', 'lots.0.amount': '100 000' });
    expect(levers(below)).not.toMatch(/à vérifier/);
    expect(employmentToVerify(set(worksJourney(), { 'levers.employment': true }))).toBe(false);
    const group = reviewGroups(employmentJourney(), catalog).find((g) => g.step === 'emploi')!;
    expect(group.items.map((i) => `${i.label} : ${i.value}`).join('\n')).toMatch(/Pénalité : 3\s?000\s?€, forfaitaire/);
  });

  test('alternance only: no inclusive purchase sentence, no SIAE, EA or ESAT reference; below the thresholds, no L2112-2-1', () => {
    const a = set(employmentJourney(), { 'employment.modalities': ['alternance'], 'contract.amount': '100 000', 'lots.0.amount': '100 000' });
    const docs = documents(a);
    const ccap = docs.find((d) => d.draftId === 'ccap-condition-emploi')!;
    expect(text(ccap)).not.toMatch(/structures inclusives :/);
    expect(ccap.references).toEqual(['ccp-l2112-2']);
    expect(text(docs[0])).not.toMatch(/À vérifier/);
  });

  test('beside the hours clause, the employment piece follows the CCAP article and lots without hours say so', () => {
    const a = set(worksJourney(), { 'levers.employment': true, 'employment.functions': 'le chantier', 'employment.penalty': '2000' });
    expect(piecesFor(a).map((p) => p.draftId)).toEqual([
      'avis-rc-clause', 'ccap-condition-execution', 'avis-rc-condition-emploi', 'ccap-condition-emploi', 'rc-critere-insertion', 'engagement-entreprise', 'note-calibrage',
    ]);
    const notice = text(documents(a).find((d) => d.draftId === 'avis-rc-condition-emploi'));
    expect(notice).toMatch(/^Outre la clause sociale d’insertion, le marché comporte une condition d’exécution liée à l’emploi/m);
    expect(notice).toContain('Au-delà de cet engagement minimal, la qualité de l’action d’insertion proposée est appréciée au titre du critère d’attribution');
    // Le critère parle de la clause d'heures.
    expect(piecesFor(derogationJourney()).map((p) => p.draftId)).toEqual(['justification-derogation']);
  });

  test('declares as « Clause sociale » in the DECP', () => {
    const decp = declarations(employmentJourney(), catalog.texts.declarations)[0]!;
    expect(decp.values).toEqual(['Clause sociale']);
  });
});
