/**
 * Les leviers juridiques proposés par l'assistant et les règles qui les combinent :
 * - hors obligation, un lot réservé (SIAE ou EA-ESAT) ne porte pas, en plus, la clause d'heures ;
 * - quand l'obligation s'applique, le lot réservé garde la clause d'heures : aucun texte consulté ne dit si une
 *   réservation remplit l'obligation (ou en dispense), l'assistant ne produit donc jamais un dossier sans condition
 *   d'exécution ni note d'exception sur un marché soumis à l'obligation ;
 * - un critère d'attribution ne remplace pas la condition d'exécution quand elle est obligatoire ;
 * - le marché d'insertion est un achat d'une autre nature : l'assistant renvoie à sa rédaction type ;
 * - la condition liée à l'emploi, sans volume d'heures (fiche C8), est une condition d'exécution sociale : elle
 *   dispense de la note d'exception, mais aucune source consultée ne dit si elle suffit à remplir l'obligation de
 *   l'article L2112-2-1 (à vérifier, comme le dit sa rédaction type) ; l'assistant la suggère pour les fournitures,
 *   les prestations intellectuelles et les volumes d'heures très faibles.
 */
import { LOW_VOLUME_HOURS } from '../calibrate';
import type { Answers, LotAnswers } from './model';
import { obligation, type ObligationResult } from './obligation';
import { lotCalibration } from './lot-calibration';

export type LeverId = keyof Answers['levers'];

/** Les leviers, dans l'ordre de présentation, avec la fiche qui explique chacun (libellés : texts.ts). */
export const LEVERS: { id: LeverId; fiche: string }[] = [
  { id: 'condition', fiche: 'C4' },
  { id: 'criterion', fiche: 'C5' },
  { id: 'reservation', fiche: 'C6' },
  { id: 'insertion', fiche: 'C7' },
  { id: 'employment', fiche: 'C8' },
];

/** Les lots réservés. */
export const reservedLots = (answers: Answers): LotAnswers[] =>
  answers.levers.reservation ? answers.lots.filter((l) => l.reservation !== 'aucune') : [];

/**
 * Les lots qui portent la clause d'heures : condition d'exécution choisie ; hors obligation, les lots non réservés ;
 * quand l'obligation s'applique, tous les lots, réservés compris (voir l'en-tête).
 */
export function clauseLots(answers: Answers): LotAnswers[] {
  if (!answers.levers.condition) return [];
  if (obligationOf(answers).mandatory) return answers.lots;
  return answers.lots.filter((l) => !answers.levers.reservation || l.reservation === 'aucune');
}

/**
 * Les lots que la clause d'heures ne couvre pas alors que le marché en comporte une : les lots réservés, hors
 * obligation. La note de calibrage les énumère, le critère d'attribution les note sans volume minimal.
 */
export function lotsWithoutClause(answers: Answers): LotAnswers[] {
  const clause = clauseLots(answers);
  return clause.length === 0 ? [] : answers.lots.filter((l) => !clause.includes(l));
}

/** Le contrat est-il un contrat de concession ? L'assistant ne prépare que des marchés publics. */
export const isConcession = (answers: Answers) => answers.contract.contractType === 'concession';

/** La condition liée à l'emploi, sans volume d'heures, est-elle retenue ? */
export const hasEmploymentCondition = (answers: Answers) => !isConcession(answers) && answers.levers.employment;

/** Le marché comporte-t-il effectivement une condition d'exécution sociale (clause d'heures ou condition liée à l'emploi) ? */
export const hasSocialCondition = (answers: Answers) => clauseLots(answers).length > 0 || hasEmploymentCondition(answers);

/**
 * La condition liée à l'emploi est la seule condition sociale d'un marché soumis à l'obligation : qu'elle suffise à
 * remplir l'obligation de l'article L2112-2-1 est à vérifier (à dire au récapitulatif et sur la page de garde).
 */
export const employmentToVerify = (answers: Answers) =>
  hasEmploymentCondition(answers) && clauseLots(answers).length === 0 && obligationOf(answers).mandatory;

/** Les lots dont le volume d'heures calculé est très faible (moins de `LOW_VOLUME_HOURS`). */
export const lowVolumeLots = (answers: Answers): LotAnswers[] =>
  clauseLots(answers).filter((lot) => {
    const { hours } = lotCalibration(answers, lot);
    return hours !== null && hours > 0 && hours < LOW_VOLUME_HOURS;
  });

