/** Le parcours de l'assistant sans navigateur : ordre et visibilité des étapes, validation, garde de navigation. */
import { describe, expect, test } from 'vitest';
import { addLot, newAnswers, removeLot, setPath, type Answers } from '../../src/lib/wizard/model';
import {
  STEP_IDS,
  MIN_MODALITIES,
  canContinue,
  firstInvalidStep,
  guardStep,
  isPhone,
  nextStep,
  previousStep,
  stepWarnings,
  validateStep,
  visibleSteps,
  type StepId,
} from '../../src/lib/wizard/steps';
import { clauseLots, leverNotices, needsDerogation } from '../../src/lib/wizard/levers';
import { catalog, derogationJourney, servicesJourney, worksJourney } from '../support/wizard-fixtures';

const set = (a: Answers, values: Record<string, unknown>) => Object.entries(values).reduce((acc, [p, v]) => setPath(acc, p, v), a);
const messages = (a: Answers, step: StepId, field: string) => validateStep(a, step).filter((e) => e.field === field).map((e) => e.message);

describe('steps', () => {
  test('the journey has ten steps in the order of the issue; the preview is not a step at any width', () => {
    expect(STEP_IDS).toEqual(['contrat', 'lots', 'obligation', 'leviers', 'calibrage', 'execution', 'emploi', 'critere', 'derogation', 'recapitulatif']);
  });

  test('a new draft shows the condition-of-execution journey', () => {
    const a = newAnswers(catalog);
    expect(visibleSteps(a)).toEqual(['contrat', 'lots', 'obligation', 'leviers', 'calibrage', 'execution', 'recapitulatif']);
  });

  test('the award criterion step appears only when the criterion is chosen', () => {
    expect(visibleSteps(worksJourney())).toContain('critere');
    expect(visibleSteps(setPath(worksJourney(), 'levers.criterion', false))).not.toContain('critere');
  });

  test('calibration and execution steps disappear when no lot carries the hours clause', () => {
    // Sous le seuil (200 000 € HT de services d'une collectivité) : les lots réservés ne portent pas la clause.
    const b = set(servicesJourney(), { 'lots.0.reservation': 'siae', 'contract.amount': '200 000', 'lots.0.amount': '100 000', 'lots.1.amount': '100 000' });
    expect(clauseLots(b)).toEqual([]);
    expect(visibleSteps(setPath(b, 'levers.condition', false))).not.toContain('calibrage');
  });

  test('the derogation step appears when the clause is mandatory and no condition is planned', () => {
    const c = derogationJourney();
    expect(needsDerogation(c)).toBe(true);
    expect(visibleSteps(c)).toEqual(['contrat', 'lots', 'obligation', 'leviers', 'derogation', 'recapitulatif']);
    // Même marché, lancé le 21 août 2026 : plus d'obligation, donc pas de note.
    expect(visibleSteps(setPath(c, 'contract.launchDate', '2026-08-21'))).not.toContain('derogation');
  });

  test('next and previous steps follow the visible journey', () => {
    const a = worksJourney();
    expect(nextStep(a, 'execution')).toBe('critere');
    expect(nextStep(a, 'recapitulatif')).toBeNull();
    expect(previousStep(a, 'recapitulatif')).toBe('critere');
    expect(previousStep(a, 'contrat')).toBeNull();
    expect(nextStep(derogationJourney(), 'leviers')).toBe('derogation');
  });
});

