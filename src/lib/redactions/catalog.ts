/**
 * Les rédactions types du recueil, lues dans content/redactions/*.yaml par Vite (à la construction,
 * dans les tests et dans le navigateur pour l'assistant). Un fichier cassé fait échouer l'import.
 */
import { parseDraft, type Draft } from './load';

/** Ordre de présentation dans l'annexe (celui du plan). Un fichier absent de cette liste vient à la fin. */
export const DRAFT_ORDER = [
  'avis-rc-clause',
  'ccap-condition-execution',
  'rc-critere-insertion',
  'reserve-siae',
  'reserve-ea-esat',
  'marche-insertion',
  'engagement-entreprise',
  'bilan-execution',
  'justification-derogation',
] as const;

const sources = import.meta.glob('/content/redactions/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const rank = (id: string) => {
  const i = (DRAFT_ORDER as readonly string[]).indexOf(id);
  return i < 0 ? DRAFT_ORDER.length : i;
};

export const drafts: Draft[] = Object.entries(sources)
  .filter(([path]) => !/\/_[^/]*$/.test(path))
  .map(([path, source]) => parseDraft(source, path.replace(/^\//, '')))
  .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));

export function draftById(id: string): Draft {
  const draft = drafts.find((d) => d.id === id);
  if (!draft) throw new Error(`Rédaction type inconnue : « ${id} » (existantes : ${drafts.map((d) => d.id).join(', ')}).`);
  return draft;
}
