/**
 * Le parcours de l'assistant en fonctions pures : ordre des étapes, étapes visibles selon les réponses,
 * validation de chaque étape avec des messages en français, et garde de navigation (on n'atteint pas une
 * étape tant qu'une étape précédente est invalide). Les composants ne font que demander : ils ne
 * réécrivent aucune de ces règles.
 */
import { formatDateFr, formatEuros, formatInt, lowerFirst } from '../format';
import { readDate } from '../redactions/core/values';
import type { Answers } from './model';
import { clauseLots, hasEmploymentCondition, isConcession, needsDerogation, obligationOf, reservedLots } from './levers';
import { calibrationFieldPath, lotCalibration, needsKeepReason } from './calibration';
import { checkNumber, isBlank, parseNumber, RULES, type NumberRule } from './numbers';
import { estimatedValue } from './obligation';

/** Les étapes, toujours dans cet ordre ; `short` nomme l'étape dans la liste de progression. */
export const STEPS = [
  { id: 'contrat', title: 'Le marché', short: 'Le marché' },
  { id: 'lots', title: 'Les lots', short: 'Les lots' },
  { id: 'obligation', title: 'La clause est-elle obligatoire ?', short: 'L’obligation' },
  { id: 'leviers', title: 'Les leviers juridiques', short: 'Les leviers' },
  { id: 'calibrage', title: 'Le volume d’heures de chaque lot', short: 'Les heures' },
  { id: 'execution', title: 'Les conditions d’exécution', short: 'L’exécution' },
  { id: 'emploi', title: 'La condition liée à l’emploi', short: 'L’emploi' },
  { id: 'critere', title: 'Le critère d’attribution', short: 'Le critère' },
  { id: 'derogation', title: 'La note motivant l’exception', short: 'La note d’exception' },
  { id: 'recapitulatif', title: 'Relire et télécharger', short: 'Relire et télécharger' },
] as const;

export type StepId = (typeof STEPS)[number]['id'];
export const STEP_IDS = STEPS.map<StepId>((s) => s.id);
export const isStepId = (x: unknown): x is StepId => typeof x === 'string' && (STEP_IDS as string[]).includes(x);
export const stepTitle = (id: StepId) => STEPS.find((s) => s.id === id)!.title;
export const stepShortTitle = (id: StepId) => STEPS.find((s) => s.id === id)!.short;

export interface FieldError {
  /** Chemin du champ dans les réponses (« lots.0.amount ») ; voir `fieldId` pour l'identifiant HTML. */
  field: string;
  message: string;
}

/** Nombre minimal de modalités laissées ouvertes (celui de la rédaction « ccap-condition-execution »). */
export const MIN_MODALITIES = 2;
const TEXT_MAX = 2000;

/** Les étapes du parcours pour ces réponses, dans l'ordre. */
export function visibleSteps(answers: Answers): StepId[] {
  // Une concession arrête le parcours à la première étape : l'assistant ne prépare que des marchés.
  if (isConcession(answers)) return ['contrat'];
  const clause = clauseLots(answers).length > 0;
  return STEP_IDS.filter((id) => {
    switch (id) {
      case 'calibrage':
      case 'execution':
        return clause;
      case 'emploi':
        return hasEmploymentCondition(answers);
      case 'critere':
        return answers.levers.criterion;
      case 'derogation':
        return needsDerogation(answers);
      default:
        return true;
    }
  });
}

/** « du lot 2 » ; pour un marché non alloti, dont la seule ligne est le marché lui-même, « du marché ». */
const lotName = (answers: Answers, index: number) => (answers.contract.allotted ? `du lot ${answers.lots[index]?.number.trim() || index + 1}` : 'du marché');

