import { describe, expect, test } from 'vitest';
import { NBSP, NNBSP, applyTypography, frenchTypography, prefixBase } from '../../src/lib/typography';

describe('French typography', () => {
  test('puts a narrow no-break space before ; ! ? and a no-break space before :', () => {
    expect(frenchTypography('Attention ; vraiment ! Pourquoi ? Ainsi :')).toBe(`Attention${NNBSP}; vraiment${NNBSP}! Pourquoi${NNBSP}? Ainsi${NBSP}:`);
  });
  test('adds no-break spaces inside French quotes, even when missing', () => {
    expect(frenchTypography('«clause» et « critère »')).toBe(`«${NBSP}clause${NBSP}» et «${NBSP}critère${NBSP}»`);
  });
  test('keeps numbers and units together', () => {
    expect(frenchTypography('5 404 000 € HT, 30 % et 833 h')).toBe(`5${NNBSP}404${NNBSP}000${NBSP}€ HT, 30${NBSP}% et 833${NBSP}h`);
  });
  test('turns straight apostrophes between letters into typographic ones', () => {
    expect(frenchTypography("l'emploi d'insertion")).toBe('l’emploi d’insertion');
  });
  test('is idempotent', () => {
    const once = frenchTypography('« clause » : oui ; 5 404 000 € ! l\'emploi ?');
    expect(frenchTypography(once)).toBe(once);
  });
  test('leaves times and URLs alone', () => {
    expect(frenchTypography('à 10:30 sur https://exemple.fr')).toBe('à 10:30 sur https://exemple.fr');
  });
  test('does not touch code', () => {
    const tree = { type: 'root', children: [{ type: 'element', tagName: 'code', children: [{ type: 'text', value: 'a ; b' }] }] };
    applyTypography(tree);
    expect(tree.children[0]!.children[0]!.value).toBe('a ; b');
  });
  test('prefixes the deployment base to internal links only', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'a', properties: { href: '/fiches/c3/' }, children: [] },
        { type: 'element', tagName: 'a', properties: { href: 'https://eur-lex.europa.eu/' }, children: [] },
      ],
    };
    prefixBase(tree, '/recueil/');
    expect(tree.children.map((c) => c.properties.href)).toEqual(['/recueil/fiches/c3/', 'https://eur-lex.europa.eu/']);
  });
});
