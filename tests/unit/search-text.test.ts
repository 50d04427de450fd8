import { describe, expect, test } from 'vitest';
import { joinElisions, normaliseQuery, prepareHtmlForIndex, splitElisions } from '../../src/lib/search-text';

describe('French elisions in search', () => {
  test('detaches l’, d’, qu’, n’, s’, j’, jusqu’ with straight or curly apostrophes', () => {
    expect(splitElisions("l'emploi d’insertion qu’elle n'a s’il j'ai jusqu’au")).toBe('l’ emploi d’ insertion qu’ elle n’ a s’ il j’ ai jusqu’ au');
  });
  test('leaves other apostrophes and words alone', () => {
    expect(splitElisions('aujourd’hui')).toBe('aujourd’hui');
  });
  test('rejoins elisions in displayed excerpts, around <mark>', () => {
    expect(joinElisions('l’ <mark>emploi</mark> et d’ insertion')).toBe('l’<mark>emploi</mark> et d’insertion');
  });
  test('only changes text, never tags or attributes', () => {
    expect(prepareHtmlForIndex(`<a title="l'emploi" href="/d'x">l'emploi</a>`)).toBe(`<a title="l'emploi" href="/d'x">l’ emploi</a>`);
  });
  test('strips elided articles from queries', () => {
    expect(normaliseQuery("comment calculer les heures d’insertion ?")).toBe('calculer heures insertion');
    expect(normaliseQuery('faut-il une clause')).toBe('clause');
    expect(normaliseQuery('le')).toBe('le');
    expect(normaliseQuery('  l’emploi ')).toBe('emploi');
  });
});
