import { describe, expect, test } from 'vitest';
import { checkBudgets } from '../../scripts/bench-budgets.mjs';

describe('performance budgets', () => {
  const budgets = { pages: { fiche: { transferKiB: { max: 30 }, preactOnLoad: { equals: false } } }, lighthouse: { fiche: { seo: { min: 100 } } } };
  test('passes when every figure is within budget', () => {
    expect(checkBudgets({ pages: { fiche: { transferKiB: 29.5, preactOnLoad: false } }, lighthouse: { fiche: { seo: 100 } } }, budgets)).toEqual([]);
  });
  test('names each exceeded budget and each missing figure', () => {
    expect(checkBudgets({ pages: { fiche: { transferKiB: 31, preactOnLoad: true } }, lighthouse: {} }, budgets)).toEqual([
      'pages › fiche › transferKiB : 31 > 30',
      'pages › fiche › preactOnLoad : true ≠ false',
      'lighthouse › fiche › seo : mesure absente',
    ]);
  });
});
