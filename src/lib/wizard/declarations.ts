/**
 * Ce que les choix de l'assistant veulent dire pour les données que l'acheteur publie :
 * - les données essentielles de la commande publique (DECP, schéma version 2) : le champ `considerationsSociales`
 *   prend une ou plusieurs valeurs de sa liste fermée (« Clause sociale », « Critère social », « Marché réservé »,
 *   « Pas de considération sociale ») ; un accord-cadre se déclare aussi par `techniques` (« Accord-cadre ») et
 *   `modalitesExecution` (« Bons de commande ») ;
 * - l'avis européen au format eForms : le champ BT-06-Lot (« Strategic Procurement ») et le champ BT-775-Lot
 *   (« Social Procurement »), dont la valeur se choisit dans la liste de codes `social-objective`.
 * Une fonction pure ; le récapitulatif ne fait que l'afficher. Les valeurs citées entre guillemets sont celles du
 * schéma lu (voir les références `decp-schema-v2` et `eforms-social-objective`) ; ce qui n'a pas été lu est dit « à vérifier ».
 */
import type { Answers } from './model';
import type { WizardTexts } from './texts';
import { hasSocialCondition, isConcession, obligationOf, reservedLots } from './levers';

export interface Declaration {
  /** Le registre et le champ (« DECP, considerationsSociales »). */
  field: string;
  /** Les valeurs à déclarer, telles qu'elles s'écrivent dans le schéma. */
  values: string[];
  /** Pourquoi, en une phrase. */
  explanation: string;
  /** Références (content/references.yaml). */
  sources: string[];
}

/** Les valeurs de `considerationsSociales` permises par le schéma des DECP (version 2). */
export const DECP_SOCIAL_VALUES = ['Clause sociale', 'Critère social', 'Marché réservé', 'Pas de considération sociale'] as const;

/** Les déclarations qui découlent des réponses (aucune pour une concession, que l'assistant ne prépare pas). */
export function declarations(answers: Answers, texts: WizardTexts['declarations']): Declaration[] {
  if (isConcession(answers)) return [];
  const out: Declaration[] = [];
  // Clause d'heures ou condition liée à l'emploi (sans heures) : toutes deux sont des clauses sociales d'exécution.
  const clause = hasSocialCondition(answers);
  const criterion = answers.levers.criterion;
  const reserved = reservedLots(answers).length > 0;
  const values: string[] = [];
  if (clause) values.push(DECP_SOCIAL_VALUES[0]);
  if (criterion) values.push(DECP_SOCIAL_VALUES[1]);
  if (reserved) values.push(DECP_SOCIAL_VALUES[2]);
  if (values.length === 0) values.push(DECP_SOCIAL_VALUES[3]);
  out.push({
    field: texts.decp.field,
    values,
    explanation: values[0] === DECP_SOCIAL_VALUES[3] ? texts.decp.none : texts.decp.some,
    sources: ['decp-schema-v2'],
  });
  if (answers.contract.framework !== 'non') {
    out.push({
      field: texts.framework.field,
      values: ['Accord-cadre', 'Bons de commande'],
      explanation: texts.framework.explanation,
      sources: ['decp-schema-v2'],
    });
  }
  const duty = obligationOf(answers);
  const european = duty.threshold !== undefined && duty.value !== undefined && duty.value >= duty.threshold.amount;
  if (european && (clause || criterion || reserved)) {
    out.push({
      field: texts.eforms.field,
      values: texts.eforms.values,
      explanation: texts.eforms.explanation,
      sources: ['eforms-social-objective'],
    });
  }
  return out;
}
