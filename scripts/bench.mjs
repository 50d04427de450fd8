/**
 * Banc de mesure du site construit, à relancer à volonté : `npm run bench`.
 * Sert dist/ sur 127.0.0.1 et mesure dans Chromium de Debian, pour chaque type de page :
 * octets par nature (brut et compressé), JavaScript exécuté au chargement, requêtes,
 * scores et métriques Lighthouse (profil mobile), coût de la première recherche, poids de l'îlot
 * de l'assistant, temps de construction et rapport à un site Starlight par défaut de même taille.
 * Les figures sont des médianes de plusieurs passages. Résultats : tableau + bench-results/latest.json.
 *
 * Options : --runs=N (défaut 5) · --no-build (réutilise dist/) · --no-lighthouse · --no-baseline
 *           --check (compare à scripts/bench-budgets.json et échoue si un budget est dépassé)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveDist } from './static-server.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
const KiB = (n) => Math.round((n / 1024) * 10) / 10;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Les pages mesurées : une par type, si elle existe dans dist/. */
const PAGE_TYPES = [
  ['accueil', '/'],
  ['fiche', '/fiches/b2/'],
  ['fiche avec îlot', '/fiches/c3/'],
  ['thème', '/themes/c/'],
  ['annexe', '/redactions/'],
  ['rédaction type', '/redactions/ccap-condition-execution/'],
  ['assistant', '/assistant/'],
  ['recherche', '/recherche/'],
].filter(([, path]) => existsSync(join('dist', path, 'index.html')));

const results = { date: new Date().toISOString(), runs: RUNS, pages: {}, lighthouse: {}, search: {}, wizard: {}, build: {} };

// 1. Construction -------------------------------------------------------------------------
function timedBuild(cwd, env = {}) {
  const started = performance.now();
  const r = spawnSync(resolve('node_modules/.bin/astro'), ['build'], { cwd, stdio: 'pipe', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  if (r.status !== 0) throw new Error(`La construction a échoué dans ${cwd} :\n${r.stderr}`);
  return (performance.now() - started) / 1000;
}

function countPages(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
    if (e.isDirectory()) return e.name === 'pagefind' || e.name === '_astro' ? n : n + countPages(join(dir, e.name));
    return n + (e.name === 'index.html' ? 1 : 0);
  }, 0);
}

/** Un site Starlight par défaut avec autant de pages Markdown de taille comparable, construit dans le même passage. */
function baselineBuild(pageCount) {
  const dir = mkdtempSync(join(tmpdir(), 'recueil-baseline-'));
  try {
    spawnSync('cp', ['-al', resolve('node_modules'), join(dir, 'node_modules')]);
    mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
    cpSync('package.json', join(dir, 'package.json')); // mêmes dépendances déclarées : Vite les traite de la même façon
    writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Référence' })] });\n");
    writeFileSync(join(dir, 'src/content.config.ts'), "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n");
    const sample = readFileSync('src/content/docs/fiches/c3.mdx', 'utf8').replace(/^---[\s\S]*?---/, '').replace(/^import .*$/gm, '').replace(/<[A-Z][^>]*\/>/g, '');
    for (let i = 0; i < pageCount; i++) writeFileSync(join(dir, `src/content/docs/page-${i}.md`), `---\ntitle: Page ${i}\n---\n${sample}`);
    return timedBuild(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!flag('no-build') || !existsSync('dist/index.html')) {
  console.log('Construction du site…');
  results.build.seconds = Math.round(timedBuild('.') * 10) / 10;
}
results.build.pages = countPages('dist');
if (!flag('no-baseline') && results.build.seconds) {
  console.log(`Construction d'un site Starlight par défaut de ${results.build.pages} pages…`);
  results.build.defaultStarlightSeconds = Math.round(baselineBuild(results.build.pages) * 10) / 10;
  results.build.ratio = Math.round((results.build.seconds / results.build.defaultStarlightSeconds) * 100) / 100;
}

// 2. Pages ----------------------------------------------------------------------------------
const server = await serveDist({ root: 'dist' });
const origin = new URL(server.url).origin;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });

const KIND = { document: 'html', stylesheet: 'css', script: 'js', font: 'fonts', image: 'images' };

