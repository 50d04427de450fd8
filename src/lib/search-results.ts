/**
 * Résultats de la recherche de l'en-tête, prêts à afficher : titre précédé du code de la fiche,
 * élisions recollées dans les extraits (voir search-text.ts), sections de la page qui contiennent les mots cherchés.
 */
import type { PagefindData } from './pagefind-client';
import { joinElisions } from './search-text';

export interface SearchResultView {
  url: string;
  title: string;
  /** Extrait en HTML (Pagefind l'échappe et y met les mots trouvés en <mark>). */
  excerpt: string;
  sections: { url: string; title: string; excerpt: string }[];
}

/** Nombre de sections affichées sous un résultat, comme l'interface de Pagefind. */
export const MAX_SECTIONS = 3;

export function resultView(data: PagefindData): SearchResultView {
  const title = data.meta.title ?? data.url;
  // Le titre de la page (h1, ancre « _top » de Starlight) n'est pas une section : il est déjà le titre du résultat.
  const sections = (data.sub_results ?? [])
    .filter((s) => s.url !== data.url && !s.url.endsWith('#_top'))
    .slice(0, MAX_SECTIONS)
    .map((s) => ({ url: s.url, title: joinElisions(s.title), excerpt: joinElisions(s.excerpt) }));
  return {
    url: data.url,
    title: data.meta.code ? `${data.meta.code} · ${title}` : title,
    excerpt: joinElisions(data.excerpt),
    sections,
  };
}

/** Phrase annoncée sous le champ (zone role="status"). */
export function statusText(count: number, query: string, shown: number): string {
  const what = ` pour «\u00a0${query.trim()}\u00a0»`;
  if (count === 0) return `Aucun résultat${what}.`;
  const total = `${count} résultat${count > 1 ? 's' : ''}${what}`;
  return count > shown ? `${total}, les ${shown} premiers ci-dessous.` : `${total}.`;
}
