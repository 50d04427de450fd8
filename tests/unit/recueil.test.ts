import { describe, expect, test } from 'vitest';
import { idsIn, scopeFicheHtml } from '../../src/lib/recueil';

const fiche = [
  '<div class="sl-heading-wrapper level-h2"><h2 id="lessentiel">L’essentiel</h2><a class="sl-anchor-link" href="#lessentiel"><span class="sr-only">Section</span></a></div>',
  '<p>Voir la <a href="/fiches/c3/">fiche C3</a> et son <a href="/fiches/c3/#exemple">exemple</a>, le <a href="/glossaire/#ht" aria-describedby="glossaire-ht">HT</a>',
  '<span class="glossary-term__tip" role="tooltip" id="glossaire-ht">HT : hors taxes. id="piège" dans le texte.</span></p>',
  '<h3 id="qui-fait-quoi">Qui fait quoi</h3><h6 id="bas">Bas</h6>',
  '<section aria-labelledby="base-juridique"><h2 id="base-juridique">Base juridique</h2><a href="https://www.legifrance.gouv.fr/">CCP</a></section>',
].join('\n');

describe('scopeFicheHtml', () => {
  const out = scopeFicheHtml(fiche, { prefix: 'a1', shift: 2 });

  test('prefixes every id and every reference to an id', () => {
    expect(idsIn(out)).toEqual(['a1-lessentiel', 'a1-glossaire-ht', 'a1-qui-fait-quoi', 'a1-bas', 'a1-base-juridique']);
    expect(out).toContain('href="#a1-lessentiel"');
    expect(out).toContain('aria-describedby="a1-glossaire-ht"');
    expect(out).toContain('aria-labelledby="a1-base-juridique"');
  });

  test('shifts heading levels (capped at h6), Starlight wrapper class included', () => {
    expect(out).toContain('<h4 id="a1-lessentiel">L’essentiel</h4>');
    expect(out).toContain('<h5 id="a1-qui-fait-quoi">Qui fait quoi</h5>');
    expect(out).toContain('<h6 id="a1-bas">Bas</h6>');
    expect(out).toContain('class="sl-heading-wrapper level-h4"');
    expect(out).not.toMatch(/<\/?h[23][\s>]/);
  });

  test('turns links to fiches into anchors on the page, leaves other links alone', () => {
    expect(out).toContain('<a href="#fiche-c3">fiche C3</a>');
    expect(out).toContain('<a href="#c3-exemple">exemple</a>');
    expect(out).toContain('href="/glossaire/#ht"');
    expect(out).toContain('href="https://www.legifrance.gouv.fr/"');
  });

  test('never touches the text', () => {
    expect(out).toContain('HT : hors taxes. id="piège" dans le texte.');
    const text = (html: string) => html.replace(/<[^>]+>/g, '');
    expect(text(out)).toBe(text(fiche));
  });

  test('recognises fiche links under a deployment base', () => {
    const based = scopeFicheHtml('<a href="/recueil/fiches/b2/">B2</a><a href="/fiches/b2/">hors base</a>', { prefix: 'a1', shift: 2, base: '/recueil/' });
    expect(based).toBe('<a href="#fiche-b2">B2</a><a href="/fiches/b2/">hors base</a>');
  });

  test('two fiches with the same headings end up with distinct ids', () => {
    const a = idsIn(scopeFicheHtml(fiche, { prefix: 'a1', shift: 2 }));
    const b = idsIn(scopeFicheHtml(fiche, { prefix: 'a2', shift: 2 }));
    expect(new Set([...a, ...b]).size).toBe(a.length + b.length);
  });
});
