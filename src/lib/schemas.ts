/**
 * Schémas Zod du contenu : références juridiques, glossaire, frontmatter des pages.
 * Module pur, sans dépendance à Astro au-delà de Zod, testé sans construire le site.
 * Les identifiants connus (références, fiches, rédactions) sont passés en paramètre
 * pour que chaque citation inconnue échoue avec un message qui nomme le champ.
 */
import { z } from 'astro/zod';
import { AUDIENCE_IDS, THEME_CODES } from './themes';
import { frenchTypography } from './typography';

/** Texte affiché : la typographie française est appliquée à la lecture du contenu. */
const displayText = (min = 1) => z.string().min(min).transform(frenchTypography);

const slugId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'attendu un identifiant en minuscules et tirets (ex. « ccp-l2113-13 »)');

/** Une date AAAA-MM-JJ (le YAML la donne en texte, le frontmatter d'Astro parfois déjà en date). */
const isoDate = z
  .union(
    [
      z.date(),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'attendu une date au format AAAA-MM-JJ', abort: true })
        // « 2026-02-30 » deviendrait le 2 mars sans rien dire : le jour doit exister dans le mois.
        .refine((text) => !Number.isNaN(Date.parse(text)) && new Date(text).toISOString().startsWith(text), 'attendu une date qui existe (jour du mois)'),
    ],
    { error: 'attendu une date au format AAAA-MM-JJ' },
  )
  .pipe(z.coerce.date());

/** Une référence juridique : article de code, loi, décret, directive, arrêt ou plan. */
export const referenceSchema = z
  .object({
    /** Identifiant stable cité par les fiches et les rédactions types. */
    id: slugId,
    /** Libellé court affiché (« CCP, art. L2113-13 »). */
    label: displayText(3),
    /** Ce que dit le texte, en une ligne. */
    summary: displayText(10),
    /** Statut du texte à la date de la dernière revue. */
    status: z.enum(['en-vigueur', 'a-venir', 'abroge']),
    /** Date d'entrée en vigueur, si elle est utile au lecteur. */
    since: isoDate.optional(),
    /** Lien vers le texte (Légifrance, EUR-Lex…). */
    url: z.url({ error: 'attendu une URL absolue (https://…)' }),
    /** Précision facultative. */
    note: displayText().optional(),
  })
  .refine((r) => r.status !== 'a-venir' || r.since, {
    error: 'Une référence « a-venir » doit indiquer sa date d’entrée en vigueur (since).',
    path: ['since'],
  });
export type LegalReference = z.output<typeof referenceSchema>;

/** Un terme du glossaire. */
export const glossarySchema = z.object({
  /** Identifiant (minuscules, tirets), utilisé comme ancre de la page Glossaire. */
  id: slugId,
  /** Le terme tel qu'il s'écrit dans le texte (« SIAE », « France Travail »). */
  term: z.string().min(1),
  /** Forme développée d'un sigle, s'il y a lieu. */
  expansion: displayText().optional(),
  /** Définition en une ou deux phrases. */
  definition: displayText(10),
  /** Fiche qui en parle le mieux (code). */
  fiche: z.string().regex(/^[A-E][1-9]$/).optional(),
  /** Autres graphies reconnues dans le texte (pluriel, variante). */
  aliases: z.array(z.string()).default([]),
});
export type GlossaryTerm = z.output<typeof glossarySchema>;

export interface KnownIds {
  references: ReadonlySet<string>;
  fiches: ReadonlySet<string>;
  redactions: ReadonlySet<string>;
}

function idsIn(known: ReadonlySet<string>, what: string, hint: string) {
  return (ids: string[], ctx: z.RefinementCtx) => {
    ids.forEach((id, index) => {
      if (!known.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `${what} inconnue : « ${id} ». ${hint}`,
        });
      }
    });
  };
}

/**
 * Champs propres aux pages du recueil, ajoutés au schéma de Starlight.
 * Une page est une fiche dès qu'elle porte un `code` ; tous les champs de fiche deviennent alors obligatoires.
 */
