/**
 * Reconstruit l'index Pagefind après celui de Starlight, à partir du HTML préparé pour le français
 * (élisions détachées, voir src/lib/search-text.ts). Le HTML servi aux lecteurs n'est pas modifié.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

/** Nom de la feuille de l'interface Pagefind placée dans la couche de Starlight (chargée par src/components/Search.astro). */
const LAYERED_UI_STYLES = 'pagefind-ui-starlight.css';

/**
 * La feuille de l'interface Pagefind, enveloppée dans la couche de Starlight pour que les réglages de Starlight priment.
 * Une seule feuille externe : ni <style> créé dans la page (la politique de sécurité le refuserait), ni @import (une
 * requête de plus, en série).
 */
async function writeLayeredUiStyles(dir: string) {
  const css = await readFile(join(dir, 'pagefind-ui.css'), 'utf8');
  if (/@(import|charset|layer)\b/.test(css)) throw new Error('Pagefind : pagefind-ui.css contient @import, @charset ou @layer, qui ne peuvent pas être enveloppés dans une couche');
  await writeFile(join(dir, LAYERED_UI_STYLES), `@layer starlight.core {\n${css}\n}\n`);
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
          await writeLayeredUiStyles(join(root, 'pagefind'));
          logger.info(`Index de recherche en français : ${pages} pages en ${Math.round(performance.now() - started)} ms.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