async function measurePage(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const rows = [];
  page.on('requestfinished', async (req) => {
    const sizes = await req.sizes().catch(() => undefined);
    const response = await req.response();
    const raw = response ? (await response.body().catch(() => Buffer.alloc(0))).length : 0;
    rows.push({ kind: KIND[req.resourceType()] ?? 'other', url: req.url(), transfer: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0, raw, foreign: !req.url().startsWith(origin) });
  });
  await page.coverage.startJSCoverage({ reportAnonymousScripts: true });
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  const coverage = await page.coverage.stopJSCoverage();
  // eslint-disable-next-line no-undef -- fonction exécutée dans la page (page.evaluate), où `document` existe
  const framework = await page.evaluate(() => document.querySelectorAll('astro-island').length);
  const preactLoaded = coverage.some((c) => /preact/i.test(c.url) || /\b__H\b|options\.__b/.test(c.source ?? ''));
  await context.close();
  const by = {};
  for (const r of rows) { by[r.kind] ??= { raw: 0, transfer: 0 }; by[r.kind].raw += r.raw; by[r.kind].transfer += r.transfer; }
  return {
    transfer: rows.reduce((n, r) => n + r.transfer, 0),
    raw: rows.reduce((n, r) => n + r.raw, 0),
    byKind: by,
    jsExecuted: coverage.reduce((n, c) => n + (c.source?.length ?? 0), 0),
    requests: rows.length,
    foreignRequests: rows.filter((r) => r.foreign).length,
    islands: framework,
    preactLoaded,
  };
}

for (const [type, path] of PAGE_TYPES) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measurePage(path));
  const kinds = [...new Set(runs.flatMap((r) => Object.keys(r.byKind)))];
  results.pages[type] = {
    path,
    transferKiB: KiB(median(runs.map((r) => r.transfer))),
    rawKiB: KiB(median(runs.map((r) => r.raw))),
    jsExecutedKiB: KiB(median(runs.map((r) => r.jsExecuted))),
    requests: median(runs.map((r) => r.requests)),
    foreignRequests: Math.max(...runs.map((r) => r.foreignRequests)),
    islands: runs[0].islands,
    preactOnLoad: runs.some((r) => r.preactLoaded),
    byKind: Object.fromEntries(kinds.map((k) => [k, { rawKiB: KiB(median(runs.map((r) => r.byKind[k]?.raw ?? 0))), transferKiB: KiB(median(runs.map((r) => r.byKind[k]?.transfer ?? 0))) }])),
  };
}