class Errors {
  list: FieldError[] = [];
  add(field: string, message: string | null) {
    if (message) this.list.push({ field, message });
  }
  /** Texte : obligatoire si `missing` est donné (c'est le message), et de longueur limitée ; `subject` nomme le champ. */
  text(field: string, raw: string, subject: string, missing: string | null, max = TEXT_MAX) {
    if (missing && raw.trim() === '') this.add(field, missing);
    else if (raw.length > max) {
      this.add(field, `${subject} dépasse la longueur permise : ${formatInt(max)} caractères au plus (${formatInt(raw.length)} saisis).`);
    }
  }
  number(field: string, raw: string, rule: NumberRule) {
    this.add(field, checkNumber(raw, rule));
  }
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

/** Téléphone : 10 chiffres commençant par 0, ou un numéro international en +. Séparateurs admis : espace, point, tiret. */
export function isPhone(raw: string): boolean {
  const compact = raw.replace(/[\s.\-()\u00a0]/g, '');
  return /^0[1-9]\d{8}$/.test(compact) || /^\+\d{8,15}$/.test(compact);
}

/** Années acceptées pour les dates du marché : une année hors de cet intervalle est une faute de frappe. */
export const DATE_YEARS = { min: 2000, max: 2100 } as const;

/**
 * La date lue (AAAA-MM-JJ ou JJ/MM/AAAA) ou le message qui dit pourquoi elle est refusée ; `subject` nomme le champ
 * (« La date de lancement ») et `example` est une date correcte (« le 15/09/2026 »).
 */
function checkDate(raw: string, subject: string, example: string): { date: Date } | { message: string } {
  const date = readDate(raw);
  if (!date) return { message: `${subject} doit être une date valide, au format JJ/MM/AAAA, par exemple ${example}.` };
  const year = date.getUTCFullYear();
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) {
    return { message: `${subject} doit tomber entre ${DATE_YEARS.min} et ${DATE_YEARS.max} (année saisie : ${year}), par exemple ${example}.` };
  }
  return { date };
}

function contract(answers: Answers, e: Errors) {
  const c = answers.contract;
  if (isConcession(answers)) {
    e.add(
      'contract.contractType',
      'L’assistant prépare les pièces d’un marché public, pas celles d’un contrat de concession : voir la fiche C1 pour l’obligation qui vise les concessions. Choisissez « marché public » pour continuer.',
    );
    return;
  }
  e.text('contract.subject', c.subject, 'L’objet du marché', 'Indiquez l’objet du marché.', 300);
  e.text('contract.buyerName', c.buyerName, 'Le nom de l’acheteur', 'Indiquez le nom de l’acheteur.', 300);
  e.text('contract.reference', c.reference, 'La référence du marché', null, 100);
  e.add('contract.kind', c.kind ? null : 'Choisissez le type de marché.');
  e.add('contract.buyer', c.buyer ? null : 'Choisissez le type d’acheteur.');
  e.number('contract.amount', c.amount, RULES.contractAmount);
  e.number('contract.durationMonths', c.durationMonths, RULES.duration);
  if (isBlank(c.launchDate)) e.add('contract.launchDate', 'Indiquez la date de lancement de la consultation.');
  else {
    const launch = checkDate(c.launchDate, 'La date de lancement', 'le 15/09/2026');
    if ('message' in launch) e.add('contract.launchDate', launch.message);
  }
}

function lotNumber(number: string, i: number, seen: Map<string, number>, e: Errors) {
  if (!number) e.add(`lots.${i}.number`, `Indiquez le numéro du lot (ligne ${i + 1}).`);
  else if (number.length > 20) e.text(`lots.${i}.number`, number, `Le numéro du lot (ligne ${i + 1})`, null, 20);
  else if (seen.has(number.toLowerCase())) e.add(`lots.${i}.number`, `Deux lots portent le numéro « ${number} » : donnez à chacun un numéro distinct.`);
  seen.set(number.toLowerCase(), i);
}

function lots(answers: Answers, e: Errors) {
  const seen = new Map<string, number>();
  answers.lots.forEach((lot, i) => {
    const of = lotName(answers, i);
    // Un marché non alloti n'affiche ni n'imprime de numéro de lot : rien à demander.
    if (answers.contract.allotted) lotNumber(lot.number.trim(), i, seen, e);
    // Un marché non alloti n'a qu'une ligne, qui est le marché lui-même : pas d'intitulé de lot à demander.
    e.text(`lots.${i}.name`, lot.name, `L’intitulé ${of}`, answers.contract.allotted ? `Indiquez l’intitulé ${of}.` : null, 300);
    e.number(`lots.${i}.amount`, lot.amount, { ...RULES.lotAmount, subject: `Le montant estimé ${of}` });
    e.number(`lots.${i}.labourShare`, lot.labourShare, { ...RULES.labourShare, subject: `La part de main-d’œuvre ${of}` });
  });
  if (!answers.contract.allotted && answers.lots.length > 1) {
    e.add('lots', 'Le marché n’est pas divisé en lots : gardez une seule ligne, ou indiquez à l’étape « Le marché » qu’il est alloti.');
  }
  const t = lotTotals(answers);
  if (t && t.sum > t.total + 0.5) {
    e.add(
      'lots',
      `La somme des montants des lots (${formatEuros(t.sum)} HT) dépasse le montant estimé du marché (${formatEuros(t.total)} HT) : corrigez un montant de lot, ou le montant du marché à l’étape « Le marché ».`,
    );
  }
}

