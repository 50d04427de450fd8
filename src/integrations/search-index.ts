/**
 * Reconstruit l'index Pagefind après celui de Starlight, à partir du HTML préparé pour le français
 * (élisions détachées, voir src/lib/search-text.ts). Le HTML servi aux lecteurs n'est pas modifié.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { prepareHtmlForIndex } from '../lib/search-text';

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
  let base = '/';
  return {
    name: 'recueil:french-search-index',
    hooks: {
      'astro:config:done': ({ config }) => { base = config.base.endsWith('/') ? config.base : `${config.base}/`; },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
        if (!index) throw new Error(`Pagefind : ${errors.join(' ; ')}`);
        try {
          let pages = 0;
          for (const file of await htmlFiles(root)) {
            const rel = relative(root, file).split(sep).join('/');
            const url = base + rel.replace(/(^|\/)index\.html$/, '$1');
            const html = prepareHtmlForIndex(await readFile(file, 'utf8'));
            const added = await index.addHTMLFile({ url, content: html });
            if (added.errors.length) throw new Error(`Pagefind, ${rel} : ${added.errors.join(' ; ')}`);
            pages += 1;
          }
          // L'index de Starlight est remplacé en entier (sinon ses fichiers resteraient à côté des nôtres).
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
