/**
 * Notre recherche de l'en-tête surcharge le composant Search de Starlight (src/components/Search.astro).
 * Les passages repris tels quels sont entre des marques « starlight:début » et « starlight:fin » ; le composant
 * d'origine, tel que nous l'avons lu, est gardé dans tests/fixtures/starlight-search.astro.txt. Une mise à jour de
 * Starlight qui change ce composant fait échouer ces tests et montre ce qui a bougé : reporter ce qui compte dans
 * notre version, puis mettre la copie à jour (`npx vitest run --config tests/vitest.config.ts --project unit
 * tests/unit/search-fork.test.ts -u`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';

const upstream = readFileSync(createRequire(import.meta.url).resolve('@astrojs/starlight/components/Search.astro'), 'utf8');
const OUR_FILES = ['src/components/Search.astro', 'src/components/search/site-search.ts', 'src/components/search/search.css'];

/** Les blancs ne comptent pas : indentation et retours à la ligne peuvent différer d'une copie à l'autre. */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Passages entre « starlight:début » et « starlight:fin » (commentaires CSS ou JavaScript). */
export function copiedPassages(source: string): string[] {
  const marks = /(?:\/\*|\/\/)\s*starlight:début\s*(?:\*\/)?([\s\S]*?)(?:\/\*|\/\/)\s*starlight:fin/g;
  return [...source.matchAll(marks)].map((m) => normalise(m[1]!));
}

describe('the Search component we forked from Starlight', () => {
  test('the installed Starlight Search component is the one our fork was made from', async () => {
    const strip = (text: string) => text.replace(/[ \t]+$/gm, '');
    await expect(strip(upstream), 'Le composant Search de Starlight a changé : comparer avec src/components/Search.astro').toMatchFileSnapshot('../fixtures/starlight-search.astro.txt');
  });

  test.each(OUR_FILES)('every passage copied in %s is still in Starlight, word for word', (file) => {
    const passages = copiedPassages(readFileSync(file, 'utf8'));
    expect(passages.length, `aucune marque starlight:début dans ${file}`).toBeGreaterThan(0);
    const missing = passages.filter((p) => !normalise(upstream).includes(p));
    expect(missing, `passages de ${file} qui ne sont plus dans Starlight`).toEqual([]);
  });

  test('finds marked passages in CSS and TypeScript comments', () => {
    expect(copiedPassages('a /* starlight:début */ b {  x: 1; } /* starlight:fin */ c\n// starlight:début\nconst y = 2;\n// starlight:fin')).toEqual(['b { x: 1; }', 'const y = 2;']);
  });
});