describe('validation of the contract step', () => {
  const a = newAnswers(catalog);

  test('empty required fields are refused with a message per field', () => {
    const fields = validateStep(a, 'contrat').map((e) => e.field);
    expect(fields).toEqual(['contract.subject', 'contract.buyerName', 'contract.kind', 'contract.buyer', 'contract.amount', 'contract.durationMonths', 'contract.launchDate']);
    expect(messages(a, 'contrat', 'contract.amount')).toEqual(['Indiquez le montant estimé du marché.']);
    expect(canContinue(a, 'contrat')).toBe(false);
  });

  test.each([
    ['-5', /ne peut pas être négatif/],
    ['abc', /doit être un nombre, par exemple/],
    ['1e20', /sans exposant/],
    ['100000000000000', /hors de proportion/],
    ['0', /supérieur à zéro/],
  ])('an amount of « %s » is refused', (raw, message) => {
    expect(messages(setPath(a, 'contract.amount', raw), 'contrat', 'contract.amount')[0]).toMatch(message);
  });

  test('amounts written the French way are accepted', () => {
    for (const raw of ['1 200 000', '1\u00a0200\u00a0000', '1\u202f200\u202f000', '1.200.000', '1200000,50', '1 200 000 €', '1 200 000 € HT', '1200000 EUR']) {
      expect(messages(setPath(a, 'contract.amount', raw), 'contrat', 'contract.amount'), raw).toEqual([]);
    }
  });

  test('a duration must be a whole number of months', () => {
    expect(messages(setPath(a, 'contract.durationMonths', '2,5'), 'contrat', 'contract.durationMonths')[0]).toMatch(/nombre entier/);
  });

  test('an impossible launch date is refused', () => {
    expect(messages(setPath(a, 'contract.launchDate', '2026-02-30'), 'contrat', 'contract.launchDate')[0]).toMatch(/date valide/);
  });

  test('the works journey contract step is valid', () => {
    expect(validateStep(worksJourney(), 'contrat')).toEqual([]);
  });
});

describe('validation of the lots step', () => {
  test.each([
    ['150 %', /comprise entre 0 et 100/],
    ['-5', /ne peut pas être négative/],
    ['abc', /doit être un nombre/],
    ['1e20', /sans exposant/],
    ['', /Indiquez la part de main-d’œuvre du lot 1/],
  ])('a labour share of « %s » is refused', (raw, message) => {
    expect(messages(setPath(worksJourney(), 'lots.0.labourShare', raw), 'lots', 'lots.0.labourShare')[0]).toMatch(message);
  });

  test('« 50 % » is read as 50', () => {
    expect(messages(setPath(worksJourney(), 'lots.0.labourShare', '50 %'), 'lots', 'lots.0.labourShare')).toEqual([]);
  });

  test('two lots with the same number are refused', () => {
    expect(messages(setPath(worksJourney(), 'lots.1.number', '1'), 'lots', 'lots.1.number')[0]).toMatch(/Deux lots portent le numéro « 1 »/);
  });

  test('the lots cannot add up to more than the contract amount; less gives a warning only', () => {
    const over = setPath(worksJourney(), 'contract.amount', '1 000 000');
    expect(messages(over, 'lots', 'lots')[0]).toMatch(/dépasse le montant estimé du marché/);
    expect(validateStep(worksJourney(), 'lots')).toEqual([]);
    expect(stepWarnings(worksJourney(), 'lots')).toEqual([]);
    expect(stepWarnings(setPath(worksJourney(), 'contract.amount', '7 000 000'), 'lots')[0]).toMatch(/inférieure au montant estimé/);
  });

  test('a contract not divided into lots is never asked for a lot number it does not show, and is called « le marché »', () => {
    let single = setPath(newAnswers(catalog, { today: new Date(2026, 10, 3) }), 'contract.allotted', false);
    single = setPath(setPath(single, 'lots.0.number', ''), 'lots.0.labourShare', '180');
    expect(messages(single, 'lots', 'lots.0.number')).toEqual([]);
    expect(messages(single, 'lots', 'lots.0.labourShare')[0]).toMatch(/^La part de main-d’œuvre du marché/);
    expect(messages(setPath(single, 'contract.allotted', true), 'lots', 'lots.0.number')[0]).toMatch(/Indiquez le numéro du lot/);
  });

  test('a lot can be added and removed, but never the last one', () => {
    const a = addLot(newAnswers(catalog));
    expect(a.lots.map((l) => l.number)).toEqual(['1', '2']);
    const one = removeLot(a, a.lots[0]!.key);
    expect(one.lots).toHaveLength(1);
    expect(removeLot(one, one.lots[0]!.key).lots).toHaveLength(1);
  });
});

