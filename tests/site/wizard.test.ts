/** La page de l'assistant construite : hors de la recherche, et sans la bibliothèque Word avant le clic. */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { measure } from '../../scripts/island-size.mjs';

const html = () => readFileSync('dist/assistant/index.html', 'utf8');

describe('the built wizard page', () => {
  test('exists, and is excluded from the search index (pagefind: false)', () => {
    expect(existsSync('dist/assistant/index.html')).toBe(true);
    expect(html()).not.toContain('data-pagefind-body');
  });

  test('hydrates the wizard island once the page is idle (its first paint is not delayed) and renders the first step without JavaScript', () => {
    expect(html()).toMatch(/<astro-island[^>]*client="idle"/);
    expect(html()).toContain('Étape 1 sur');
    expect(html()).toContain('<noscript>');
  });

  test('the JavaScript loaded before the click does not include the docx library', () => {
    const r = measure({ dist: 'dist' }) as { island: { file: string; gzip: number }[]; islandTotal: number };
    expect(r.island.length).toBeGreaterThan(0);
    expect(r.island.filter((f) => /docx/i.test(f.file))).toEqual([]);
    const graph = r.island.map((f) => f.file).filter((f) => f.endsWith('.js'));
    for (const file of graph) expect(readFileSync(`dist/${file}`, 'utf8'), file).not.toMatch(/wordprocessingml\.document\.main\+xml/);
  });

  test('fiche C3 hydrates its calculator only when visible', () => {
    expect(readFileSync('dist/fiches/c3/index.html', 'utf8')).toMatch(/<astro-island[^>]*client="visible"/);
  });
});
