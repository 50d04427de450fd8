/**
 * L'index de recherche du site construit : un seul, le nôtre (Starlight a `pagefind: false`), qui couvre chaque page
 * que Starlight marque data-pagefind-body, découpé en petits morceaux (src/integrations/search-index.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const pagefind = 'dist/pagefind';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'pagefind' || e.name === '_astro' ? [] : htmlFiles(join(dir, e.name));
    return e.name.endsWith('.html') ? [join(dir, e.name)] : [];
  });
}

describe('search index', () => {
  test('one French index covers every page Starlight marks for search, with its filters and metadata', () => {
    const entry = JSON.parse(readFileSync(join(pagefind, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['fr']);
    const marked = htmlFiles('dist').filter((f) => readFileSync(f, 'utf8').includes('data-pagefind-body'));
    expect(marked.length).toBeGreaterThan(40);
    expect(entry.languages['fr']?.page_count).toBe(marked.length);
    expect(readdirSync(join(pagefind, 'filter')).length).toBe(3); // type, thème, public
  });

  test('index chunks are small, so that a one-word query loads a few kilobytes', () => {
    const sizes = readdirSync(join(pagefind, 'index')).map((f) => statSync(join(pagefind, 'index', f)).size);
    // Au réglage par défaut de Pagefind (20 000 positions par morceau), chaque morceau pèse ≈ 30 Ko.
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.max(...sizes)).toBeLessThan(16 * 1024);
  });
});