export const obligationOf = (answers: Answers): ObligationResult => obligation({ ...answers.contract });

/** Faut-il une note motivant l'absence de clause ? (obligation applicable, aucune condition d'exécution) */
export const needsDerogation = (answers: Answers) => obligationOf(answers).mandatory && !hasSocialCondition(answers);

/** Explications des combinaisons, affichées à l'étape des leviers (et reprises au récapitulatif). */
export function leverNotices(answers: Answers): string[] {
  const notices: string[] = [];
  const duty = obligationOf(answers);
  const reserved = reservedLots(answers);
  for (const lot of reserved) {
    const who = lot.reservation === 'siae' ? 'aux SIAE' : 'aux EA et ESAT';
    const name = `Le lot ${lot.number}${lot.name.trim() ? ` (${lot.name.trim()})` : ''} est réservé ${who}`;
    if (!duty.mandatory) {
      notices.push(`${name} : il ne porte pas, en plus, de clause d’heures ; ce choix est possible parce que la clause n’est pas obligatoire pour ce marché.`);
    } else if (answers.levers.condition) {
      notices.push(
        `${name} et garde la clause d’heures : la clause est obligatoire pour ce marché, et aucun texte consulté ne dit si une réservation suffit à remplir l’obligation (à vérifier).`,
      );
    }
  }
  if (reserved.length > 0 && reserved.length === answers.lots.length && answers.lots.length > 1) {
    notices.push('Tous les lots sont réservés : la réservation porte sur le marché entier.');
  }
  if (employmentToVerify(answers)) {
    notices.push(
      'La condition liée à l’emploi est une condition d’exécution sociale : aucune note d’exception n’est demandée. Mais aucune source consultée ne dit si une condition de cette forme, sans volume d’heures, suffit à remplir l’obligation de l’article L2112-2-1 : c’est à vérifier. Gardez au dossier les raisons qui écartent la clause d’heures.',
    );
  }
  if (duty.mandatory && !hasSocialCondition(answers)) {
    notices.push(
      'La clause est obligatoire pour ce marché et vous ne prévoyez pas de condition d’exécution sociale : l’assistant vous aidera à rédiger la note qui motive cette exception. Elle n’est possible que dans les cas prévus par la loi.',
    );
    if (answers.levers.criterion) {
      notices.push('Un critère d’attribution ne tient pas lieu de condition d’exécution : il ne suffit pas à satisfaire l’obligation.');
    }
    if (reserved.length > 0) {
      notices.push(
        'Aucun texte consulté ne dit si une réservation remplit l’obligation ou en dispense (à vérifier) : sans condition d’exécution, la note qui motive l’exception reste nécessaire, même pour les lots réservés.',
      );
    }
  }
  if (!answers.levers.employment && (answers.contract.kind === 'fournitures' || answers.contract.kind === 'prestations-intellectuelles')) {
    notices.push(
      'Pour des fournitures ou des prestations intellectuelles, un volume d’heures d’insertion convient souvent mal : la condition liée à l’emploi (accueil en alternance ou part du montant confiée à des structures inclusives, au choix du titulaire) peut en tenir lieu (fiche C8).',
    );
  } else if (!answers.levers.employment) {
    const low = lowVolumeLots(answers);
    if (low.length > 0) {
      const which = low.map((l) => l.number.trim() || '?');
      notices.push(
        `Le volume d’heures calculé est très faible (moins de ${LOW_VOLUME_HOURS} heures) pour ${which.length > 1 ? `les lots ${which.join(', ')}` : `le lot ${which[0]!}`} : la condition liée à l’emploi, sans volume d’heures (alternance ou achat auprès de structures inclusives), peut convenir mieux (fiche C8).`,
      );
    }
  }
  if (answers.levers.insertion && !answers.contract.socialServices && answers.contract.kind !== 'travaux' && answers.contract.kind !== 'fournitures') {
    notices.push(
      'Un marché d’insertion et de qualification professionnelle relève des services sociaux et autres services spécifiques (fiche C7) : si c’est l’objet de ce marché, cochez-le à l’étape « Le marché », car leur seuil européen est propre (750\u00a0000\u00a0€\u00a0HT, à confirmer).',
    );
  }
  if (answers.levers.insertion) {
    notices.push(
      'Le marché d’insertion et de qualification professionnelle ne se combine pas avec les autres leviers dans un même document : utilisez sa rédaction type, à adapter à votre besoin.',
    );
  }
  return notices;
}
