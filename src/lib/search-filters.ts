/** Types de page proposés comme filtre de recherche. */
export const PAGE_TYPES = { fiche: 'Fiche', redaction: 'Rédaction type', glossaire: 'Glossaire', autre: 'Autre page' } as const;

/** Le type d'une page, d'après son frontmatter et son adresse. */
export function pageType(data: { code?: string | undefined; kind?: string | undefined }, path: string): string {
  if (data.code) return PAGE_TYPES.fiche;
  if (data.kind === 'redaction' || /\/redactions\/[^/]+\/$/.test(path)) return PAGE_TYPES.redaction;
  if (data.kind === 'glossaire') return PAGE_TYPES.glossaire;
  return PAGE_TYPES.autre;
}

/** Filtres de la page de recherche : nom Pagefind, libellé affiché, paramètre d'URL. */
export const FILTERS = [
  { key: 'type', label: 'Type de page', param: 'type' },
  { key: 'thème', label: 'Thème', param: 'theme' },
  { key: 'public', label: 'Public', param: 'public' },
] as const;
