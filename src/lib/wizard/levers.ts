/**
 * Les leviers juridiques proposés par l'assistant et les règles qui les combinent :
 * - un lot réservé (SIAE ou EA-ESAT) remplace la clause d'heures sur ce lot, il ne s'y ajoute pas ;
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

/** Les lots qui portent la clause d'heures : condition d'exécution choisie, lot non réservé. */
export function clauseLots(answers: Answers): LotAnswers[] {
  if (!answers.levers.condition) return [];
  return answers.lots.filter((l) => !answers.levers.reservation || l.reservation === 'aucune');
}

/** Le marché comporte-t-il effectivement une condition d'exécution sociale ? */
export const hasSocialCondition = (answers: Answers) => clauseLots(answers).length > 0;

export const obligationOf = (answers: Answers): ObligationResult =>
  obligation({ ...answers.contract, contractType: 'marche' });

/** Faut-il une note motivant l'absence de clause ? (obligation applicable, aucune condition d'exécution) */
export const needsDerogation = (answers: Answers) => obligationOf(answers).mandatory && !hasSocialCondition(answers);

/** Explications des combinaisons, affichées à l'étape des leviers (et reprises au récapitulatif). */
export function leverNotices(answers: Answers): string[] {
  const notices: string[] = [];
  const duty = obligationOf(answers);
  const reserved = reservedLots(answers);
  for (const lot of reserved) {
    const who = lot.reservation === 'siae' ? 'aux SIAE' : 'aux EA et ESAT';
    notices.push(
      `Le lot ${lot.number}${lot.name.trim() ? ` (${lot.name.trim()})` : ''} est réservé ${who} : il ne porte pas de clause d’heures, car la réservation la remplace sur ce lot.`,
    );
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
        'Un marché réservé relève peut-être de l’une des exceptions prévues par la loi : vérifiez le texte en vigueur sur Légifrance et citez-le dans la note.',
      );
    }
  }
  if (answers.levers.insertion) {
    notices.push(
      'Le marché d’insertion et de qualification professionnelle ne se combine pas avec les autres leviers dans un même document : utilisez sa rédaction type, à adapter à votre besoin.',
    );
  }
  return notices;
}
