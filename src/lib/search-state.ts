/** État de la page de recherche et sa forme dans l'URL (?q=…&theme=…&public=…&type=…). */
export interface SearchState { query: string; filters: Record<string, string[]> }
interface FilterDef { key: string; param: string }

export function readSearchState(href: string, defs: readonly FilterDef[]): SearchState {
  const params = new URL(href).searchParams;
  return {
    query: params.get('q') ?? '',
    filters: Object.fromEntries(defs.map((d) => [d.key, params.getAll(d.param).filter(Boolean)])),
  };
}

export function writeSearchState(href: string, state: SearchState, defs: readonly FilterDef[]): string {
  const url = new URL(href);
  url.search = '';
  if (state.query.trim()) url.searchParams.set('q', state.query.trim());
  for (const d of defs) for (const value of state.filters[d.key] ?? []) url.searchParams.append(d.param, value);
  return url.href;
}
