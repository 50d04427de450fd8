/**
 * Poids du JavaScript de l'assistant avant le clic sur « Télécharger » : lit dist/assistant/index.html, suit le
 * graphe des imports statiques de l'îlot (composant et moteur de rendu Preact) et des scripts de la page, et
 * additionne les tailles gzip (niveau 9). Les imports dynamiques (la bibliothèque `docx`, chargée au clic) sont exclus.
 *
 *   node scripts/island-size.mjs            affiche le détail
 *   node scripts/island-size.mjs --check    échoue si l'îlot dépasse le budget (35 Ko gzip)
 *   node scripts/island-size.mjs --json     sortie JSON (utilisée par les tests)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET = 35 * 1024;

const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** Imports statiques d'un module minifié : `import … from"./x.js"`, `import"./x.js"`, `export … from"./x.js"`. */
function staticImports(code) {
  const found = new Set();
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["'`]([^"'`]+\.js)["'`]/g;
  for (const m of code.matchAll(re)) found.add(m[1]);
  return [...found];
}

function resolve(from, spec, dist) {
  if (spec.startsWith('/')) return join(dist, spec.replace(/^\/+/, ''));
  return join(from.slice(0, from.lastIndexOf('/')), spec);
}

/** Les fichiers JS atteints depuis `entries` par imports statiques. */
function graph(entries, dist) {
  const seen = new Map();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    seen.set(file, code);
    for (const spec of staticImports(code)) stack.push(resolve(file, spec, dist));
  }
  return seen;
}

export function measure({ dist = 'dist', base = process.env.BASE_PATH || '/', page = 'assistant/index.html' } = {}) {
  const html = readFileSync(join(dist, page), 'utf8');
  const strip = (url) => url.replace(new RegExp(`^${base.replace(/\/$/, '')}`), '');
  const islands = [...html.matchAll(/<astro-island\b[^>]*>/g)].map((m) => m[0]);
  const attr = (tag, name) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const islandEntries = islands.flatMap((tag) => [attr(tag, 'component-url'), attr(tag, 'renderer-url')]).filter(Boolean).map((u) => join(dist, strip(u)));
  const pageEntries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => join(dist, strip(m[1])));
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((s) => s.trim());
  const hydration = inline.filter((s) => s.includes('astro-island') || s.includes('Astro'));
  const islandFiles = graph(islandEntries, dist);
  const pageFiles = graph(pageEntries, dist);
  const row = (file, code) => ({ file: file.slice(dist.length + 1), bytes: Buffer.byteLength(code), gzip: gz(code) });
  const island = [...islandFiles].map(([f, c]) => row(f, c));
  const hydrationRows = hydration.map((code, i) => ({ file: `(script en ligne ${i + 1} : hydratation des îlots)`, bytes: Buffer.byteLength(code), gzip: gz(code) }));
  const others = [...pageFiles].filter(([f]) => !islandFiles.has(f)).map(([f, c]) => row(f, c));
  const otherInline = inline.filter((s) => !hydration.includes(s)).map((code, i) => ({ file: `(script en ligne ${i + 1} de Starlight)`, bytes: Buffer.byteLength(code), gzip: gz(code) }));
  const sum = (rows) => rows.reduce((a, r) => a + r.gzip, 0);
  const islandTotal = sum(island) + sum(hydrationRows);
  return {
    island: [...island, ...hydrationRows],
    islandTotal,
    page: [...others, ...otherInline],
    pageTotal: islandTotal + sum(others) + sum(otherInline),
    htmlGzip: gz(html),
    budget: BUDGET,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} Ko`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(r, null, 2));
  } else {
    console.log('JavaScript de l’îlot de l’assistant (avant le clic sur « Télécharger ») :');
    for (const f of r.island) console.log(`  ${kb(f.gzip).padStart(9)}  ${f.file}`);
    console.log(`  ${kb(r.islandTotal).padStart(9)}  TOTAL îlot (budget ${kb(r.budget)})`);
    console.log('Autres scripts de la page (Starlight : recherche, thème, sommaire) :');
    for (const f of r.page) console.log(`  ${kb(f.gzip).padStart(9)}  ${f.file}`);
    console.log(`  ${kb(r.pageTotal).padStart(9)}  TOTAL page (îlot compris)`);
    console.log(`HTML de la page (données des rédactions types comprises) : ${kb(r.htmlGzip)} gzip`);
  }
  if (process.argv.includes('--check') && r.islandTotal > r.budget) {
    console.error(`\nL’îlot dépasse le budget : ${kb(r.islandTotal)} > ${kb(r.budget)}.`);
    process.exit(1);
  }
}