/** La somme des montants des lots et le montant du marché, quand tous sont lisibles. */
function lotTotals(answers: Answers): { sum: number; total: number } | null {
  const amount = parseNumber(answers.contract.amount, RULES.contractAmount.kind);
  // Accord-cadre à maximum annuel : les lots se comptent sur toute la durée, comme la valeur comparée au seuil.
  const total = amount === null ? null : estimatedValue(answers.contract, amount);
  const amounts = answers.lots.map((l) => parseNumber(l.amount, RULES.lotAmount.kind));
  if (total === null || !amounts.every((a): a is number => a !== null && a > 0)) return null;
  return { sum: amounts.reduce((a, b) => a + b, 0), total };
}

function levers(answers: Answers, e: Errors) {
  const l = answers.levers;
  const duty = obligationOf(answers);
  const reserved = reservedLots(answers);
  if (l.reservation && reserved.length === 0) {
    e.add('lots.0.reservation', 'Indiquez quel lot est réservé, ou décochez la réservation.');
  }
  if (l.condition && clauseLots(answers).length === 0 && reserved.length > 0) {
    e.add(
      'levers.condition',
      'Tous les lots sont réservés : aucun ne peut porter une clause d’heures. Décochez la condition d’exécution, ou retirez la réservation d’un lot.',
    );
  }
  const drafting = l.condition || l.criterion || l.employment || reserved.length > 0;
  if (!drafting && !duty.mandatory) {
    e.add(
      'levers.condition',
      l.insertion
        ? 'L’assistant ne rédige pas le marché d’insertion : utilisez sa rédaction type, ou choisissez un autre levier pour continuer.'
        : 'Choisissez au moins un levier : l’assistant n’a sinon rien à rédiger.',
    );
  }
}

function calibration(answers: Answers, e: Errors) {
  const clauseKeys = new Set(clauseLots(answers).map((l) => l.key));
  answers.lots.forEach((lot, i) => {
    if (!clauseKeys.has(lot.key)) return;
    const of = lotName(answers, i);
    const c = lot.calibration;
    const at = (f: string) => `lots.${i}.calibration.${f}`;
    if (needsKeepReason(answers, lot)) {
      if (c.keepReason.trim().length < 10) {
        e.add(at('keepReason'), `La note de calibrage déconseille la clause ${of} avec ce volume : expliquez en une phrase pourquoi vous la maintenez (le motif figurera dans la note).`);
      } else e.text(at('keepReason'), c.keepReason, `Le motif du maintien de la clause ${of}`, null);
    }
    if (c.override) {
      e.number(at('overrideHours'), c.overrideHours, { ...RULES.overrideHours, subject: `Le volume d’heures fixé pour le lot ${lot.number.trim() || i + 1}` });
      if (c.overrideReason.trim().length < 10) {
        e.add(at('overrideReason'), `Expliquez en une phrase pourquoi vous retenez ce volume ${of} (il figurera dans la note de calibrage).`);
      } else e.text(at('overrideReason'), c.overrideReason, `Le motif du volume fixé ${of}`, null);
      return;
    }
    // Les saisies du calcul sont lues et contrôlées par `calibrate` lui-même ; ses messages sont préfixés du lot.
    const { result } = lotCalibration(answers, lot);
    const prefix = `Lot ${lot.number.trim() || i + 1} : `;
    if (!result.ok) {
      for (const err of result.errors) e.add(calibrationFieldPath(i, err.field), prefix + lowerFirst(err.message));
    } else if (result.hours === 0) {
      e.add(at('method'), `Le calcul ne donne aucune heure ${of} : ajustez les paramètres, fixez un volume à la main, ou retirez la clause de ce lot.`);
    }
  });
}

