/**
 * `npm test` : lance les couches de tests (Vitest), les plus rapides d'abord, pour qu'un échec se voie tôt :
 *   1. unit  — modules purs et contenu ;
 *   puis analyse statique (npm run lint : ESLint, règles typées, .ts, .tsx et .astro), avec la suite complète ;
 *   2. word  — documents Word ouverts dans LibreOffice ;
 *   puis construction du site (astro build) et vérification des types (tsc, puis astro check pour les .astro) ;
 *   3. site  — site construit (liens, validateur HTML du W3C…) ;
 *   4. e2e   — navigateur (Chromium de Debian).
 * La première couche en échec arrête la suite (les suivantes sont nommées comme non lancées).
 * Un outil manquant est une erreur qui dit comment l'installer, jamais un test sauté.
 *   --no-build      réutilise dist/ tel quel
 *   --project=NOM   une seule couche (unit, word, site, e2e) ; l'option peut se répéter
 *   --no-bench      sans la vérification des budgets de performance (lancée après la suite complète)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs';

const LAYERS = ['unit', 'word', 'site', 'e2e'];
const args = process.argv.slice(2);
const projects = args.filter((a) => a.startsWith('--project=')).map((a) => a.slice('--project='.length));
const unknown = projects.filter((p) => !LAYERS.includes(p));
if (unknown.length > 0) {
  console.error(`Couche inconnue : ${unknown.join(', ')} (couches : ${LAYERS.join(', ')}).`);
  process.exit(1);
}
const needs = (name) => projects.length === 0 || projects.includes(name);
const fullRun = projects.length === 0;

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const java = process.env.JAVA_PATH ?? 'java';
const missing = [];
if (needs('e2e') && !existsSync(chromium)) missing.push('chromium');
if (needs('word') && !soffice) missing.push('libreoffice-writer-nogui');
// Le validateur HTML du W3C (paquet npm vnu-jar, couche site) tourne sous Java.
if (needs('site') && spawnSync(java, ['-version'], { stdio: 'ignore' }).status !== 0) missing.push('default-jre-headless');
if (missing.length > 0) {
  console.error(`\nOutils manquants pour les tests : ${missing.join(', ')}.\nInstallez-les avec :\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n`);
  process.exit(1);
}

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

let passed = 0;
let failed = 0;
let skipped = 0;
const notRun = [];
const summary = () =>
  `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${notRun.length ? ` (non lancées : ${notRun.join(', ')})` : ''}`;

/** Ce qui précède la couche « site » : construction du site, puis types (générés par la construction). */
function buildAndTypecheck() {
  if (!args.includes('--no-build')) {
    console.log('\n▶ Construction du site (astro build)…');
    if (run('npx', ['astro', 'build'], { ASTRO_TELEMETRY_DISABLED: '1' }) !== 0) {
      console.error('\nLa construction du site a échoué : voir le message ci-dessus (fichier et champ en cause).');
      return false;
    }
  }
  if (fullRun) {
    console.log('\n▶ Vérification des types (tsc, configuration « strictest »)…');
    if (run('npx', ['tsc', '--noEmit', '-p', '.']) !== 0) {
      console.error('\nErreurs de types : voir ci-dessus.');
      return false;
    }
    // Les composants .astro, que tsc ne lit pas : zéro erreur et zéro avertissement.
    console.log('\n▶ Vérification des composants Astro (astro check)…');
    if (run('npx', ['astro', 'check', '--minimumFailingSeverity', 'warning'], { ASTRO_TELEMETRY_DISABLED: '1' }) !== 0) {
      console.error('\nErreurs ou avertissements dans les fichiers .astro : voir ci-dessus.');
      return false;
    }
  }
  return true;
}

/** Analyse statique, comptée comme un test de plus : le moindre constat (erreur ou avertissement) est un échec. */
function lint() {
  console.log('\n▶ Analyse statique (npm run lint)…');
  const status = run('npm', ['run', 'lint', '--silent']);
  if (status === 0) passed += 1;
  else { failed += 1; console.error('\nConstats de l\'analyse statique : voir ci-dessus (fichier, ligne, règle).'); }
  return status;
}

/** Une couche de tests : une invocation de Vitest et son rapport JSON. */
function runLayer(layer) {
  console.log(`\n▶ Couche ${layer}…`);
  const report = `test-results/vitest-${layer}.json`;
  rmSync(report, { force: true });
  const status = run('npx', [
    'vitest', 'run', '--config', 'tests/vitest.config.ts', `--project=${layer}`,
    '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) return status === 0 ? 1 : status;
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (r.numTotalTests === 0) { console.error(`Aucun test exécuté dans la couche ${layer}.`); return 1; }
  return status;
}

mkdirSync('test-results', { recursive: true });
const layers = LAYERS.filter(needs);
let built = false;
for (const [i, layer] of layers.entries()) {
  if ((layer === 'site' || layer === 'e2e') && !built) {
    built = true;
    if (!buildAndTypecheck()) { notRun.push(...layers.slice(i)); console.log(summary()); process.exit(1); }
  }
  const status = runLayer(layer);
  if (status !== 0) {
    notRun.push(...layers.slice(i + 1));
    console.error(`\nLa couche ${layer} a échoué${notRun.length ? ` : les suivantes (${notRun.join(', ')}) ne sont pas lancées` : ''}.`);
    console.log(summary());
    process.exit(status);
  }
  // L'analyse statique suit la couche unit (suite complète) : un constat arrête la suite avant les couches lentes.
  if (layer === 'unit' && fullRun && lint() !== 0) {
    notRun.push(...layers.slice(i + 1));
    console.error(`\nL'analyse statique a échoué : les couches suivantes (${notRun.join(', ')}) ne sont pas lancées.`);
    console.log(summary());
    process.exit(1);
  }
}

// Budgets de performance (octets et scores, jamais de durées) : avec la suite complète seulement,
// comptés comme un test de plus dans le bilan.
if (fullRun && !args.includes('--no-bench')) {
  console.log('\n▶ Budgets de performance (npm run bench:check)…');
  const benchStatus = run('npm', ['run', 'bench:check', '--silent']);
  if (benchStatus === 0) passed += 1; else failed += 1;
  console.log(summary());
  process.exit(benchStatus);
}
console.log(summary());
process.exit(0);