describe('levers and their combinations', () => {
  test('below the threshold, a lot reserved to SIAE carries no hours clause, and the reason is explained', () => {
    const b = set(servicesJourney(), { 'contract.amount': '200 000', 'lots.0.amount': '100 000', 'lots.1.amount': '100 000' });
    expect(clauseLots(b).map((l) => l.number)).toEqual(['1']);
    expect(leverNotices(b).join(' ')).toMatch(/lot 2 \(Entretien des cimetières\) est réservé aux SIAE : il ne porte pas, en plus, de clause d’heures/);
    expect(validateStep(b, 'leviers')).toEqual([]);
  });

  test('above the threshold, a reserved lot keeps the hours clause: no text says a reservation fulfils the obligation', () => {
    const b = servicesJourney();
    expect(clauseLots(b).map((l) => l.number)).toEqual(['1', '2']);
    const notices = leverNotices(b).join(' ');
    expect(notices).toMatch(/lot 2 \(Entretien des cimetières\) est réservé aux SIAE et garde la clause d’heures/);
    expect(notices).toMatch(/à vérifier/);
    expect(notices).not.toMatch(/remplace/);
    expect(validateStep(b, 'leviers')).toEqual([]);
  });

  test('above the threshold, a reservation without a condition still needs the motivation note, and says why', () => {
    const b = setPath(servicesJourney(), 'levers.condition', false);
    expect(needsDerogation(b)).toBe(true);
    expect(leverNotices(b).join(' ')).toMatch(/Aucun texte consulté ne dit si une réservation remplit l’obligation ou en dispense \(à vérifier\)/);
  });

  test('choosing a reservation without reserving a lot is refused', () => {
    const b = setPath(servicesJourney(), 'lots.1.reservation', 'aucune');
    expect(messages(b, 'leviers', 'lots.0.reservation')[0]).toMatch(/Indiquez quel lot est réservé/);
  });

  test('below the threshold, a condition of execution with every lot reserved is refused', () => {
    const b = set(servicesJourney(), { 'lots.0.reservation': 'ea-esat', 'contract.launchDate': '2026-08-21' });
    expect(messages(b, 'leviers', 'levers.condition')[0]).toMatch(/Tous les lots sont réservés/);
  });

  test('no lever at all is refused when the clause is optional, allowed (with a note) when it is mandatory', () => {
    const none = set(worksJourney(), { 'levers.condition': false, 'levers.criterion': false, 'contract.amount': '2 000 000' });
    expect(messages(none, 'leviers', 'levers.condition')[0]).toMatch(/Choisissez au moins un levier/);
    expect(validateStep(derogationJourney(), 'leviers')).toEqual([]);
    expect(leverNotices(derogationJourney()).join(' ')).toMatch(/note qui motive cette exception/);
  });

  test('the insertion contract alone is explained, not drafted', () => {
    const only = set(worksJourney(), { 'levers.condition': false, 'levers.criterion': false, 'levers.insertion': true, 'contract.amount': '2 000 000' });
    expect(messages(only, 'leviers', 'levers.condition')[0]).toMatch(/ne rédige pas le marché d’insertion/);
  });

  test('a criterion without condition on a mandatory contract is said not to satisfy the obligation', () => {
    const c = setPath(derogationJourney(), 'levers.criterion', true);
    expect(leverNotices(c).join(' ')).toMatch(/ne tient pas lieu de condition d’exécution/);
  });
});

