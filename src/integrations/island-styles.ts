/**
 * Déplace dans <head> la feuille de style qu'Astro écrit dans <body>, juste avant le premier îlot
 * (`<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>`).
 *
 * Pourquoi une réécriture après construction : Astro insère ce <style> à l'endroit du premier îlot
 * (runtime/server/scripts.js, `getPrescripts`), sans réglage pour le placer ailleurs. Au milieu d'un
 * paragraphe de fiche, il rend la page invalide (validateur HTML du W3C : un <style> dans <body> doit être
 * le premier enfant de son parent). Dans <head>, la règle s'applique de la même façon à toute la page.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ISLAND_STYLE = /<style>astro-island,astro-slot,astro-static-slot\{display:contents\}<\/style>/g;

/** Le HTML avec la feuille de style des îlots une seule fois dans <head> ; inchangé s'il n'a pas d'îlot. */
export function hoistIslandStyles(html: string): string {
  const found = html.match(ISLAND_STYLE);
  const headEnd = html.indexOf('</head>');
  if (!found || headEnd < 0) return html;
  const style = found[0];
  const head = html.slice(0, headEnd);
  const body = html.slice(headEnd).replace(ISLAND_STYLE, '');
  return `${head}${style}${body}`;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export function islandStylesInHead(): AstroIntegration {
  return {
    name: 'recueil:island-styles-in-head',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let pages = 0;
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const rewritten = hoistIslandStyles(html);
          if (rewritten !== html) { await writeFile(file, rewritten); pages += 1; }
        }
        logger.info(`Style des îlots placé dans <head> : ${pages} page(s).`);
      },
    },
  };
}
