/**
 * La copie hors ligne du recueil : ce que le service worker met en cache à la première visite (tout le site
 * construit, sauf ce qu'aucune page ne charge) et la taille qu'elle ne doit pas dépasser. Lu par l'intégration qui
 * génère le service worker (src/integrations/offline.ts) et par la page « Données personnelles », qui annonce
 * cette taille au lecteur.
 */

/** Plafond de la copie hors ligne, en mégaoctets (10^6 octets) : la construction échoue au-delà. */
export const OFFLINE_COPY_MAX_MB = 8;

/** Nom du fichier du service worker, à la racine du site (sa portée est la base du site). */
export const SERVICE_WORKER_FILE = 'sw.js';

/** Le message « Nouvelle version disponible », chargé seulement quand une mise à jour attend (dans public/). */
export const UPDATE_PROMPT_FILE = 'offline-update.js';

/** Fichiers mis en cache, relatifs à dist/ : pages, scripts, styles, index de recherche, documents Word de l'annexe. */
export const PRECACHE_GLOBS = ['**/*.{html,js,css,svg,ico,png,woff2,json,docx,pagefind,pf_meta,pf_index,pf_fragment,pf_filter}'];

/**
 * Fichiers produits mais chargés par aucune page : les interfaces de Pagefind et son web worker, que le site n'utilise
 * pas (il charge pagefind.js seul, dans l'en-tête comme sur /recherche/, src/lib/pagefind-client.ts), le moteur des
 * pages sans langue (l'index est tout en français), les plans de site XML, le service worker lui-même.
 */
export const PRECACHE_IGNORES = [
  SERVICE_WORKER_FILE,
  'pagefind/pagefind-ui.*',
  'pagefind/pagefind-component-ui.*',
  'pagefind/pagefind-modular-ui.*',
  'pagefind/pagefind-highlight.js',
  'pagefind/pagefind-worker.js',
  'pagefind/wasm.unknown.pagefind',
  'sitemap-*.xml',
];

/** Les noms de fichiers d'Astro (`_astro/…`) portent déjà l'empreinte de leur contenu : pas de révision à ajouter. */
export const HASHED_FILES = /^_astro\//;

/** « 6,4 Mo » : une taille en mégaoctets, à la française. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: 1 })}\u00a0Mo`;
}
