/**
 * Chaque paquet importé par le projet (site, scripts, tests) est déclaré dans package.json : un paquet qui n'arrive
 * que par une dépendance d'une dépendance peut disparaître à la mise à jour de celle-ci.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { importSpecifiers, sourceFiles } from '../support/imports';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
const SOURCE = /\.(?:ts|tsx|mjs|js|astro|mdx)$/;

/** Le nom du paquet d'un import nu (« @astrojs/starlight/components » → « @astrojs/starlight ») ; `null` sinon. */
function packageOf(specifier: string): string | null {
  if (/^(?:\.|\/|node:|astro:|virtual:)/.test(specifier) || builtinModules.includes(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('dependencies', () => {
  test('every package imported by src/, scripts/ and tests/ is declared in package.json', () => {
    const missing = new Map<string, string>();
    for (const file of ['src', 'scripts', 'tests'].flatMap((dir) => sourceFiles(dir, SOURCE))) {
      for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
        const name = packageOf(specifier);
        if (name && !declared.has(name) && !missing.has(name)) missing.set(name, file);
      }
    }
    expect([...missing].map(([name, file]) => `${name} (importé par ${file})`)).toEqual([]);
  });
});
