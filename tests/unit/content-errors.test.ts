/**
 * Un fichier de contenu cassé arrête la construction avec une erreur au format commun : le fichier et sa ligne,
 * le champ, ce qui était attendu, ce qui a été trouvé. Chaque lecteur est essayé sur une copie cassée écrite
 * dans un dossier temporaire (références, glossaire, frontmatter d'une fiche) ou sur un texte (rédaction type).
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FICHES_DIR, GLOSSARY_FILE, REFERENCES_FILE, readFicheFiles, readGlossary, readReferences } from '../../src/lib/content-files';
import { parseDraft } from '../../src/lib/redactions/loaders/load';
import { ContentError } from '../../src/lib/content-errors';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** Un projet réduit : les fichiers donnés, les autres lecteurs trouvant des dossiers vides. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'recueil-contenu-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

/** Le message d'erreur levé par `read`, après avoir vérifié que c'est bien une erreur de contenu. */
function errorOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('aucune erreur levée');
}

const reference = (fields: string) => `# Références\n\n- id: ccp-l2112-2\n  label: CCP, art. L2112-2\n  summary: Les conditions d’exécution peuvent prendre en compte des considérations sociales.\n${fields}`;

describe('one error format for every content file', () => {
  test('a legal reference with a relative URL names the file, its line, the entry and field, expected and found', () => {
    const root = project({ [REFERENCES_FILE]: reference('  status: en-vigueur\n  url: /codes/\n') });
    expect(errorOf(() => readReferences(root))).toBe(
      'content/references.yaml:7, champ « ccp-l2112-2.url » : attendu une URL absolue (https://…), trouvé « /codes/ »',
    );
  });

  test('a legal reference with an unknown status lists the accepted values', () => {
    const root = project({ [REFERENCES_FILE]: reference('  status: en-projet\n  url: https://www.legifrance.gouv.fr/\n') });
    expect(errorOf(() => readReferences(root))).toBe(
      'content/references.yaml:6, champ « ccp-l2112-2.status » : attendu « en-vigueur » ou « a-venir » ou « abroge », trouvé « en-projet »',
    );
  });

  test('a glossary term without definition, and a duplicated id, are named by their id', () => {
    const term = '- id: siae\n  term: SIAE\n  definition: Structure conventionnée qui embauche des personnes éloignées de l’emploi.\n';
    expect(errorOf(() => readGlossary(project({ [GLOSSARY_FILE]: '- id: siae\n  term: SIAE\n' })))).toBe(
      'content/glossary.yaml:1, champ « siae.definition » : attendu un texte, trouvé rien (champ absent)',
    );
    expect(errorOf(() => readGlossary(project({ [GLOSSARY_FILE]: term + term })))).toBe(
      'content/glossary.yaml:4, champ « siae.id » : attendu un identifiant unique, trouvé « siae » une deuxième fois',
    );
  });

  test('a fiche whose frontmatter cites an unknown reference names the fiche, the line and the position', () => {
    const c3 = readFileSync(join(FICHES_DIR, 'c3.mdx'), 'utf8');
    const root = project({
      [REFERENCES_FILE]: readFileSync(REFERENCES_FILE, 'utf8'),
      [join(FICHES_DIR, 'c3.mdx')]: c3.replace(/^related: .*$/m, 'related: []').replace(/^references: \[/m, 'references: [article-imaginaire, '),
    });
    expect(errorOf(() => readFicheFiles(root))).toMatch(
      /^src\/content\/docs\/fiches\/c3\.mdx:7, champ « references\.0 » : Référence juridique inconnue : « article-imaginaire »\./,
    );
  });

  test('a fiche with a malformed date says what was expected and what was found', () => {
    const c3 = readFileSync(join(FICHES_DIR, 'c3.mdx'), 'utf8').replace(/^related: .*$/m, 'related: []').replace(/^updated: .*$/m, 'updated: 30/11/2026');
    const line = c3.split('\n').indexOf('updated: 30/11/2026') + 1;
    const root = project({ [REFERENCES_FILE]: readFileSync(REFERENCES_FILE, 'utf8'), [join(FICHES_DIR, 'c3.mdx')]: c3 });
    expect(line).toBeGreaterThan(1);
    expect(errorOf(() => readFicheFiles(root))).toBe(
      `src/content/docs/fiches/c3.mdx:${line}, champ « updated » : attendu une date au format AAAA-MM-JJ, trouvé « 30/11/2026 »`,
    );
  });

  test('a draft with a wrong type of value names the file, the line, the field, expected and found', () => {
    const source = readFileSync('content/redactions/avis-rc-clause.yaml', 'utf8').replace(/^numberArticles: .*$/m, 'numberArticles: non');
    const line = source.split('\n').findIndex((l) => l.startsWith('numberArticles:')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(errorOf(() => parseDraft(source, 'content/redactions/avis-rc-clause.yaml'))).toBe(
      `content/redactions/avis-rc-clause.yaml:${line}, champ « numberArticles » : attendu true ou false, trouvé « non »`,
    );
  });

  test('unreadable YAML (a key written twice) names the file and the line', () => {
    expect(errorOf(() => readGlossary(project({ [GLOSSARY_FILE]: '- id: siae\n  id: iae\n' })))).toMatch(
      /^content\/glossary\.yaml:2 : attendu du YAML lisible, trouvé une erreur : /,
    );
  });
});
