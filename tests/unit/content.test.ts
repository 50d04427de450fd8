/**
 * Contrôles du contenu éditorial, sans construire le site : frontmatter, sections, longueur,
 * sigles présents dans le glossaire, marqueurs d'inachèvement, liens internes vers des fiches.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFicheFiles, readGlossary, readKnownIds, GLOSSARY_FILE } from '../../src/lib/content-files';
import { THEMES } from '../../src/lib/themes';

const fiches = readFicheFiles();
const known = readKnownIds();
const glossary = readGlossary();

/** Les 26 fiches du plan (shared/recueil/plan.md), dans l'ordre. */
export const PLAN_CODES = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'D1', 'D2', 'D3', 'D4', 'E1', 'E2', 'E3', 'E4', 'E5'];

const REQUIRED_SECTIONS = ['L’essentiel', 'Ce que dit le droit', 'En pratique', 'Exemple', 'Points de vigilance'];
const normalise = (s: string) => s.replace(/'/g, '’').trim();

/** Texte lisible d'une fiche : sans imports, composants ni syntaxe Markdown. */
function proseOf(body: string): string {
  return body
    .replace(/^import .*$/gm, '')
    .replace(/\{[A-Za-z_$][\w$.]*\}/g, ' ') // expressions MDX ({DRAFT_KEY}) : des noms de constantes, pas du texte
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_>`|[\]]/g, ' ')
    .replace(/(^|\s)-(?=\s)/g, '$1 '); // puces de liste, pas les traits d'union (EUR-Lex, 2026-TRX-014)
}

/** Sigles : mots de deux lettres capitales ou plus (chiffres admis), hors codes de fiche et chiffres romains. */
export function acronymsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<![\p{L}\d-])([A-Z][A-Z0-9]{1,})(?![\p{L}\d-])/gu)) {
    const word = match[1] ?? '';
    if (/^[A-Z]\d+$/.test(word) || /^[IVXLC]+$/.test(word)) continue; // codes de fiche, articles (L2112), chiffres romains
    found.add(word);
  }
  return found;
}
/** Capitales qui ne sont pas des sigles du domaine : niveau de conformité, mention postale, adresse réseau. */
const NOT_ACRONYMS = ['AA', 'CEDEX', 'IP'];
const glossaryForms = new Set([...NOT_ACRONYMS, ...glossary.flatMap((t) => [t.term, ...t.aliases, ...t.term.split(/\s+/)])]);

describe('fiches', () => {
  test('every fiche code belongs to the plan and the list is in plan order', () => {
    const codes = fiches.map((f) => f.code);
    for (const code of codes) expect(PLAN_CODES, `fiche inattendue : ${code}`).toContain(code);
    expect(codes).toEqual(PLAN_CODES.filter((c) => codes.includes(c)));
  });

  for (const fiche of fiches) {
    describe(fiche.code, () => {
      // Le frontmatter est validé (identifiants cités compris) par readFicheFiles, qui lève sinon une erreur au format commun.
      test('has a real title and description', () => {
        expect(typeof fiche.data.title === 'string' && fiche.data.title.length > 10).toBe(true);
        expect(typeof fiche.data.description === 'string' && fiche.data.description.length > 30).toBe(true);
      });

      test('has the required sections in order', () => {
        const headings = [...fiche.body.matchAll(/^## (.+)$/gm)].map((m) => normalise(m[1] ?? ''));
        const positions = REQUIRED_SECTIONS.map((s) => headings.indexOf(s));
        expect(positions.filter((p) => p < 0).length, `sections trouvées : ${headings.join(' | ')}`).toBe(0);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(headings, '« Pour aller plus loin » est généré depuis le frontmatter').not.toContain('Pour aller plus loin');
      });

      test('is between 700 and 1,500 words', () => {
        const words = proseOf(fiche.body).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
        expect(words).toBeGreaterThanOrEqual(700);
        expect(words).toBeLessThanOrEqual(1500);
      });

      test('has no unfinished marker', () => {
        expect(fiche.body).not.toMatch(/\bTODO\b|\bTBD\b|\bFIXME\b|à compléter|lorem ipsum|XXX/i);
      });

      test('every acronym it uses is in the glossary', () => {
        const missing = [...acronymsIn(proseOf(fiche.body) + ' ' + fiche.title)].filter((a) => !glossaryForms.has(a));
        expect(missing, `sigles absents de ${GLOSSARY_FILE}`).toEqual([]);
      });

      test('internal links to fiches point to existing fiches', () => {
        for (const m of fiche.body.matchAll(/\]\(\/fiches\/([a-z]\d)\/?(?:#[^)]*)?\)/g)) {
          expect(known.fiches.has((m[1] ?? '').toUpperCase()), `lien vers /fiches/${m[1] ?? ''}/`).toBe(true);
        }
      });
    });
  }

  test('no fiche is an orphan: each is related to, or cited by, another fiche', () => {
    if (fiches.length < 2) return;
    for (const fiche of fiches) {
      const links = fiche.data.related!.length + fiches.filter((f) => f.data.related!.includes(fiche.code)).length;
      expect(links, `${fiche.code} n'est reliée à aucune fiche`).toBeGreaterThan(0);
    }
  });

  test('themes in content match the five themes of the plan', () => {
    expect(THEMES.map((t) => t.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});

describe('glossary', () => {
  test('ids are unique and related fiches exist', () => {
    const ids = glossary.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of glossary) if (t.fiche && fiches.length > 0) expect(PLAN_CODES).toContain(t.fiche);
  });
});

describe('content folder', () => {
  test('has no unfinished marker in data files', () => {
    const files = ['content/references.yaml', GLOSSARY_FILE, ...readdirSync('content/redactions', { withFileTypes: true }).filter((d) => d.isFile()).map((d) => join('content/redactions', d.name))].filter(Boolean);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bTODO\b|\bFIXME\b|à compléter|lorem ipsum/i);
  });
});

describe('acronyms outside the fiches', () => {
  const otherPages = readdirSync('src/content/docs', { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.mdx?$/.test(d.name) && !d.parentPath.includes('fiches'))
    .map((d) => join(d.parentPath, d.name));
  const drafts = readdirSync('content/redactions').filter((n) => n.endsWith('.yaml')).map((n) => join('content/redactions', n));
  test.each([...otherPages, ...drafts])('every acronym in %s is in the glossary', (file) => {
    const text = readFileSync(file, 'utf8').replace(/^---[\s\S]*?---/, '').replace(/^#.*$/gm, '').replace(/^\s*(id|type|placement|fiche|references|when|name|key):.*$/gm, '');
    const missing = [...acronymsIn(proseOf(text))].filter((a) => !glossaryForms.has(a));
    expect(missing, `sigles absents de ${GLOSSARY_FILE}`).toEqual([]);
  });
});
