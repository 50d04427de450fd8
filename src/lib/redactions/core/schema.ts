/**
 * Schéma d'une rédaction type (content/redactions/<id>.yaml). Un seul schéma pour les neuf modèles :
 * identité, emplacement, références citées, variables typées, modèle de texte et jeu d'exemple.
 * Module pur (Zod seulement) : utilisable à la construction, dans les tests et dans le navigateur.
 */
import { z } from 'astro/zod';
import type { TemplateNode } from './template-ast';

const slugId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'attendu un identifiant en minuscules et tirets (ex. « avis-rc-clause »)');

/** Nom de variable utilisable dans le modèle : `{{montant_estime}}`. */
const variableName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'attendu un nom de variable en minuscules, chiffres et « _ » (ex. « montant_estime »)');

/** Où la rédaction s'insère dans les pièces du marché. */
export const PLACEMENTS = {
  avis: 'Avis de marché',
  rc: 'Règlement de la consultation (RC)',
  ccap: 'Cahier des clauses administratives particulières (CCAP)',
  cctp: 'Cahier des clauses techniques particulières (CCTP)',
  formulaire: 'Formulaire joint à l’offre',
  bilan: 'Document de fin d’exécution',
  dossier: 'Dossier de la procédure (pièce interne)',
} as const;
export type Placement = keyof typeof PLACEMENTS;
const placementIds = Object.keys(PLACEMENTS) as [Placement, ...Placement[]];

/** Une option d'une variable à choix. */
const optionSchema = z.object({
  /** Valeur stable, utilisée dans les conditions du modèle (`{{#if modalite == "embauche"}}`). */
  value: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'attendu une valeur d’option en minuscules et tirets'),
  /** Libellé court, affiché dans les formulaires. */
  label: z.string().min(1),
  /** Texte inséré dans le document, s'il diffère du libellé. */
  text: z.string().min(1).optional(),
});
export type ChoiceOption = z.output<typeof optionSchema>;

/** Champs communs à toutes les variables. */
const common = {
  /** Nom cité dans le modèle. */
  name: variableName,
  /** Libellé français affiché au rédacteur (« Montant estimé du marché »). */
  label: z.string().min(2),
  /** Aide en une ou deux phrases. */
  help: z.string().optional(),
  /** Obligatoire : sans réponse ni valeur par défaut, le rendu signale une erreur. Sinon un repère « […] » apparaît. */
  required: z.boolean().default(false),
  /** Texte du repère affiché quand la valeur manque (par défaut : le libellé en minuscules). */
  placeholder: z.string().min(1).optional(),
};

const numberBounds = {
  /** Valeur minimale admise (incluse). */
  min: z.number().optional(),
  /** Valeur maximale admise (incluse). */
  max: z.number().optional(),
};

const amountVar = z.object({ ...common, ...numberBounds, type: z.literal('amount-eur-ht'), default: z.number().optional() });
/** Somme en euros hors champ de la TVA (pénalité, coût horaire). */
const euroVar = z.object({ ...common, ...numberBounds, type: z.literal('amount-eur'), default: z.number().optional() });
const percentVar = z.object({ ...common, ...numberBounds, type: z.literal('percent'), default: z.number().optional() });
const hoursVar = z.object({ ...common, ...numberBounds, type: z.literal('hours'), default: z.number().optional() });
const integerVar = z.object({ ...common, ...numberBounds, type: z.literal('integer'), default: z.number().int().optional() });
const dateVar = z.object({
  ...common,
  type: z.literal('date'),
  default: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'attendu une date au format AAAA-MM-JJ').optional(),
});
const textVar = z.object({ ...common, type: z.literal('text'), default: z.string().optional() });
const longtextVar = z.object({ ...common, type: z.literal('longtext'), default: z.string().optional() });
const choiceVar = z.object({
  ...common,
  type: z.literal('choice'),
  options: z.array(optionSchema).min(2, 'au moins deux options'),
  default: z.string().optional(),
});
const multichoiceVar = z.object({
  ...common,
  type: z.literal('multichoice'),
  options: z.array(optionSchema).min(2, 'au moins deux options'),
  /** Nombre minimal d'options à cocher quand la variable est renseignée (ex. 2 pour ne jamais imposer une modalité unique). */
  minItems: z.number().int().min(1).optional(),
  default: z.array(z.string()).optional(),
});

const SCALAR_TYPES = 'amount-eur-ht, amount-eur, percent, hours, integer, date, text, longtext, choice, multichoice';

/** Variables simples, admises aussi comme champs d'un lot. */
const scalarVariable = z.discriminatedUnion('type', [
  amountVar,
  euroVar,
  percentVar,
  hoursVar,
  integerVar,
  dateVar,
  textVar,
  longtextVar,
  choiceVar,
  multichoiceVar,
], { error: `attendu un type de variable admis dans un lot (${SCALAR_TYPES})` });
export type ScalarVariable = z.output<typeof scalarVariable>;