function execution(answers: Answers, e: Errors) {
  const x = answers.execution;
  const f = answers.facilitator;
  e.text('execution.articleNumber', x.articleNumber, 'Le numéro de l’article du CCAP', null, 20);
  e.text('execution.perimeter', x.perimeter, 'Le périmètre de la clause', null);
  if (x.publics.length === 0) e.add('execution.publics', 'Cochez au moins un public éligible.');
  if (x.modalities.length < MIN_MODALITIES) {
    e.add('execution.modalities', 'Laissez au moins deux modalités ouvertes : la clause ne doit pas imposer une seule façon de réaliser les heures.');
  }
  if (x.counting.includes('contrat-long')) {
    e.number('execution.longContractMonths', x.longContractMonths, RULES.longContractMonths);
  }
  if (x.counting.includes('conversion')) {
    e.number('execution.conversionShare', x.conversionShare, { ...RULES.labourShare, subject: 'La part de main-d’œuvre retenue pour la conversion' });
    e.number('execution.conversionCost', x.conversionCost, { ...RULES.hourlyCost, subject: 'Le coût horaire retenu pour la conversion' });
  }
  e.number('execution.correspondentDays', x.correspondentDays, RULES.correspondentDays);
  if (!['mensuelle', 'trimestrielle'].includes(x.reporting)) e.add('execution.reporting', 'Choisissez la périodicité des états de suivi.');
  e.number('execution.penaltyPerHour', x.penaltyPerHour, RULES.penaltyPerHour);
  e.number('execution.penaltyCap', x.penaltyCap, RULES.penaltyCap);
  e.number('execution.observationDays', x.observationDays, RULES.observationDays);
  e.text('facilitator.structure', f.structure, 'La structure du facilitateur', 'Indiquez la structure du facilitateur (maison de l’emploi, PLIE, collectivité…).', 300);
  e.text('facilitator.name', f.name, 'Le nom du facilitateur', 'Indiquez le nom du facilitateur.', 200);
  if (f.email.trim() && !EMAIL.test(f.email.trim())) e.add('facilitator.email', 'Le courriel doit avoir la forme nom@domaine.fr.');
  if (f.phone.trim() && !isPhone(f.phone)) e.add('facilitator.phone', 'Le téléphone doit comporter 10 chiffres (par exemple 01 23 45 67 89) ou commencer par + suivi de l’indicatif.');
}

/**
 * L'étape « La condition liée à l'emploi » demande la structure du facilitateur quand l'étape « Les conditions
 * d'exécution », qui la demande d'ordinaire, n'est pas dans le parcours (pas de clause d'heures).
 */
export const employmentAsksFacilitator = (answers: Answers) => clauseLots(answers).length === 0;

/** Modalités de la condition liée à l'emploi (valeurs de la rédaction « ccap-condition-emploi »). */
export const EMPLOYMENT_MODALITIES = ['alternance', 'achat-inclusif'] as const;

function employment(answers: Answers, e: Errors) {
  const m = answers.employment;
  e.text('employment.articleNumber', m.articleNumber, 'Le numéro de l’article du CCAP', null, 20);
  const open = m.modalities.filter((x) => (EMPLOYMENT_MODALITIES as readonly string[]).includes(x));
  if (open.length === 0) e.add('employment.modalities', 'Cochez au moins une modalité : l’accueil en alternance, ou la part du montant confiée à des structures inclusives.');
  if (open.includes('alternance')) {
    e.number('employment.contracts', m.contracts, RULES.employmentContracts);
    e.number('employment.contractMonths', m.contractMonths, RULES.employmentContractMonths);
    e.text(
      'employment.functions',
      m.functions,
      'La description des fonctions',
      'Indiquez les fonctions du marché sur lesquelles portent les contrats en alternance (par exemple « la documentation, les tests et l’assistance aux utilisateurs ») : c’est ce qui rattache l’engagement au marché.',
      500,
    );
  }
  if (open.includes('achat-inclusif')) {
    e.number('employment.inclusiveShare', m.inclusiveShare, RULES.inclusiveShare);
    e.text('employment.inclusiveServices', m.inclusiveServices, 'La description des prestations', null, 500);
  }
  e.number('employment.proofDays', m.proofDays, RULES.proofDays);
  e.number('employment.penalty', m.penalty, RULES.employmentPenalty);
  if (employmentAsksFacilitator(answers)) {
    e.text('facilitator.structure', answers.facilitator.structure, 'La structure du facilitateur', 'Indiquez la structure du facilitateur (maison de l’emploi, PLIE, collectivité…).', 300);
  }
}

