/** Chaque page construite est du HTML valide selon le validateur du W3C (Nu Html Checker) : zéro erreur. */
import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nuErrors } from '../support/vnu';

const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' })
  .filter((p) => p.endsWith('.html') && !p.startsWith('pagefind'))
  .map((p) => join('dist', p))
  .sort();

describe('W3C Nu HTML checker', () => {
  test('finds the built pages', () => {
    expect(pages.length).toBeGreaterThan(50);
    expect(pages).toContain(join('dist', 'recherche', 'index.html'));
  });

  test('reports no error on any built page', async () => {
    const errors = await nuErrors(pages);
    // Un rapport lisible : « fichier:ligne — message (extrait) ».
    expect(errors.map((e) => `${e.file}:${e.line ?? '?'} — ${e.message}${e.extract ? ` (${e.extract})` : ''}`)).toEqual([]);
  });
});
