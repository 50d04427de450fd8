import { describe, expect, test } from 'vitest';
import { hoistIslandStyles } from '../../src/integrations/island-styles';

const STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

describe('hoistIslandStyles', () => {
  test('moves the island style from the body to the end of the head', () => {
    const html = `<html><head><title>t</title></head><body><p>Texte.</p>\n${STYLE}<script>x</script><astro-island></astro-island></body></html>`;
    expect(hoistIslandStyles(html)).toBe(
      `<html><head><title>t</title>${STYLE}</head><body><p>Texte.</p>\n<script>x</script><astro-island></astro-island></body></html>`,
    );
  });

  test('keeps a single copy when the body has several', () => {
    const out = hoistIslandStyles(`<head></head><body>${STYLE}<i></i>${STYLE}</body>`);
    expect(out).toBe(`<head>${STYLE}</head><body><i></i></body>`);
  });

  test('leaves a page without island untouched', () => {
    const html = '<html><head></head><body><style>p{color:red}</style><p>x</p></body></html>';
    expect(hoistIslandStyles(html)).toBe(html);
  });
});
