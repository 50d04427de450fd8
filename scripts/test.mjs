/**
 * `npm test` : construit le site puis lance toutes les couches de tests (Vitest) :
 * unitaires, documents Word ouverts dans LibreOffice, site construit, navigateur (Chromium de Debian).
 * Un outil manquant est une erreur qui dit comment l'installer, jamais un test sauté.
 *   --no-build      réutilise dist/ tel quel
 *   --project=NOM   une seule couche (unit, word, site, e2e)
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

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const status = run('npx', [
  'vitest', 'run', ...projects.map((p) => `--project=${p}`),
  '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
]);

if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (r.numTotalTests === 0) { console.error('Aucun test exécuté.'); process.exit(1); }
}
process.exit(status);
