import { describe, expect, test } from 'vitest';
import type { z } from 'astro/zod';
import { pageFields, referenceSchema } from '../../src/lib/schemas';
import { parseWithFriendlyErrors } from '../../src/lib/content-errors';

const known = {
  references: new Set(['ccp-l2112-2']),
  fiches: new Set(['C3', 'C4']),
  redactions: new Set(['ccap-condition-execution']),
};
const fiche = {
  title: 'Une fiche', code: 'C4', theme: 'C', audiences: ['acheteur'], references: ['ccp-l2112-2'], related: ['C3'],
  redactions: ['ccap-condition-execution'], updated: '2026-11-22',
};
/** Les lignes d'erreur au format commun (« fichier, champ « x » : attendu …, trouvé … »), ou aucune. */
function issuesOf(data: unknown, schema: z.ZodType = pageFields(known)): string[] {
  try {
    parseWithFriendlyErrors(schema, data, { file: 'essai.mdx' });
    return [];
  } catch (error) {
    return (error as Error).message.split('\n');
  }
}

describe('fiche frontmatter', () => {
  test('accepts a complete fiche', () => {
    expect(issuesOf(fiche)).toEqual([]);
  });

  test('accepts a page without code and without fiche fields', () => {
    expect(issuesOf({ title: 'Mentions légales', kind: 'autre' })).toEqual([]);
  });

  test('names each missing field of a fiche', () => {
    expect(issuesOf({ title: 'Une fiche', code: 'C4' })).toEqual(
      ['theme', 'audiences', 'references', 'related', 'redactions', 'updated'].map((f) => `essai.mdx, champ « ${f} » : Champ obligatoire pour une fiche : « ${f} ».`),
    );
  });

  test('names the field and the position of an unknown reference, fiche or draft id', () => {
    const issues = issuesOf({ ...fiche, references: ['ccp-l2112-2', 'ccp-l9999'], related: ['Z9'], redactions: ['inconnue'] });
    expect(issues).toContainEqual(expect.stringMatching(/^essai\.mdx, champ « references\.1 » : Référence juridique inconnue : « ccp-l9999 »/));
    expect(issues).toContainEqual(expect.stringMatching(/^essai\.mdx, champ « related\.0 » : Fiche inconnue : « Z9 »/));
    expect(issues).toContainEqual(expect.stringMatching(/^essai\.mdx, champ « redactions\.0 » : Rédaction type inconnue : « inconnue »/));
  });

  test('rejects a theme that does not match the code, a bad code and an unknown audience', () => {
    expect(issuesOf({ ...fiche, theme: 'B' })).toContainEqual(expect.stringMatching(/^essai\.mdx, champ « theme » : .*attendu : « C »/));
    expect(issuesOf({ ...fiche, code: 'C44' })).toContainEqual(expect.stringMatching(/^essai\.mdx, champ « code » : attendu un code de fiche : .*, trouvé « C44 »$/));
    expect(issuesOf({ ...fiche, audiences: ['grand-public'] })).toContainEqual(expect.stringMatching(/^essai\.mdx, champ « audiences\.0 » : attendu « acheteur » ou .*, trouvé « grand-public »$/));
  });

  test('rejects an invalid date', () => {
    expect(issuesOf({ ...fiche, updated: 'hier' })).toContainEqual(expect.stringMatching(/^essai\.mdx, champ « updated » : attendu une date au format AAAA-MM-JJ, trouvé « hier »$/));
    expect(issuesOf({ ...fiche, updated: '2026-02-30' })).toContainEqual(expect.stringMatching(/^essai\.mdx, champ « updated » : attendu une date qui existe \(jour du mois\)/));
  });
});

describe('legal reference', () => {
  const ref = { id: 'ccp-l2112-2', label: 'CCP, art. L2112-2', summary: 'Conditions d’exécution.', status: 'en-vigueur', url: 'https://www.legifrance.gouv.fr/' };
  test('accepts a complete reference', () => expect(referenceSchema.safeParse(ref).success).toBe(true));
  test('requires a date for a text not yet in force', () => {
    expect(issuesOf({ ...ref, status: 'a-venir' }, referenceSchema)).toContainEqual(expect.stringMatching(/^essai\.mdx, champ « since » : /));
  });
  test('requires an absolute URL', () => expect(referenceSchema.safeParse({ ...ref, url: '/codes/' }).success).toBe(false));
});
