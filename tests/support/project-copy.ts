/**
 * Une copie jetable du projet pour lancer une vraie construction Astro depuis un test (contenu cassé exprès,
 * autre base de déploiement…). node_modules est copié en liens physiques : rapide, et Astro exige de vrais
 * chemins (un lien symbolique le perd).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PROJECT_FILES = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface ProjectCopy {
  dir: string;
  path: (relative: string) => string;
  build: (env?: Record<string, string>) => { status: number | null; output: string };
  remove: () => void;
}

/**
 * Environnement de l'enfant : Vitest définit BASE_URL, MODE, NODE_ENV… que Vite relirait dans la construction
 * (BASE_URL=/ y écraserait la base de déploiement).
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|BASE_URL$|MODE$|NODE_ENV$|DEV$|PROD$|SSR$)/.test(key)));
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

export function copyProject(prefix: string): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), `recueil-${prefix}-`));
  for (const entry of PROJECT_FILES) cpSync(entry, join(dir, entry), { recursive: true });
  spawnSync('cp', ['-al', resolve('node_modules'), join(dir, 'node_modules')]);
  return {
    dir,
    path: (relative) => join(dir, relative),
    build: (env = {}) => {
      const r = spawnSync(resolve('node_modules/.bin/astro'), ['build'], { cwd: dir, encoding: 'utf8', timeout: 200_000, env: childEnv(env) });
      return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
