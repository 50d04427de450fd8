/**
 * Chargement de Pagefind dans le navigateur, partagé par la recherche de l'en-tête et la page /recherche/.
 * pagefind.js est produit avec l'index (src/integrations/search-index.ts) : il n'existe qu'une fois le site construit.
 */

/** Ce que renvoie `result.data()` : seuls les champs lus par le site. */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { url: string; title: string; excerpt: string }[];
}

export interface PagefindResponse {
  results: { data(): Promise<PagefindData> }[];
  filters: Record<string, Record<string, number>>;
}

/** L'API de pagefind.js : seules les fonctions utilisées par le site. */
export interface PagefindApi {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options?: object): Promise<PagefindResponse>;
}

let loading: Promise<PagefindApi> | undefined;

/** Charge pagefind.js une seule fois par page ; `base` est la base du site (« » ou « /recueil »). */
export function loadPagefind(base: string): Promise<PagefindApi> {
  return (loading ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${base}/pagefind/pagefind.js`)) as PagefindApi;
    // Sans web worker : pour un index de cette taille, le worker coûterait un script de plus (≈ 11 Ko) et son démarrage.
    await api.options({ baseUrl: `${base}/`, noWorker: true });
    return api;
  })());
}
