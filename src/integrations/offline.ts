/**
 * Le recueil hors ligne : après la construction (et après l'index de recherche, qu'il doit inclure), génère avec
 * Workbox un service worker qui met tout le site en cache à la première visite (src/lib/offline.ts dit quoi).
 *
 * Choix :
 * - `inlineWorkboxRuntime` : Workbox est copié dans sw.js, jamais chargé d'un autre site (ni d'un CDN) ;
 * - les adresses du manifeste sont relatives à sw.js, placé à la racine du site : sous BASE_PATH=/recueil/, le
 *   cache couvre /recueil/… sans autre réglage ;
 * - `/fiches/a1/` est servi par `fiches/a1/index.html` (`directoryIndex`), et les paramètres d'adresse sont ignorés
 *   (`?etape=…` de l'assistant, `?q=…` de la recherche, `?ts=…` de Pagefind) : ils ne sont lus que par les pages ;
 * - pas de `skipWaiting` : une nouvelle version attend que le lecteur accepte de recharger (message « Nouvelle
 *   version disponible », src/components/OfflineUpdate.astro, qui envoie SKIP_WAITING) ; `clientsClaim` : la page
 *   de la première visite est servie hors ligne elle aussi (le module Word de l'assistant, chargé au clic) ;
 * - une page absente du cache est demandée au réseau ; hors ligne, la page 404 du site répond.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { HASHED_FILES, OFFLINE_COPY_MAX_MB, PRECACHE_GLOBS, PRECACHE_IGNORES, SERVICE_WORKER_FILE, formatMegabytes } from '../lib/offline';

/** Écrit sw.js pour le site construit dans `root` ; renvoie le nombre de fichiers mis en cache et leur poids. */
export async function writeServiceWorker(root: string): Promise<{ count: number; size: number }> {
  const { count, size, warnings } = await generateSW({
    swDest: join(root, SERVICE_WORKER_FILE),
    globDirectory: root,
    globPatterns: PRECACHE_GLOBS,
    globIgnores: PRECACHE_IGNORES,
    dontCacheBustURLsMatching: HASHED_FILES,
    // La page « Recueil complet » dépasse 700 Ko : rien ne doit être écarté en silence (voir les avertissements).
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/./],
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    cacheId: 'recueil',
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: false,
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: '404.html' } },
      },
    ],
  });
  if (warnings.length) throw new Error(`Service worker : ${warnings.join(' ; ')}`);
  if (size > OFFLINE_COPY_MAX_MB * 1e6) {
    throw new Error(`La copie hors ligne pèse ${formatMegabytes(size)}, au-delà du plafond de ${OFFLINE_COPY_MAX_MB} Mo (src/lib/offline.ts) annoncé sur la page « Données personnelles ».`);
  }
  return { count, size };
}

export function offlineCopy(): AstroIntegration {
  return {
    name: 'recueil:offline-copy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size } = await writeServiceWorker(fileURLToPath(dir));
        logger.info(`Copie hors ligne : ${count} fichiers, ${formatMegabytes(size)} (${size} octets).`);
      },
    },
  };
}
