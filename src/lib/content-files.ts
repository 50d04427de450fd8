/**
 * Lecture des fichiers de contenu depuis le disque, hors d'Astro : utilisée par la configuration
 * (navigation, identifiants connus pour valider les citations) et par les tests de contenu.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compareFicheCodes } from './themes';
import { glossarySchema, type GlossaryTerm, type KnownIds } from './schemas';

export const FICHES_DIR = 'src/content/docs/fiches';
export const REFERENCES_FILE = 'content/references.yaml';
export const GLOSSARY_FILE = 'content/glossary.yaml';
export const REDACTIONS_DIR = 'content/redactions';

export interface FicheFile {
  file: string;
  code: string;
  theme: string;
  title: string;
  description: string;
  data: Record<string, unknown>;
  body: string;
}

/** Sépare le frontmatter YAML du corps d'un fichier Markdown/MDX. */
export function splitFrontmatter(source: string, file: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file} : frontmatter absent (le fichier doit commencer par « --- »).`);
  const data = parseYaml(match[1] ?? '') as Record<string, unknown> | null;
  return { data: data ?? {}, body: match[2] ?? '' };
}

/** Les fiches, triées par code. Un fichier sans code dans fiches/ est une erreur. */
export function readFicheFiles(root = '.'): FicheFile[] {
  const dir = join(root, FICHES_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.mdx?$/.test(name) && !name.startsWith('_'))
    .map((name) => {
      const file = join(FICHES_DIR, name);
      const { data, body } = splitFrontmatter(readFileSync(join(root, file), 'utf8'), file);
      if (typeof data.code !== 'string') throw new Error(`${file} : champ « code » manquant (toute page de fiches/ est une fiche).`);
      const expected = `${data.code.toLowerCase()}.mdx`;
      if (name !== expected) throw new Error(`${file} : le fichier d'une fiche porte son code (attendu : ${expected}).`);
      return {
        file,
        code: data.code,
        theme: typeof data.theme === 'string' ? data.theme : '',
        title: typeof data.title === 'string' ? data.title : '',
        description: typeof data.description === 'string' ? data.description : '',
        data,
        body,
      };
    })
    .sort((a, b) => compareFicheCodes(a.code, b.code));
}

function yamlIds(root: string, file: string): string[] {
  const path = join(root, file);
  if (!existsSync(path)) return [];
  const list: unknown = parseYaml(readFileSync(path, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${file} : une liste d'entrées est attendue.`);
  return list.map((entry: { id?: unknown } | null) => String(entry?.id));
}

export function redactionIds(root = '.'): string[] {
  const dir = join(root, REDACTIONS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('_'))
    .map((name) => name.replace(/\.ya?ml$/, ''));
}

/** Les identifiants que le frontmatter peut citer. */
export function readKnownIds(root = '.'): KnownIds {
  return {
    references: new Set(yamlIds(root, REFERENCES_FILE)),
    fiches: new Set(readFicheFiles(root).map((f) => f.code)),
    redactions: new Set(redactionIds(root)),
  };
}

/** Les termes du glossaire, validés (une entrée invalide arrête la construction en nommant le terme). */
export function readGlossary(root = '.'): GlossaryTerm[] {
  const path = join(root, GLOSSARY_FILE);
  if (!existsSync(path)) return [];
  const list = parseYaml(readFileSync(path, 'utf8')) as unknown[];
  return list.map((entry, index) => {
    const result = glossarySchema.safeParse(entry);
    if (!result.success) {
      const where = (entry as { id?: string } | null)?.id ?? `entrée n° ${index + 1}`;
      throw new Error(`${GLOSSARY_FILE} (${where}) : ${result.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).join(' ; ')}`);
    }
    return result.data;
  });
}
