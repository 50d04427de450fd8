/**
 * Un parcours « Vous êtes… » qui cite une fiche inexistante fait échouer `astro build`
 * avec un message en français qui nomme la page, l'étape et le code (copie du projet, vraie construction).
 */
import { childEnv } from '../support/child-env';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'recueil-parcours-'));
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(entry, join(dir, entry), { recursive: true });
  }
  spawnSync('cp', ['-al', resolve('node_modules'), join(dir, 'node_modules')]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a reading path citing an unknown fiche fails the build, naming the page, the step and the code', () => {
  const page = join(dir, 'src/content/docs/publics/acheteur.mdx');
  writeFileSync(page, readFileSync(page, 'utf8').replace("code: 'C3',", "code: 'C9',"));
  const result = spawnSync(resolve('node_modules/.bin/astro'), ['build'], {
    cwd: dir, encoding: 'utf8', env: childEnv(), timeout: 200_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status).not.toBe(0);
  expect(output).toMatch(/Parcours de lecture \(\/publics\/acheteur\/\), étape 3 : la fiche « C9 » n’existe pas/);
});
