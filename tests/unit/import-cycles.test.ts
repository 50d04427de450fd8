/**
 * Aucun cycle d'imports dans src/ (imports de types compris) : un cycle rend l'ordre d'évaluation fragile et
 * dit qu'une frontière entre modules (cœur, adaptateurs, chargeurs) a été franchie dans les deux sens.
 */
import { describe, expect, test } from 'vitest';
import { relative } from 'node:path';
import { findCycles, importGraph, importSpecifiers, sourceFiles } from '../support/imports';

describe('import graph of src/', () => {
  test('has no import cycle', () => {
    const cycles = findCycles(importGraph(sourceFiles('src', /\.tsx?$/)));
    expect(cycles.map((cycle) => cycle.map((file) => relative('.', file)).join(' → '))).toEqual([]);
  });

  test('the detector finds a cycle through several files, and none in a chain', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });

  test('type-only, re-exported and dynamic imports are all edges', () => {
    const source = "import type { A } from './a';\nexport { B } from './b';\nconst c = await import('./c');\nimport './d';\n";
    expect(importSpecifiers(source)).toEqual(['./a', './b', './c', './d']);
  });
});
