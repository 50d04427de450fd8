import { describe, expect, test } from 'vitest';
import { readSearchState, writeSearchState } from '../../src/lib/search-state';
import { FILTERS } from '../../src/lib/search-filters';

describe('search state in the URL', () => {
  test('round-trips the query and several values per filter', () => {
    const state = { query: 'marché réservé', filters: { type: ['Fiche'], 'thème': ['C — La préparation du contrat public'], public: ['Acheteurs et maîtres d’ouvrage', 'Facilitateurs'] } };
    const url = writeSearchState('https://site.fr/recherche/?old=1', state, FILTERS);
    expect(url).not.toContain('old=1');
    expect(readSearchState(url, FILTERS)).toEqual(state);
  });
  test('an empty state gives a bare URL and empty filters', () => {
    const url = writeSearchState('https://site.fr/recherche/?q=x', { query: '  ', filters: {} }, FILTERS);
    expect(url).toBe('https://site.fr/recherche/');
    expect(readSearchState(url, FILTERS)).toEqual({ query: '', filters: { type: [], 'thème': [], public: [] } });
  });
});
