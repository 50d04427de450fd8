/**
 * La construction refuse un contenu invalide : on copie le projet dans un dossier temporaire,
 * on y casse une fiche, et on vérifie que `astro build` échoue en nommant le fichier et le champ.
 */
import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { childEnv } from '../support/child-env';

let dir: string;
const ficheFile = () => join(dir, 'src/content/docs/fiches/e2.mdx');

function build(): { status: number | null; output: string } {
  const result = spawnSync(resolve('node_modules/.bin/astro'), ['build'], {
    cwd: dir, encoding: 'utf8', env: childEnv(), timeout: 200_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'recueil-build-'));
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(entry, join(dir, entry), { recursive: true });
  }
  // Copie en liens physiques : rapide, et Astro exige de vrais chemins (un lien symbolique le perd).
  spawnSync('cp', ['-al', resolve('node_modules'), join(dir, 'node_modules')]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('build-time content validation', () => {
  test('a fiche citing an unknown legal reference fails the build, naming the file and the field', () => {
    const original = readFileSync(ficheFile(), 'utf8');
    writeFileSync(ficheFile(), original.replace(/^references: \[/m, 'references: [article-imaginaire, '));
    const { status, output } = build();
    writeFileSync(ficheFile(), original);
    expect(status).not.toBe(0);
    expect(output).toMatch(/fiches\/e2/);
    expect(output).toMatch(/references/);
    expect(output).toMatch(/Référence juridique inconnue : « article-imaginaire »/);
  });

  test('a fiche with a missing required field fails the build, naming the field', () => {
    const original = readFileSync(ficheFile(), 'utf8');
    writeFileSync(ficheFile(), original.replace(/^updated: .*\n/m, ''));
    const { status, output } = build();
    writeFileSync(ficheFile(), original);
    expect(status).not.toBe(0);
    expect(output).toMatch(/fiches\/e2/);
    expect(output).toMatch(/Champ obligatoire pour une fiche : « updated »/);
  });
});
