/**
 * Déploiement sous un sous-chemin : une copie du projet construite avec BASE_PATH=/recueil/ n'a aucun lien
 * interne cassé ni hors de cette base (liens écrits dans les fiches compris).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findBrokenLinks } from '../support/links';
import { childEnv } from '../support/child-env';

let dir: string;
let build: { status: number | null; output: string };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'recueil-base-'));
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(entry, join(dir, entry), { recursive: true });
  spawnSync('cp', ['-al', resolve('node_modules'), join(dir, 'node_modules')]);
  const r = spawnSync(resolve('node_modules/.bin/astro'), ['build'], {
    cwd: dir, encoding: 'utf8', timeout: 200_000, env: childEnv({ BASE_PATH: '/recueil/' }),
  });
  build = { status: r.status, output: `${r.stdout}\n${r.stderr}` };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deployment under a sub-path', () => {
  test('the site builds with BASE_PATH=/recueil/ and every internal link stays under it', () => {
    expect(build.status, build.output.slice(-2000)).toBe(0);
    expect(findBrokenLinks(join(dir, 'dist'), '/recueil/')).toEqual([]);
  });

  test('links written in fiches and the search bundle path carry the base', () => {
    const html = readFileSync(join(dir, 'dist/fiches/c1/index.html'), 'utf8');
    expect(html).toContain('href="/recueil/fiches/c2/"');
    expect(html).not.toMatch(/href="\/fiches\//);
  });
});
