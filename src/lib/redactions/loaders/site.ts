/**
 * Ce dont les pages de l'annexe ont besoin, en fonctions pures : libellés d'emplacement et de type de variable,
 * documents d'exemple et à compléter, fichiers Word du site. Utilisé par src/pages/redactions/.
 */
import { PLACEMENTS, type Variable } from '../core/schema';
import type { Draft } from '../core/schema';
import { render, renderBlank } from '../core/render';
import type { RenderedDocument } from '../core/document';
import { buildDocx, docxBytes } from '../adapters/docx';
import { lowerFirst } from '../../format';

const TYPE_LABELS: Record<Variable['type'], string> = {
  'amount-eur-ht': 'montant en euros HT',
  'amount-eur': 'montant en euros',
  percent: 'pourcentage',
  hours: 'nombre d’heures',
  integer: 'nombre entier',
  date: 'date',
  text: 'texte court',
  longtext: 'texte long',
  choice: 'choix unique',
  multichoice: 'choix multiple',
  lots: 'liste de lignes',
};

export const variableTypeLabel = (v: Variable) => TYPE_LABELS[v.type];

export const placementLabels = (draft: Draft) => draft.placement.map((p) => PLACEMENTS[p]);

/** Le document rempli avec l'exemple du fichier (validé au chargement : il ne peut pas échouer ici). */
export function exampleDocument(draft: Draft): RenderedDocument {
  const result = render(draft, draft.example);
  if (!result.ok) throw new Error(`${draft.file} : exemple invalide (${result.errors.map((e) => e.message).join(' ')})`);
  return result.document;
}

/** Les deux fichiers Word proposés sur chaque page : le modèle à compléter et l'exemple rempli. */
export const DOCX_VARIANTS = {
  modele: { suffix: '', label: 'Modèle à compléter', document: renderBlank },
  exemple: { suffix: '-exemple', label: 'Exemple rempli', document: exampleDocument },
} as const;
export type DocxVariant = keyof typeof DOCX_VARIANTS;

export const docxFileName = (draft: Draft, variant: DocxVariant) => `${draft.id}${DOCX_VARIANTS[variant].suffix}.docx`;

export async function draftDocxBytes(
  draft: Draft,
  variant: DocxVariant,
  referenceLabels: Record<string, string>,
  generatedAt: Date,
): Promise<Uint8Array> {
  const doc = DOCX_VARIANTS[variant].document(draft);
  const subject = `Rédaction type (${lowerFirst(DOCX_VARIANTS[variant].label)}) : ${draft.placement.map((p) => PLACEMENTS[p]).join(', ')}`;
  return docxBytes(buildDocx([doc], { referenceLabels, generatedAt, subject }));
}
