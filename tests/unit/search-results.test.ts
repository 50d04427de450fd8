import { describe, expect, test } from 'vitest';
import { bestExcerpt, resultView, statusText, MAX_SECTIONS } from '../../src/lib/search-results';

describe('header search results', () => {
  const data = {
    url: '/fiches/b5/',
    excerpt: 'appliquer une <mark>pénalité</mark> par heure. L’ acheteur d’ abord',
    meta: { title: 'Difficultés d’exécution et pénalités', code: 'B5' },
    sub_results: [
      { url: '/fiches/b5/#_top', title: 'Difficultés d’ exécution et pénalités', excerpt: 'titre' },
      { url: '/fiches/b5/#lessentiel', title: 'L’ essentiel', excerpt: 'une <mark>pénalité</mark> par heure d’ insertion' },
      { url: '/fiches/b5/#a', title: 'A', excerpt: 'a' },
      { url: '/fiches/b5/#b', title: 'B', excerpt: 'b' },
      { url: '/fiches/b5/#c', title: 'C', excerpt: 'c' },
    ],
  };
  test('puts the fiche code before its title', () => {
    expect(resultView(data).title).toBe('B5 · Difficultés d’exécution et pénalités');
    expect(resultView({ ...data, meta: { title: 'Glossaire' } }).title).toBe('Glossaire');
  });
  test('rejoins elisions in excerpts and section titles', () => {
    expect(resultView({ ...data, sub_results: [] }).excerpt).toBe('appliquer une <mark>pénalité</mark> par heure. L’acheteur d’abord');
    const view = resultView(data);
    expect(view.sections[0]).toEqual({ url: '/fiches/b5/#lessentiel', title: 'L’essentiel', excerpt: 'une <mark>pénalité</mark> par heure d’insertion' });
  });
  test('under the title: the fiche description (escaped), else the first matching section, never the hidden keywords', () => {
    const soup = { ...data, excerpt: 'B5 Difficultés <mark>pénalités</mark> <mark>pénalité</mark> sanction défaillance' };
    expect(resultView({ ...soup, meta: { ...data.meta, description: 'Quand l’entreprise <b> n’atteint pas les heures & après' } }).excerpt).toBe('Quand l’entreprise &lt;b&gt; n’atteint pas les heures &amp; après');
    expect(resultView(soup).excerpt).toBe('une <mark>pénalité</mark> par heure d’insertion');
    expect(bestExcerpt(soup)).toBe('une <mark>pénalité</mark> par heure d’insertion');
    expect(bestExcerpt({ ...soup, sub_results: [] })).toBe(soup.excerpt);
  });
  test('lists sections below the page title, without the title itself, at most three', () => {
    const urls = resultView(data).sections.map((s) => s.url);
    expect(urls).toEqual(['/fiches/b5/#lessentiel', '/fiches/b5/#a', '/fiches/b5/#b']);
    expect(urls).toHaveLength(MAX_SECTIONS);
  });
  test('says how many results were found, with French quotation marks', () => {
    expect(statusText(0, ' GEIQ ', 5)).toBe('Aucun résultat pour «\u00a0GEIQ\u00a0».');
    expect(statusText(1, 'GEIQ', 5)).toBe('1 résultat pour «\u00a0GEIQ\u00a0».');
    expect(statusText(12, 'clause', 5)).toBe('12 résultats pour «\u00a0clause\u00a0», les 5 premiers ci-dessous.');
  });
});
