/**
 * Lecture des imports d'un fichier source par une expression régulière (pas d'analyseur à installer) : assez pour
 * `import … from`, `export … from`, `import('…')` et `import '…'`, les seules formes que le projet écrit.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

/** Les fichiers d'un dossier (récursivement) dont le nom passe le filtre. */
export function sourceFiles(dir: string, filter: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path, filter) : filter.test(name) ? [path] : [];
  });
}

/** Les spécificateurs importés par un texte source, dans l'ordre (imports de types compris). */
export function importSpecifiers(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** Graphe des imports relatifs entre fichiers : chemin → chemins importés (les paquets sont ignorés). */
export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importSpecifiers(readFileSync(file, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => EXTENSIONS.map((ext) => resolve(dirname(file), spec) + ext).find((p) => existsSync(p) && statSync(p).isFile()))
      .filter((p): p is string => p !== undefined);
    graph.set(resolve(file), targets);
  }
  return graph;
}

/** Les cycles du graphe, chacun donné par ses fichiers dans l'ordre, le premier répété à la fin. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}
