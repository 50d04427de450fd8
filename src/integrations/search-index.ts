/**
 * Construit l'index Pagefind du site (le seul : Starlight a `pagefind: false`), à partir du HTML préparé
 * pour le français (élisions détachées, voir src/lib/search-text.ts). Le HTML servi aux lecteurs n'est pas modifié.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { prepareHtmlForIndex } from '../lib/search-text';

/**
 * Taille des morceaux de l'index, en positions de mots (Pagefind : 20 000 par défaut, soit ≈ 30 Ko par morceau).
 * Une requête d'un mot ne charge qu'un morceau : à 2 500, il pèse ≈ 5 Ko, ce qui tient la première recherche
 * sous 100 Ko. Réglage « UNSTABLE » de Pagefind, lu par son binaire dans l'environnement : le test
 * tests/site/search-index.test.ts vérifie la taille des morceaux produits et signalerait sa disparition.
 */
export const INDEX_CHUNK_SIZE = 2500;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return e.name === 'pagefind' || e.name === '_astro' ? [] : htmlFiles(path);
      return e.name.endsWith('.html') ? [path] : [];
    }),
  );
  return nested.flat();
}

export function frenchSearchIndex(): AstroIntegration {
  return {
    name: 'recueil:french-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_SIZE);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
        if (!index) throw new Error(`Pagefind : ${errors.join(' ; ')}`);
        try {
          let pages = 0;
          for (const file of await htmlFiles(root)) {
            const rel = relative(root, file).split(sep).join('/');
            // Adresse depuis la racine du site : le navigateur y ajoute la base de déploiement (option baseUrl,
            // src/lib/pagefind-client.ts), qui serait sinon comptée deux fois sous un sous-chemin (BASE_PATH).
            const url = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
            const html = prepareHtmlForIndex(await readFile(file, 'utf8'));
            const added = await index.addHTMLFile({ url, content: html });
            if (added.errors.length) throw new Error(`Pagefind, ${rel} : ${added.errors.join(' ; ')}`);
            pages += 1;
          }
          // Un index laissé par une construction précédente ne doit rien garder à côté du nouveau.
          await rm(join(root, 'pagefind'), { recursive: true, force: true });
          const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind : ${written.errors.join(' ; ')}`);
          logger.info(`Index de recherche en français : ${pages} pages en ${Math.round(performance.now() - started)} ms.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