function criterion(answers: Answers, e: Errors) {
  const k = answers.criterion;
  e.text('criterion.number', k.number, 'Le numéro du critère', null, 20);
  e.number('criterion.weight', k.weight, RULES.criterionWeight);
  e.text('criterion.support', k.support, 'La description des prestations support', 'Indiquez les prestations qui peuvent être exécutées par des personnes en insertion : c’est ce qui rattache le critère à l’objet du marché.', 500);
  if (k.subCriteria.length === 0) e.add('criterion.subCriteria', 'Indiquez au moins un sous-critère.');
  k.subCriteria.forEach((s, i) => {
    e.text(`criterion.subCriteria.${i}.title`, s.title, `L’intitulé du sous-critère ${i + 1}`, `Indiquez l’intitulé du sous-critère ${i + 1}.`, 300);
    e.number(`criterion.subCriteria.${i}.weight`, s.weight, { ...RULES.subCriterionWeight, subject: `La part du sous-critère ${i + 1}` });
    e.text(`criterion.subCriteria.${i}.expected`, s.expected, `L’attendu du sous-critère ${i + 1}`, `Indiquez ce que le candidat doit décrire pour le sous-critère ${i + 1}.`, 500);
  });
  const sum = subCriteriaTotal(answers);
  if (sum !== null) {
    if (Math.abs(sum - 100) > 0.01) {
      e.add('criterion.subCriteria', `Les parts des sous-critères font ${sum.toLocaleString('fr-FR')} % au total : elles doivent faire 100 %.`);
    }
  }
  if (!isBlank(k.maxPages)) e.number('criterion.maxPages', k.maxPages, RULES.maxPages);
}

/** La somme des parts des sous-critères, quand toutes sont lisibles et comprises entre 0 et 100 ; sinon `null`. */
export function subCriteriaTotal(answers: Answers): number | null {
  const weights = answers.criterion.subCriteria.map((s) => parseNumber(s.weight, RULES.subCriterionWeight.kind));
  if (weights.length === 0 || !weights.every((w): w is number => w !== null && w > 0 && w <= 100)) return null;
  return weights.reduce((a, b) => a + b, 0);
}

function derogation(answers: Answers, e: Errors) {
  const d = answers.derogation;
  e.add('derogation.ground', d.ground ? null : 'Choisissez le motif de dérogation invoqué.');
  if (d.ground === 'autre') e.text('derogation.groundDetail', d.groundDetail, 'La disposition invoquée', 'Citez la disposition de la loi que vous invoquez.', 500);
  if (d.justification.trim().length < 40) {
    e.add('derogation.justification', 'Décrivez les faits qui fondent le motif, en quelques phrases (au moins 40 caractères) : une formule générale ne suffit pas.');
  } else e.text('derogation.justification', d.justification, 'L’exposé des faits', null, 20_000);
  e.text('derogation.otherMeasures', d.otherMeasures, 'La description des autres mesures', null, 20_000);
  e.text('derogation.signatory', d.signatory, 'Le signataire', 'Indiquez le nom et la fonction du signataire.', 300);
  e.text('derogation.place', d.place, 'Le lieu de signature', null, 200);
  if (isBlank(d.date)) {
    e.add('derogation.date', 'Indiquez la date de la note.');
    return;
  }
  const note = checkDate(d.date, 'La date de la note', 'le 20/09/2026');
  if ('message' in note) {
    e.add('derogation.date', note.message);
    return;
  }
  // Les motifs sont consignés quand la décision est prise : au plus tard au lancement de la consultation.
  const launch = readDate(answers.contract.launchDate);
  if (launch && note.date.getTime() > launch.getTime()) {
    e.add(
      'derogation.date',
      `La note est datée du ${formatDateFr(note.date)}, après le lancement de la consultation le ${formatDateFr(launch)} : les motifs se consignent quand la décision est prise, au plus tard à ce lancement. Datez la note du ${formatDateFr(launch)} ou avant.`,
    );
  }
}