export function pageFields(known: KnownIds) {
  return z
    .object({
      /** Titre de la page. */
      title: displayText(),
      /** Description d'une phrase, affichée dans les listes, la recherche et la balise meta. */
      description: displayText().optional(),
      /** Code de la fiche (A1…E5). Sa présence fait de la page une fiche. */
      code: z.string().regex(/^[A-E][1-9]$/, 'attendu un code de fiche : une lettre de A à E suivie d’un chiffre (ex. « C4 »)').optional(),
      /** Thème de la fiche (A à E), identique à la lettre du code. */
      theme: z.enum(THEME_CODES).optional(),
      /** Publics à qui la fiche s'adresse. */
      audiences: z.array(z.enum(AUDIENCE_IDS)).optional(),
      /** Références juridiques citées (ids de content/references.yaml). */
      references: z
        .array(z.string())
        .superRefine(idsIn(known.references, 'Référence juridique', 'Ajoutez-la à content/references.yaml ou corrigez l’identifiant.'))
        .optional(),
      /** Fiches liées (codes). */
      related: z
        .array(z.string())
        .superRefine(idsIn(known.fiches, 'Fiche', 'Les codes existants sont ceux des fichiers src/content/docs/fiches/*.mdx.'))
        .optional(),
      /** Rédactions types associées (ids de content/redactions/). */
      redactions: z
        .array(z.string())
        .superRefine(idsIn(known.redactions, 'Rédaction type', 'Les identifiants existants sont les noms des fichiers de content/redactions/.'))
        .optional(),
      /** Date de la dernière revue du contenu. */
      updated: isoDate.optional(),
      /** Mots-clés supplémentaires pour la recherche (synonymes, formes que le texte n'emploie pas). */
      keywords: z.array(z.string()).optional(),
      /** Nature de la page, pour les filtres de recherche. */
      kind: z.enum(['fiche', 'theme', 'redaction', 'glossaire', 'autre']).optional(),
    })
    .superRefine((page, ctx) => {
      if (!page.code) return;
      const required = ['theme', 'audiences', 'references', 'related', 'redactions', 'updated'] as const;
      for (const field of required) {
        if (page[field] === undefined) {
          ctx.addIssue({ code: 'custom', path: [field], message: `Champ obligatoire pour une fiche : « ${field} ».` });
        }
      }
      if (page.theme && page.code[0] !== page.theme) {
        ctx.addIssue({
          code: 'custom',
          path: ['theme'],
          message: `Le thème « ${page.theme} » ne correspond pas au code « ${page.code} » (attendu : « ${page.code.charAt(0)} »).`,
        });
      }
      if (page.audiences && page.audiences.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['audiences'], message: 'Indiquez au moins un public.' });
      }
      if (page.related?.includes(page.code)) {
        ctx.addIssue({ code: 'custom', path: ['related'], message: 'Une fiche ne peut pas se citer elle-même.' });
      }
    });
}

/**
 * Une entrée de l'historique du recueil (content/changes.yaml) : ce qui a changé, quand et pourquoi,
 * avec les fiches et les rédactions types concernées. Seule source de la page « Nouveautés », de son flux
 * Atom et de l'historique affiché sur chaque fiche et chaque rédaction type.
 */
export function changeSchema(known: Pick<KnownIds, 'fiches' | 'redactions'>) {
  return z.object({
    /** Identifiant stable (minuscules, tirets) : ancre de la page Nouveautés et identifiant de l'entrée du flux. */
    id: slugId,
    /** Date de la modification publiée (AAAA-MM-JJ). */
    date: isoDate,
    /** Titre court de la nouveauté. */
    title: displayText(5),
    /** Ce qui a changé, en une ou deux phrases. */
    what: displayText(10),
    /** Pourquoi : texte nouveau, vérification, demande des lecteurs… */
    why: displayText(10),
    /** Fiches concernées (codes). */
    fiches: z
      .array(z.string())
      .superRefine(idsIn(known.fiches, 'Fiche', 'Les codes existants sont ceux des fichiers src/content/docs/fiches/*.mdx.'))
      .default([]),
    /** Rédactions types concernées (ids de content/redactions/). */
    drafts: z
      .array(z.string())
      .superRefine(idsIn(known.redactions, 'Rédaction type', 'Les identifiants existants sont les noms des fichiers de content/redactions/.'))
      .default([]),
  });
}
export type Change = z.output<ReturnType<typeof changeSchema>>;