describe('validation of the calibration step', () => {
  test('the usual values give a valid calibration for each lot', () => {
    expect(validateStep(worksJourney(), 'calibrage')).toEqual([]);
  });

  test.each([
    ['hourlyCost', 'abc', /coût horaire doit être un nombre/],
    ['hourlyCost', '-5', /coût horaire doit être compris/],
    ['rate', '150 %', /taux d’insertion doit être compris entre 0 et 100/],
    ['rate', '1e20', /taux d’insertion doit s’écrire en chiffres, sans exposant/],
  ])('%s « %s » is refused, with the lot named', (field, raw, message) => {
    const errors = messages(setPath(worksJourney(), `lots.1.calibration.${field}`, raw), 'calibrage', `lots.1.calibration.${field}`);
    expect(errors[0]).toMatch(/^Lot 2 : /);
    expect(errors[0]).toMatch(message);
  });

  test('a calculation giving zero hours is refused', () => {
    expect(messages(setPath(worksJourney(), 'lots.0.calibration.rate', '0'), 'calibrage', 'lots.0.calibration.method')[0]).toMatch(/aucune heure/);
  });

  test('a manual override needs a whole number of hours and a reason', () => {
    const a = set(worksJourney(), { 'lots.0.calibration.override': true });
    expect(messages(a, 'calibrage', 'lots.0.calibration.overrideHours')[0]).toMatch(/Indiquez le volume d’heures fixé/);
    expect(messages(a, 'calibrage', 'lots.0.calibration.overrideReason')[0]).toMatch(/Expliquez/);
    const ok = set(a, { 'lots.0.calibration.overrideHours': '900', 'lots.0.calibration.overrideReason': 'Volume du marché précédent, atteint sans difficulté.' });
    expect(validateStep(ok, 'calibrage')).toEqual([]);
    // Le calcul n'est plus contrôlé quand le volume est fixé à la main.
    expect(validateStep(setPath(ok, 'lots.0.calibration.hourlyCost', 'abc'), 'calibrage')).toEqual([]);
  });
});

describe('validation of the execution step', () => {
  test('the usual values plus penalties and facilitator are valid', () => {
    expect(validateStep(worksJourney(), 'execution')).toEqual([]);
  });

  test('empty penalties and facilitator are refused', () => {
    const a = set(worksJourney(), { 'execution.penaltyPerHour': '', 'execution.penaltyCap': '', 'facilitator.structure': '', 'facilitator.name': '' });
    expect(validateStep(a, 'execution').map((e) => e.field)).toEqual(['execution.penaltyPerHour', 'execution.penaltyCap', 'facilitator.structure', 'facilitator.name']);
  });

  test('a cap of 150 % is refused', () => {
    expect(messages(setPath(worksJourney(), 'execution.penaltyCap', '150 %'), 'execution', 'execution.penaltyCap')[0]).toMatch(/compris entre 0,1 et 100/);
  });

  test('bad e-mail and phone are refused; usual forms are accepted', () => {
    const bad = set(worksJourney(), { 'facilitator.email': 'claire.exemple.fr', 'facilitator.phone': '12 34' });
    expect(messages(bad, 'execution', 'facilitator.email')[0]).toMatch(/nom@domaine\.fr/);
    expect(messages(bad, 'execution', 'facilitator.phone')[0]).toMatch(/10 chiffres/);
    for (const phone of ['01 23 45 67 89', '01.23.45.67.89', '0123456789', '+33 1 23 45 67 89']) expect(isPhone(phone), phone).toBe(true);
    for (const phone of ['abc', '1234', '00 00', '+33']) expect(isPhone(phone), phone).toBe(false);
  });

  test('restricting the company to one modality is refused; closing one gives a warning', () => {
    expect(MIN_MODALITIES).toBe((catalog.drafts['ccap-condition-execution']!.variables.find((v) => v.name === 'modalites') as { minItems?: number }).minItems);
    expect(messages(setPath(worksJourney(), 'execution.modalities', ['embauche']), 'execution', 'execution.modalities')[0]).toMatch(/au moins deux modalités/);
    expect(stepWarnings(setPath(worksJourney(), 'execution.modalities', ['embauche', 'sous-traitance']), 'execution')[0]).toMatch(/fermé une modalité/);
  });

  test('no eligible public is refused', () => {
    expect(messages(setPath(worksJourney(), 'execution.publics', []), 'execution', 'execution.publics')[0]).toMatch(/au moins un public/);
  });
});

