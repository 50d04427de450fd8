/**
 * Les rédactions types du recueil, lues dans content/redactions/*.yaml par Vite (à la construction,
 * dans les tests et dans le navigateur pour l'assistant). Un fichier cassé fait échouer l'import.
 */
import { parseDraft, type Draft } from './load';
import { draftRank } from './order';

export { DRAFT_ORDER } from './order';

const sources = import.meta.glob<string>('/content/redactions/*.yaml', { query: '?raw', import: 'default', eager: true });

export const drafts: Draft[] = Object.entries(sources)
  .filter(([path]) => !/\/_[^/]*$/.test(path))
  .map(([path, source]) => parseDraft(source, path.replace(/^\//, '')))
  .sort((a, b) => draftRank(a.id) - draftRank(b.id) || a.id.localeCompare(b.id));

export function draftById(id: string): Draft {
  const draft = drafts.find((d) => d.id === id);
  if (!draft) throw new Error(`Rédaction type inconnue : « ${id} » (existantes : ${drafts.map((d) => d.id).join(', ')}).`);
  return draft;
}
