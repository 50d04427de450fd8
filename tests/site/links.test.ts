import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { findBrokenLinks } from '../support/links';

describe('built site', () => {
  test('every internal link and anchor resolves', () => {
    expect(findBrokenLinks('dist', process.env.BASE_PATH || '/')).toEqual([]);
  });

  test('fiche text gets French typography at build time', () => {
    const html = readFileSync('dist/fiches/e2/index.html', 'utf8');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    const text = main.replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, '');
    // Aucune espace ordinaire avant ; ! ? : ni à l'intérieur des guillemets.
    expect(text).not.toMatch(/\S [;!?]/);
    expect(text).not.toMatch(/\w :(\s|$)/);
    expect(text).not.toMatch(/« | »/);
  });
});