/** Liste de lots, chacun avec ses propres champs ; se parcourt avec `{{#each nom}}…{{/each}}`. */
const lotsVar = z.object({
  ...common,
  type: z.literal('lots'),
  /** Champs de chaque lot. */
  fields: z.array(scalarVariable).min(1, 'un lot doit avoir au moins un champ'),
  /** Nombre minimal de lots (1 si la variable est obligatoire). */
  minItems: z.number().int().min(0).optional(),
});
export type LotsVariable = z.output<typeof lotsVar>;

export const variableSchema = z.discriminatedUnion('type', [...scalarVariable.options, lotsVar], {
  error: `attendu un type de variable connu (${SCALAR_TYPES}, lots)`,
});
export type Variable = z.output<typeof variableSchema>;
export type VariableType = Variable['type'];

/** Le fichier YAML d'une rédaction type, tel qu'il est écrit. */
export const draftFileSchema = z
  .object({
    /** Identifiant, identique au nom du fichier. */
    id: slugId,
    /** Titre affiché sur le site et en tête du document Word. */
    title: z.string().min(5),
    /** Titre court, pour la navigation latérale et l'assistant (« Article du CCAP »). */
    shortTitle: z.string().min(3).max(40),
    /** À quoi sert la rédaction, en une ou deux phrases (sert aussi de description de page). */
    purpose: z.string().min(20),
    /** Pièces du marché où elle s'insère. */
    placement: z.array(z.enum(placementIds)).min(1),
    /** Précision sur l'emplacement (« article du CCAP consacré à l'exécution »). */
    placementNote: z.string().optional(),
    /** Références juridiques citées (ids de content/references.yaml). */
    references: z.array(slugId).min(1),
    /** Code de la fiche qui explique la rédaction. */
    fiche: z.string().regex(/^[A-E][1-9]$/, 'attendu un code de fiche (ex. « C4 »)'),
    /** Date de la dernière mise à jour du texte (AAAA-MM-JJ), affichée sur la page de l'annexe. */
    updated: z
      .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'attendu une date de mise à jour au format AAAA-MM-JJ')], { error: 'attendu une date de mise à jour au format AAAA-MM-JJ' })
      .pipe(z.coerce.date()),
    /**
     * Variable qui numérote les articles (`## …`) : « 9 » donne 9.1, 9.2… ; « 7.3 » donne 7.3.1… ; vide : 1., 2.…
     * Le numéro est écrit en texte, pour survivre au copier-coller dans le fichier de l'acheteur.
     */
    articleNumber: variableName.optional(),
    /**
     * Numéroter les articles (`## …`) ; `false` pour un texte collé dans une pièce dont l'acheteur a sa propre
     * numérotation (avis, règlement de la consultation) : les titres restent, sans numéro.
     */
    numberArticles: z.boolean().default(true),
    /** Conseils d'emploi affichés sur la page (pas dans le texte à copier). */
    notes: z.array(z.string().min(5)).default([]),
    /** Variables typées du modèle. */
    variables: z.array(variableSchema),
    /** Le texte, dans le petit langage décrit dans src/lib/redactions/core/template.ts. */
    template: z.string().min(10),
    /** Jeu complet de réponses d'exemple, rendu sur le site et dans le Word téléchargeable. */
    example: z.record(z.string(), z.unknown()),
  })
  .superRefine((draft, ctx) => {
    if (draft.articleNumber && !draft.variables.some((v) => v.name === draft.articleNumber && v.type === 'text')) {
      ctx.addIssue({ code: 'custom', path: ['articleNumber'], message: `attendu le nom d’une variable de type text déclarée dans variables, trouvé « ${draft.articleNumber} »` });
    }
    const seen = new Set<string>();
    draft.variables.forEach((v, i) => {
      const names = [v.name, ...(v.type === 'lots' ? v.fields.map((f) => f.name) : [])];
      for (const name of names) {
        if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['variables', i, 'name'], message: `attendu des noms de variables uniques, trouvé « ${name} » deux fois` });
        seen.add(name);
      }
      for (const field of [v, ...(v.type === 'lots' ? v.fields : [])]) {
        if ((field.type === 'choice' || field.type === 'multichoice') && new Set(field.options.map((o) => o.value)).size !== field.options.length) {
          ctx.addIssue({ code: 'custom', path: ['variables', i, 'options'], message: `attendu des valeurs d’options uniques dans « ${field.name} », trouvé des doublons` });
        }
      }
    });
  });

export type DraftFile = z.output<typeof draftFileSchema>;

/** Une rédaction type chargée (`loaders/load.ts`) : le fichier validé, typographie appliquée, et son modèle compilé. */
export interface Draft extends DraftFile {
  /** Chemin du fichier source, pour les messages. */
  file: string;
  nodes: TemplateNode[];
}
