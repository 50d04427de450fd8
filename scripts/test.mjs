/**
 * `npm test` : construit le site puis lance toutes les couches de tests (Vitest) :
 * unitaires, documents Word ouverts dans LibreOffice, site construit, navigateur (Chromium de Debian).
 * Un outil manquant est une erreur qui dit comment l'installer, jamais un test sauté.
 *   --no-build      réutilise dist/ tel quel
 *   --project=NOM   une seule couche (unit, word, site, e2e)
 *   --no-bench      sans la vérification des budgets de performance (lancée après la suite complète)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';

const args = process.argv.slice(2);
const projects = args.filter((a) => a.startsWith('--project=')).map((a) => a.slice('--project='.length));
const needs = (name) => projects.length === 0 || projects.includes(name);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const missing = [];
if (needs('e2e') && !existsSync(chromium)) missing.push('chromium');
if (needs('word') && !soffice) missing.push('libreoffice-writer-nogui');
if (missing.length > 0) {
  console.error(`\nOutils manquants pour les tests : ${missing.join(', ')}.\nInstallez-les avec :\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n`);
  process.exit(1);
}

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

if (!args.includes('--no-build') && (needs('site') || needs('e2e'))) {
  console.log('\n▶ Construction du site (astro build)…');
  if (run('npx', ['astro', 'build'], { ASTRO_TELEMETRY_DISABLED: '1' }) !== 0) {
    console.error('\nLa construction du site a échoué : voir le message ci-dessus (fichier et champ en cause).');
    process.exit(1);
  }
}

// Après la construction : les types d'Astro (.astro/types.d.ts) sont générés par elle.
if (projects.length === 0) {
  console.log('\n▶ Vérification des types (tsc, configuration « strictest »)…');
  if (run('npx', ['tsc', '--noEmit', '-p', '.']) !== 0) {
    console.error('\nErreurs de types : voir ci-dessus.');
    process.exit(1);
  }
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const status = run('npx', [
  'vitest', 'run', '--config', 'tests/vitest.config.ts', ...projects.map((p) => `--project=${p}`),
  '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  ({ numPassedTests: passed, numFailedTests: failed } = r);
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (r.numTotalTests === 0) { console.error('Aucun test exécuté.'); process.exit(1); }
}
const summary = () => `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
if (status !== 0) { console.log(summary()); process.exit(status); }

// Budgets de performance (octets et scores, jamais de durées) : avec la suite complète seulement,
// comptés comme un test de plus dans le bilan.
if (projects.length === 0 && !args.includes('--no-bench')) {
  console.log('\n▶ Budgets de performance (npm run bench:check)…');
  const benchStatus = run('npm', ['run', 'bench:check', '--silent']);
  if (benchStatus === 0) passed += 1; else failed += 1;
  console.log(summary());
  process.exit(benchStatus);
}
console.log(summary());
process.exit(0);