describe('validation of the criterion and derogation steps', () => {
  test('the suggested sub-criteria add up to 100 %', () => {
    expect(validateStep(worksJourney(), 'critere')).toEqual([]);
  });

  test('sub-criteria that do not add up to 100 % are refused', () => {
    expect(messages(setPath(worksJourney(), 'criterion.subCriteria.0.weight', '20'), 'critere', 'criterion.subCriteria')[0]).toMatch(/font 90 % au total/);
  });

  test('a weighting above 50 % is refused', () => {
    expect(messages(setPath(worksJourney(), 'criterion.weight', '60'), 'critere', 'criterion.weight')[0]).toMatch(/entre 1 et 50/);
  });

  test('the derogation note needs a ground, facts and a signatory', () => {
    const c = set(derogationJourney(), { 'derogation.ground': '', 'derogation.justification': 'Pas de lien.', 'derogation.signatory': '' });
    expect(validateStep(c, 'derogation').map((e) => e.field)).toEqual(['derogation.ground', 'derogation.justification', 'derogation.signatory']);
    expect(messages(setPath(derogationJourney(), 'derogation.ground', 'autre'), 'derogation', 'derogation.groundDetail')[0]).toMatch(/Citez la disposition/);
  });
});

describe('navigation guard', () => {
  test('a step cannot be reached while an earlier one is invalid', () => {
    const a = newAnswers(catalog);
    expect(guardStep(a, 'recapitulatif')).toBe('contrat');
    expect(firstInvalidStep(a)).toBe('contrat');
    const w = worksJourney();
    expect(firstInvalidStep(w)).toBeNull();
    expect(guardStep(w, 'recapitulatif')).toBe('recapitulatif');
    expect(guardStep(setPath(w, 'execution.penaltyCap', ''), 'recapitulatif')).toBe('execution');
  });

  test('a hidden step leads to the last visible step before it', () => {
    expect(guardStep(worksJourney(), 'derogation')).toBe('critere');
  });

  test('the three journeys of the issue are valid end to end', () => {
    for (const journey of [worksJourney(), servicesJourney(), derogationJourney()]) {
      expect(firstInvalidStep(journey)).toBeNull();
    }
  });
});

describe('what the wizard does not prepare', () => {
  test('a concession stops at the first step, with a message that names fiche C1 and no other step', () => {
    const c = setPath(worksJourney(), 'contract.contractType', 'concession');
    expect(visibleSteps(c)).toEqual(['contrat']);
    const errors = validateStep(c, 'contrat');
    expect(errors.map((e) => e.field)).toEqual(['contract.contractType']);
    expect(errors[0]!.message).toMatch(/pas celles d’un contrat de concession[\s\S]*fiche C1/);
    expect(catalog.texts.concession.text).toMatch(/\[fiche C1\]\(\/fiches\/c1\/\)/);
  });

  test('an annual framework maximum: the lots are compared with the value over the whole duration', () => {
    let a = setPath(worksJourney(), 'contract.framework', 'avec-maximum');
    a = setPath(setPath(a, 'contract.frameworkPeriod', 'an'), 'contract.amount', '3 000 000');
    // 3 000 000 € par an sur 24 mois = 6 000 000 € : la somme des lots (6 000 000 €) est cohérente.
    expect(validateStep(a, 'lots')).toEqual([]);
  });
});

test('an insertion contract on services not marked as social services: the notice points to the social services threshold', () => {
  const b = setPath(servicesJourney(), 'levers.insertion', true);
  expect(leverNotices(b).join(' ')).toMatch(/relève des services sociaux[\s\S]*750\u00a0000/);
  expect(leverNotices(setPath(b, 'contract.socialServices', true)).join(' ')).not.toMatch(/relève des services sociaux/);
});
