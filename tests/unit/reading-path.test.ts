import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolveReadingPath, type ReadingStep } from '../../src/lib/reading-path';
import { readAudiencePages, readFicheFiles } from '../../src/lib/content-files';
import { AUDIENCE_IDS } from '../../src/lib/themes';
import { NNBSP } from '../../src/lib/typography';

const fiches = [
  { code: 'C1', title: 'Le cadre juridique de la clause sociale' },
  { code: 'C3', title: 'Calibrer la clause : calculer le volume d’heures' },
];
const redactions = new Map([['bilan-execution', 'Bilan d’exécution de la clause']]);
const step = (over: Partial<ReadingStep> = {}): ReadingStep => ({ code: 'C1', question: 'Suis-je obligé ?', why: 'Parce que la loi le prévoit.', ...over });

describe('resolveReadingPath', () => {
  test('joins fiche and model draft titles, in the order given, with French typography', () => {
    const resolved = resolveReadingPath([step({ code: 'c3', annexe: ['bilan-execution'] }), step()], fiches, redactions);
    expect(resolved.map((s) => s.code)).toEqual(['C3', 'C1']);
    const [first, second] = resolved;
    expect(first?.title).toBe(fiches[1]?.title);
    expect(first?.annexe).toEqual([{ id: 'bilan-execution', title: 'Bilan d’exécution de la clause' }]);
    expect(second?.question).toBe(`Suis-je obligé${NNBSP}?`);
  });

  test('an unknown fiche code fails with a French message naming the page, the step and the code', () => {
    expect(() => resolveReadingPath([step(), step({ code: 'Z9' })], fiches, redactions, '/publics/acheteur/'))
      .toThrow(/Parcours de lecture \(\/publics\/acheteur\/\), étape 2 : la fiche « Z9 » n’existe pas\. Codes existants : C1, C3\./);
  });

  test('an unknown model draft, a duplicate fiche or an empty text also fail', () => {
    expect(() => resolveReadingPath([step({ annexe: ['modele-imaginaire'] })], fiches, redactions)).toThrow(/rédaction type « modele-imaginaire » n’existe pas/);
    expect(() => resolveReadingPath([step(), step()], fiches, redactions)).toThrow(/étape 2 : la fiche C1 figure déjà/);
    expect(() => resolveReadingPath([step({ why: ' ' })], fiches, redactions)).toThrow(/phrase d’explication est vide/);
    expect(() => resolveReadingPath([], fiches, redactions)).toThrow(/aucune étape/);
  });
});

describe('the « Vous êtes… » pages', () => {
  const dir = 'src/content/docs/publics';
  const known = new Set(readFicheFiles().map((f) => f.code));

  test('there is one page per audience, and nothing else', () => {
    expect(readdirSync(dir).sort()).toEqual(AUDIENCE_IDS.map((id) => `${id}.mdx`).sort());
  });

  test('the sidebar lists them in the order of AUDIENCES, by their page title', () => {
    const pages = readAudiencePages();
    expect(pages.map((p) => p.link)).toEqual(AUDIENCE_IDS.map((id) => `/publics/${id}/`));
    for (const page of pages) expect(readFileSync(`${dir}/${page.id}.mdx`, 'utf8')).toContain(`title: "${page.title}"`);
  });

  for (const id of AUDIENCE_IDS) {
    test(`${id}: 5 to 9 steps, each an existing fiche that addresses this audience`, () => {
      const source = readFileSync(`${dir}/${id}.mdx`, 'utf8');
      const codes = [...source.matchAll(/^\s*code: '([A-E]\d)'/gm)].map((m) => m[1] ?? '');
      expect(codes.length).toBeGreaterThanOrEqual(5);
      expect(codes.length).toBeLessThanOrEqual(9);
      for (const code of codes) expect(known, code).toContain(code);
      // Chaque fiche du parcours s'adresse bien à ce public (frontmatter `audiences`).
      const fichesByCode = new Map(readFicheFiles().map((f) => [f.code, f.data.audiences ?? []]));
      expect(codes.filter((c) => !fichesByCode.get(c)?.includes(id)), 'fiches du parcours qui ne visent pas ce public').toEqual([]);
      expect(source).toMatch(new RegExp(`^kind: autre$`, 'm'));
      // Liens du texte : seulement des fiches et l'index de l'annexe (pas les rédactions une à une).
      const links = [...source.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1] ?? '');
      expect(links.filter((l) => !/^\/fiches\/[a-e]\d\/$/.test(l) && l !== '/redactions/')).toEqual([]);
    });
  }
});
