/**
 * Termine la politique de sécurité du contenu (CSP) qu'Astro écrit dans chaque page (`security.csp`,
 * astro.config.mjs), une fois le HTML définitif : ses empreintes (sha256) sont recalculées sur le code en
 * ligne que la page contient vraiment, et la balise est placée en tête de <head>.
 *
 * Pourquoi après construction :
 * - Astro n'empreinte que le code qu'il produit lui-même : ni les scripts `is:inline` (thème et barre
 *   latérale de Starlight, les nôtres), ni les styles des composants rendus dans une fiche MDX ; il ajoute en
 *   revanche sur chaque page l'empreinte de tous les fichiers JS et CSS du site, inutile ('self' les couvre) ;
 * - une étape après construction (island-styles.ts) déplace du code : seul le HTML final fait foi ;
 * - Astro écrit la balise en fin de <head>, après le script du thème de Starlight, que la politique
 *   ne couvrirait donc pas (une politique en <meta> ne vaut que pour ce qui la suit) ;
 * - les attributs style de Starlight (icônes, profondeur dans la barre latérale, sélecteur de thème) :
 *   leurs valeurs sont autorisées une à une ('unsafe-hashes' dans style-src-attr), plutôt que 'unsafe-inline'.
 * Les directives (default-src, img-src…) et les sources fixes ('self', 'wasm-unsafe-eval') restent celles
 * de la configuration d'Astro : seules les empreintes sont recalculées.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;

/** Le code en ligne d'une page : contenu des <script> exécutables et des <style>, valeurs des attributs style. */
export interface InlineCode { scripts: string[]; styles: string[]; styleAttributes: string[] }

const EXECUTABLE = /^(|module|text\/javascript|application\/javascript)$/i;

export function inlineCode(html: string): InlineCode {
  const scripts: string[] = [];
  for (const [, attrs = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const type = /\btype="([^"]*)"/i.exec(attrs)?.[1] ?? '';
    // Un script externe est couvert par 'self' ; un bloc de données (JSON) n'est pas exécuté.
    if (/\bsrc=/i.test(attrs) || !EXECUTABLE.test(type.trim())) continue;
    scripts.push(body);
  }
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1] ?? '');
  const styleAttributes: string[] = [];
  for (const [tag] of html.matchAll(/<[a-z][\w-]*(?:\s[^>]*?)?\sstyle=[^>]*>/gi)) {
    const value = /\sstyle="([^"]*)"/i.exec(tag)?.[1];
    if (value === undefined) throw new Error(`CSP : attribut style sans guillemets doubles, non pris en charge : ${tag.slice(0, 120)}`);
    // L'empreinte porte sur la valeur décodée : refuser plutôt que calculer une empreinte fausse.
    if (value.includes('&')) throw new Error(`CSP : attribut style avec une entité HTML, non pris en charge : ${tag.slice(0, 120)}`);
    styleAttributes.push(value);
  }
  return { scripts, styles, styleAttributes };
}

/** Empreinte CSP d'un texte, telle que le navigateur la calcule (UTF-8, sha256, base64). */
export const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const isHash = (source: string) => /^'sha(256|384|512)-/.test(source);
const hashes = (texts: string[]) => [...new Set(texts.map(cspHash))];

/** La politique d'Astro, ses empreintes remplacées par celles du code en ligne de la page. */
export function pagePolicy(astroPolicy: string, code: InlineCode): string {
  const directives = astroPolicy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]);
  const out = directives
    .filter(([name]) => name !== 'style-src-attr')
    .map(([name, ...sources]) => {
      const fixed = sources.filter((s) => !isHash(s));
      if (name === 'script-src') return [name, ...fixed, ...hashes(code.scripts)];
      if (name === 'style-src') return [name, ...fixed, ...hashes(code.styles)];
      return [name!, ...sources];
    });
  for (const name of ['script-src', 'style-src']) {
    if (!out.some(([n]) => n === name)) throw new Error(`CSP : la politique d'Astro n'a pas de directive ${name} : ${astroPolicy}`);
  }
  if (code.styleAttributes.length) out.push(['style-src-attr', "'unsafe-hashes'", ...hashes(code.styleAttributes)]);
  return out.map((d) => d.join(' ')).join('; ');
}

/** La page avec sa politique définitive, en tête de <head> (juste après <meta charset>). */
export function withPagePolicy(html: string): string {
  const found = META.exec(html);
  if (!found) throw new Error('CSP : aucune balise content-security-policy dans la page (security.csp est-il activé ?)');
  const rest = html.replace(found[0], '');
  const meta = `<meta http-equiv="content-security-policy" content="${pagePolicy(found[1]!, inlineCode(rest))}">`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(rest);
  if (!charset) throw new Error('CSP : pas de <meta charset> où placer la politique');
  const at = charset.index + charset[0].length;
  return rest.slice(0, at) + meta + rest.slice(at);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** À placer après toute autre intégration qui réécrit le HTML. */
export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'recueil:content-security-policy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = await htmlFiles(root);
        for (const file of files) {
          const html = await readFile(file, 'utf8');
          try {
            await writeFile(file, withPagePolicy(html));
          } catch (error) {
            throw new Error(`${relative(root, file)} : ${(error as Error).message}`);
          }
        }
        logger.info(`Politique de sécurité du contenu terminée : ${files.length} page(s).`);
      },
    },
  };
}
