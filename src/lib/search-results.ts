/**
 * Résultats de la recherche de l'en-tête, prêts à afficher : titre précédé du code de la fiche,
 * élisions recollées dans les extraits (voir search-text.ts), sections de la page qui contiennent les mots cherchés.
 */
import type { PagefindData } from './pagefind-client';
import { escapeHtml } from './escape-html';
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


/** Les sections de la page (hors titre de la page, ancre « _top » de Starlight) qui contiennent les mots cherchés. */
const pageSections = (data: PagefindData) => (data.sub_results ?? []).filter((s) => s.url !== data.url && !s.url.endsWith('#_top'));

/**
 * L'extrait à montrer sous une page trouvée. Celui de la page entière tombe souvent sur les mots-clés cachés qui
 * pondèrent la recherche (SearchMeta.astro : code, titre, synonymes) et se lit comme une liste de mots ; celui de la
 * première section qui contient les mots cherchés est une vraie phrase. Faute de section, l'extrait de la page.
 */
export function bestExcerpt(data: PagefindData): string {
  return joinElisions(pageSections(data)[0]?.excerpt ?? data.excerpt);
}

export function resultView(data: PagefindData): SearchResultView {
  const title = data.meta.title ?? data.url;
  // Le titre de la page (h1, ancre « _top » de Starlight) n'est pas une section : il est déjà le titre du résultat.
  const sections = pageSections(data)
    .slice(0, MAX_SECTIONS)
    .map((s) => ({ url: s.url, title: joinElisions(s.title), excerpt: joinElisions(s.excerpt) }));
  return {
    url: data.url,
    title: data.meta.code ? `${data.meta.code} · ${title}` : title,
    // Sous le titre, la description de la fiche (du texte, échappé) ; les sections en dessous montrent les mots trouvés.
    excerpt: data.meta.description ? escapeHtml(data.meta.description) : bestExcerpt(data),
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
