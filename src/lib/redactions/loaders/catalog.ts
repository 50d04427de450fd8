/**
 * Les rédactions types du recueil : le seul lecteur de content/redactions/*.yaml. Chaque fichier est validé et
 * compilé par `parseDraft` ; un fichier cassé fait échouer l'import, donc la construction, au format d'erreur commun.
 * Lu par Vite (`import.meta.glob`) : à la construction (configuration, collections, pages) et dans les tests ;
 * jamais dans le navigateur (l'assistant reçoit des données déjà compilées, voir wizard/catalog-data.ts).
 */
import type { Draft } from '../core/schema';
import { parseDraft } from './load';
import { draftRank } from './order';

export { DRAFT_ORDER } from './order';

// Un fichier dont le nom commence par « _ » est ignoré (brouillon de travail).
const sources = import.meta.glob('/content/redactions/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const drafts: Draft[] = Object.entries(sources)
  .filter(([path]) => !/\/_[^/]*$/.test(path))
  .map(([path, source]) => parseDraft(source, path.replace(/^\//, '')))
  .sort((a, b) => draftRank(a.id) - draftRank(b.id) || a.id.localeCompare(b.id));

/** Les identifiants, dans l'ordre de l'annexe. */
export const draftIds: readonly string[] = drafts.map((d) => d.id);

/** Titre de chaque rédaction type, par identifiant (parcours de lecture, recueil complet). */
export const draftTitles: ReadonlyMap<string, string> = new Map(drafts.map((d) => [d.id, d.title]));

export function draftById(id: string): Draft {
  const draft = drafts.find((d) => d.id === id);
  if (!draft) throw new Error(`Rédaction type inconnue : « ${id} » (existantes : ${draftIds.join(', ')}).`);
  return draft;
}