// 3. Première recherche (depuis une fiche) -----------------------------------------------------
{
  const times = [];
  const bytes = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/fiches/b2/`, { waitUntil: 'networkidle' });
    let searchBytes = 0;
    page.on('requestfinished', async (req) => { const s = await req.sizes().catch(() => undefined); if (s) searchBytes += s.responseBodySize + s.responseHeadersSize; });
    const started = performance.now();
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rechercher' });
    await dialog.getByRole('searchbox').fill('pénalités');
    await dialog.getByRole('list').first().getByRole('link').first().waitFor();
    times.push(performance.now() - started);
    await page.waitForLoadState('networkidle');
    bytes.push(searchBytes);
    await context.close();
  }
  results.search = { firstQueryMs: Math.round(median(times)), firstQueryKiB: KiB(median(bytes)) };
}

// 4. Assistant : JavaScript chargé avant le clic de téléchargement -----------------------------
if (existsSync('dist/assistant/index.html')) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Map();
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') scripts.set(res.url(), await res.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(`${origin}/assistant/`, { waitUntil: 'networkidle' });
  const gz = [...scripts.values()].reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  const islandGz = [...scripts.entries()].filter(([u]) => !/Search\.astro|search-text/.test(u)).reduce((n, [, b]) => n + gzipSync(b, { level: 9 }).length, 0);
  results.wizard = {
    jsBeforeClickGzipKiB: KiB(gz),
    islandJsGzipKiB: KiB(islandGz),
    docxLoadedBeforeClick: [...scripts.keys()].some((u) => /docx/i.test(u)),
  };
  await context.close();
  // Temps de chargement de la page, pour comparer au temps du clic au fichier mesuré dans le même passage.
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    // Page chargée = l'assistant est utilisable : îlot hydraté (l'attribut ssr disparaît).
    await p.goto(`${origin}/assistant/`, { waitUntil: 'load' });
    await p.waitForSelector('astro-island:not([ssr])', { state: 'attached' });
    loads.push(await p.evaluate(() => performance.now()));
    await ctx.close();
  }
  results.wizard.pageLoadMs = Math.round(median(loads));
}
await browser.close();

// Du clic au fichier Word pour 1, 3 et 10 lots (script de l'assistant, médianes).
if (existsSync('dist/assistant/index.html')) {
  const out = join(mkdtempSync(join(tmpdir(), 'recueil-bench-')), 'download.json');
  const r = spawnSync(process.execPath, ['scripts/measure-download.mjs', `--runs=${RUNS}`, `--json=${out}`], { stdio: 'pipe', encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`Mesure du téléchargement impossible :\n${r.stderr}`);
  results.wizard.clickToFileMs = Object.fromEntries(Object.entries(JSON.parse(readFileSync(out, 'utf8'))).map(([k, v]) => [k, { firstClick: v['premier clic (ms)'], nextClick: v['clic suivant (ms)'] }]));
  const threeLots = results.wizard.clickToFileMs['3 lots']?.firstClick;
  if (threeLots && results.wizard.pageLoadMs) results.wizard.threeLotsToPageLoadRatio = Math.round((threeLots / results.wizard.pageLoadMs) * 100) / 100;
}

// 5. Lighthouse (profil mobile) ------------------------------------------------------------------
if (!flag('no-lighthouse')) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    for (const [type, path] of PAGE_TYPES.filter(([t]) => ['accueil', 'fiche', 'annexe', 'assistant'].includes(t))) {
      // Deux essais au plus, le meilleur retenu : un score de performance peut fléchir sur une machine chargée.
      let lhr;
      for (let attempt = 0; attempt < 2 && !(lhr && lhr.categories.performance.score === 1); attempt++) {
        const runner = await lighthouse(origin + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
        if (!lhr || runner.lhr.categories.performance.score > lhr.categories.performance.score) lhr = runner.lhr;
      }
      results.lighthouse[type] = {
        ...Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round(c.score * 100)])),
        lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
        cls: Math.round(lhr.audits['cumulative-layout-shift'].numericValue * 1000) / 1000,
        tbtMs: Math.round(lhr.audits['total-blocking-time'].numericValue),
        failing: Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id),
      };
    }
  } finally {
    chrome.kill();
  }
}
await server.close();

// 6. Sortie -----------------------------------------------------------------------------------
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);

console.log('\nPages (médianes de', RUNS, 'passages)');
console.table(Object.fromEntries(Object.entries(results.pages).map(([t, p]) => [t, {
  'transféré KiB': p.transferKiB, 'brut KiB': p.rawKiB, 'JS exécuté KiB': p.jsExecutedKiB, requêtes: p.requests,
  'HTML KiB': p.byKind.html?.transferKiB ?? 0, 'CSS KiB': p.byKind.css?.transferKiB ?? 0, 'JS KiB': p.byKind.js?.transferKiB ?? 0,
  'polices KiB': p.byKind.fonts?.transferKiB ?? 0, 'images KiB': p.byKind.images?.transferKiB ?? 0, 'hors site': p.foreignRequests, 'Preact au chargement': p.preactOnLoad,
}])));
if (Object.keys(results.lighthouse).length) { console.log('Lighthouse (mobile)'); console.table(results.lighthouse); }
console.log('Recherche : première requête', results.search);
if (results.wizard.jsBeforeClickGzipKiB !== undefined) console.log('Assistant :', JSON.stringify(results.wizard, null, 2));
console.log('Construction :', results.build);
if (results.build.ratio !== undefined) console.log(`Construction : ${results.build.seconds} s contre ${results.build.defaultStarlightSeconds} s pour Starlight par défaut, rapport ${results.build.ratio}.`);
console.log('\nRésultats écrits dans bench-results/latest.json');

// 7. Budgets ----------------------------------------------------------------------------------
if (flag('check')) {
  const { checkBudgets } = await import('./bench-budgets.mjs');
  const budgets = JSON.parse(readFileSync('scripts/bench-budgets.json', 'utf8'));
  // Le rapport de construction n'a de sens que mesuré dans ce passage, les deux sites construits l'un après l'autre.
  if (results.build.ratio === undefined) {
    delete budgets.build;
    console.log('\nConstruction : rapport non mesuré dans ce passage (--no-build ou --no-baseline), son budget n\'est pas vérifié.');
  }
  const failures = checkBudgets(results, budgets);
  if (failures.length) {
    console.error(`\nBudgets dépassés (${failures.length}) :\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\nTous les budgets sont tenus.');
}
