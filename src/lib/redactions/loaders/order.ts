/** Ordre de présentation des rédactions types dans l'annexe (celui du plan). Un fichier absent de la liste vient à la fin. */
export const DRAFT_ORDER = [
  'dossier-clause-sociale',
  'avis-rc-clause',
  'ccap-condition-execution',
  'ccap-condition-emploi',
  'avis-rc-condition-emploi',
  'rc-critere-insertion',
  'reserve-siae',
  'reserve-ea-esat',
  'marche-insertion',
  'engagement-entreprise',
  'note-calibrage',
  'bilan-execution',
  'justification-derogation',
] as const;

export function draftRank(id: string): number {
  const i = (DRAFT_ORDER as readonly string[]).indexOf(id);
  return i < 0 ? DRAFT_ORDER.length : i;
}
