import { describe, expect, test } from 'vitest';
import { cspHash, inlineCode, pagePolicy, withPagePolicy } from '../../src/integrations/csp';

const ASTRO = "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAAA'; style-src 'self' 'sha256-BBBB';";

describe('content security policy of a built page', () => {
  test('a hash is the one browsers compute: sha256 of the UTF-8 text, in base64', () => {
    // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
    expect(cspHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  test('inline scripts, styles and style attributes are found; external scripts and JSON blocks are not', () => {
    const code = inlineCode(
      '<head><script>a()</script><script type="module">b()</script><script src="/x.js"></script>' +
        '<script type="application/ld+json">{}</script><style>p{}</style></head>' +
        '<body><span style="--x: 1;">x</span><div class="y" style="--y: 2;" data-style="z"></div></body>',
    );
    expect(code).toEqual({ scripts: ['a()', 'b()'], styles: ['p{}'], styleAttributes: ['--x: 1;', '--y: 2;'] });
  });

  test("Astro's hashes are replaced by those of the page; fixed sources and other directives are kept", () => {
    const policy = pagePolicy(ASTRO, { scripts: ['a()', 'a()'], styles: [], styleAttributes: ['--x: 1;'] });
    expect(policy).toBe(
      `default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' ${cspHash('a()')}; style-src 'self'; ` +
        `style-src-attr 'unsafe-hashes' ${cspHash('--x: 1;')}`,
    );
  });

  test('a page without style attribute gets no style-src-attr (attributes then fall under style-src: refused)', () => {
    expect(pagePolicy(ASTRO, { scripts: [], styles: [], styleAttributes: [] })).not.toContain('style-src-attr');
  });

  test('the policy is moved right after <meta charset>, ahead of the first inline script, and covers it', () => {
    const html = `<html><head><meta charset="utf-8"/><script>t()</script><meta http-equiv="content-security-policy" content="${ASTRO}"></head><body></body></html>`;
    const out = withPagePolicy(html);
    expect(out).toMatch(/^<html><head><meta charset="utf-8"\/><meta http-equiv="content-security-policy" content="[^"]+"><script>t\(\)<\/script><\/head>/);
    expect(out).toContain(cspHash('t()'));
    expect(out).not.toContain('sha256-AAAA');
  });

  test('a page without the policy of Astro, or with a style attribute it cannot hash, stops the build', () => {
    expect(() => withPagePolicy('<head><meta charset="utf-8"/></head>')).toThrow(/security\.csp/);
    expect(() => inlineCode('<p style="a:&quot;b&quot;">x</p>')).toThrow(/entité HTML/);
    expect(() => inlineCode("<p style='a:b'>x</p>")).toThrow(/guillemets doubles/);
  });
});
