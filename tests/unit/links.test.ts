import { describe, expect, test } from 'vitest';
import { findBrokenLinks } from '../support/links';

describe('internal link checker', () => {
  test('reports a missing page and a missing anchor, and nothing else', () => {
    const broken = findBrokenLinks('tests/fixtures/links');
    expect(broken.map((b) => b.href).sort()).toEqual(['/absente/', '/sub/#inexistante']);
    expect(broken.find((b) => b.href === '/sub/#inexistante')?.reason).toMatch(/ancre/);
  });

  test('treats links outside the deployment base as broken', () => {
    const broken = findBrokenLinks('tests/fixtures/links', '/recueil/');
    expect(broken.some((b) => b.href === '/sub/' && /base/.test(b.reason))).toBe(true);
  });
});