/** Les erreurs de l'étape (vide si elle est valide). */
export function validateStep(answers: Answers, step: StepId): FieldError[] {
  const e = new Errors();
  switch (step) {
    case 'contrat':
      contract(answers, e);
      break;
    case 'lots':
      lots(answers, e);
      break;
    case 'leviers':
      levers(answers, e);
      break;
    case 'calibrage':
      calibration(answers, e);
      break;
    case 'execution':
      execution(answers, e);
      break;
    case 'emploi':
      employment(answers, e);
      break;
    case 'critere':
      criterion(answers, e);
      break;
    case 'derogation':
      derogation(answers, e);
      break;
    default:
      break;
  }
  return e.list;
}

export const canContinue = (answers: Answers, step: StepId) => validateStep(answers, step).length === 0;

/** La première étape visible invalide avant `before` (toutes si absent), ou `null`. */
export function firstInvalidStep(answers: Answers, before?: StepId): StepId | null {
  const steps = visibleSteps(answers);
  const end = before ? steps.indexOf(before) : steps.length;
  for (const step of steps.slice(0, end < 0 ? steps.length : end)) if (!canContinue(answers, step)) return step;
  return null;
}

/** L'étape où aller quand on demande `target` : elle-même, sinon la première étape précédente invalide. */
export function guardStep(answers: Answers, target: StepId): StepId {
  const steps = visibleSteps(answers);
  let wanted = target;
  if (!steps.includes(wanted)) {
    // Étape masquée par les réponses : la dernière étape visible qui la précède.
    const order = STEP_IDS.indexOf(target);
    wanted = [...steps].reverse().find((s) => STEP_IDS.indexOf(s) < order) ?? steps[0]!;
  }
  return firstInvalidStep(answers, wanted) ?? wanted;
}

/** L'étape suivante et la précédente dans le parcours visible. */
export function nextStep(answers: Answers, step: StepId): StepId | null {
  const steps = visibleSteps(answers);
  const i = steps.indexOf(step);
  return i >= 0 && i < steps.length - 1 ? steps[i + 1]! : null;
}
export function previousStep(answers: Answers, step: StepId): StepId | null {
  const steps = visibleSteps(answers);
  const i = steps.indexOf(step);
  return i > 0 ? steps[i - 1]! : null;
}

/** Avertissements qui n'empêchent pas de continuer. */
/** Un sous-critère qui regarde après le marché (postes proposés « à l'issue du marché »…) risque de manquer de lien avec son objet. */
const AFTER_CONTRACT = /(?:à l[’']issue|au-delà|après la fin) du marché|après le marché/i;

export function stepWarnings(answers: Answers, step: StepId): string[] {
  const out: string[] = [];
  const t = lotTotals(answers);
  if (step === 'lots' && t && t.sum < t.total - 0.5) {
    out.push(`La somme des montants des lots (${formatEuros(t.sum)} HT) est inférieure au montant estimé du marché (${formatEuros(t.total)} HT) : vérifiez qu’aucun lot ne manque.`);
  }
  if (step === 'critere' && answers.levers.criterion) {
    for (const sub of answers.criterion.subCriteria) {
      if (AFTER_CONTRACT.test(`${sub.title} ${sub.expected}`)) {
        out.push(
          `Le sous-critère « ${sub.title.trim() || 'sans intitulé'} » porte sur ce que l’entreprise fera après le marché : les critères doivent être liés à l’objet du marché ou à ses conditions d’exécution (article L2152-7 du code de la commande publique). Préférez un engagement tenu pendant l’exécution du marché.`,
        );
      }
    }
  }
  if (step === 'execution' && answers.execution.modalities.length === MIN_MODALITIES) {
    out.push('Vous avez fermé une modalité de réalisation : assurez-vous que l’objet du marché le justifie, car l’entreprise doit rester libre de son choix.');
  }
  return out;
}
