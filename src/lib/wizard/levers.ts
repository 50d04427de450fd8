/**
 * Les leviers juridiques proposés par l'assistant et les règles qui les combinent :
 * - hors obligation, un lot réservé (SIAE ou EA-ESAT) ne porte pas, en plus, la clause d'heures ;
 * - quand l'obligation s'applique, le lot réservé garde la clause d'heures : aucun texte consulté ne dit si une
 *   réservation remplit l'obligation (ou en dispense), l'assistant ne produit donc jamais un dossier sans condition
 *   d'exécution ni note d'exception sur un marché soumis à l'obligation ;
 * - un critère d'attribution ne remplace pas la condition d'exécution quand elle est obligatoire ;
 * - le marché d'insertion est un achat d'une autre nature : l'assistant renvoie à sa rédaction type.
 */
import type { Answers, LotAnswers } from './model';
import { obligation, type ObligationResult } from './obligation';

export type LeverId = keyof Answers['levers'];

/** Les leviers, dans l'ordre de présentation, avec la fiche qui explique chacun (libellés : texts.ts). */
export const LEVERS: { id: LeverId; fiche: string }[] = [
  { id: 'condition', fiche: 'C4' },
  { id: 'criterion', fiche: 'C5' },
  { id: 'reservation', fiche: 'C6' },
  { id: 'insertion', fiche: 'C7' },
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

/** Le contrat est-il un contrat de concession ? L'assistant ne prépare que des marchés publics. */
export const isConcession = (answers: Answers) => answers.contract.contractType === 'concession';

/** Le marché comporte-t-il effectivement une condition d'exécution sociale ? */
export const hasSocialCondition = (answers: Answers) => clauseLots(answers).length > 0;

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
  if (duty.mandatory && !answers.levers.condition) {
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
