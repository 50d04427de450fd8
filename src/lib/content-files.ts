/**
 * Les lecteurs des fichiers de contenu, un par fichier, tous validés et tous au format d'erreur commun
 * (`content-errors.ts` : fichier:ligne, champ, attendu, trouvé) : références juridiques, glossaire, frontmatter des
 * fiches. Les rédactions types ont le leur, le catalogue (`redactions/loaders/catalog.ts`). Utilisés par la
 * configuration (navigation, plugin rehype), les collections d'Astro, les pages et les tests.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { AUDIENCE_IDS, audienceHref, compareFicheCodes, type Audience } from './themes';
import { changeSchema, glossarySchema, pageFields, referenceSchema, type Change, type GlossaryTerm, type KnownIds, type LegalReference } from './schemas';
import { ContentError, contentMessage, parseWithFriendlyErrors } from './content-errors';
import { readYaml } from './yaml-source';
import { frenchTypography } from './typography';
import { draftIds } from './redactions/loaders/catalog';

export const FICHES_DIR = 'src/content/docs/fiches';
export const AUDIENCES_DIR = 'src/content/docs/publics';
export const REFERENCES_FILE = 'content/references.yaml';
export const GLOSSARY_FILE = 'content/glossary.yaml';
export const CHANGES_FILE = 'content/changes.yaml';

/** Frontmatter d'une page du recueil, validé. */
export type PageData = z.output<ReturnType<typeof pageFields>>;

export interface FicheFile {
  file: string;
  code: string;
  theme: string;
  title: string;
  description: string;
  /** Champs propres au recueil, validés (ceux de Starlight ne sont pas repris). */
  data: PageData;
  body: string;
}

/** Une liste YAML d'entrées identifiées, chacune validée ; l'erreur nomme l'entrée par son `id`. */
function readYamlList<S extends z.ZodType>(root: string, file: string, schema: S): z.output<S>[] {
  const path = join(root, file);
  if (!existsSync(path)) return [];
  const { data, lineOf } = readYaml(readFileSync(path, 'utf8'), file);
  if (!Array.isArray(data)) throw new ContentError(contentMessage({ file, lineOf }, [], 'attendu une liste d’entrées (« - id: … »)', typeof data));
  const seen = new Set<string>();
  return data.map((entry: unknown, index) => {
    const id = (entry as { id?: unknown } | null)?.id;
    const source = { file, lineOf, at: [index], entry: typeof id === 'string' ? id : `entrée n° ${index + 1}` };
    const parsed = parseWithFriendlyErrors(schema, entry, source);
    if (typeof id === 'string' && seen.has(id)) throw new ContentError(contentMessage(source, ['id'], 'attendu un identifiant unique', `« ${id} » une deuxième fois`));
    if (typeof id === 'string') seen.add(id);
    return parsed;
  });
}

/** Les références juridiques, validées. */
export const readReferences = (root = '.'): LegalReference[] => readYamlList(root, REFERENCES_FILE, referenceSchema);

/** Les termes du glossaire, validés. */
export const readGlossary = (root = '.'): GlossaryTerm[] => readYamlList(root, GLOSSARY_FILE, glossarySchema);

/** Sépare le frontmatter YAML du corps d'un fichier Markdown/MDX. */
function splitFrontmatter(source: string, file: string) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new ContentError(contentMessage({ file }, [], 'attendu un frontmatter en tête (« --- »)', 'un fichier sans frontmatter'));
  return { ...readYaml(match[1] ?? '', file, 2), body: match[2] ?? '' };
}

/**
 * Les fiches, triées par code, frontmatter validé par le même schéma que la collection d'Astro (`pageFields`) :
 * un fichier sans code dans fiches/, mal nommé ou qui cite un identifiant inconnu est une erreur.
 */
export function readFicheFiles(root = '.'): FicheFile[] {
  const dir = join(root, FICHES_DIR);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((name) => /\.mdx?$/.test(name) && !name.startsWith('_'))
    .map((name) => {
      const file = join(FICHES_DIR, name);
      const { data, lineOf, body } = splitFrontmatter(readFileSync(join(root, file), 'utf8'), file);
      const code = (data as { code?: unknown } | null)?.code;
      if (typeof code !== 'string') throw new ContentError(contentMessage({ file, lineOf }, ['code'], 'attendu un code de fiche (toute page de fiches/ est une fiche)', 'rien (champ absent)'));
      const expected = `${code.toLowerCase()}.mdx`;
      if (name !== expected) throw new ContentError(contentMessage({ file, lineOf }, ['code'], `attendu le code du nom de fichier (${expected} pour « ${code} »)`, `le fichier ${name}`));
      return { file, code, data, lineOf, body };
    });
  const known = knownIds(root, new Set(files.map((f) => f.code)));
  return files
    .map(({ file, code, data, lineOf, body }) => {
      const page = parseWithFriendlyErrors(pageFields(known), data, { file, lineOf });
      return { file, code, theme: page.theme ?? '', title: page.title, description: page.description ?? '', data: page, body };
    })
    .sort((a, b) => compareFicheCodes(a.code, b.code));
}

function knownIds(root: string, fiches: ReadonlySet<string>): KnownIds {
  return { references: new Set(readReferences(root).map((r) => r.id)), fiches, redactions: new Set(draftIds) };
}

/** Les identifiants que le frontmatter peut citer. */
export function readKnownIds(root = '.'): KnownIds {
  return knownIds(root, new Set(readFicheFiles(root).map((f) => f.code)));
}

/** La page « Vous êtes… » de chaque public de `AUDIENCES`, dans leur ordre : son titre et son adresse (navigation). */
export function readAudiencePages(root = '.'): { id: Audience; title: string; link: string }[] {
  return AUDIENCE_IDS.map((id) => {
    const file = join(AUDIENCES_DIR, `${id}.mdx`);
    const path = join(root, file);
    if (!existsSync(path)) throw new ContentError(contentMessage({ file }, [], `attendu la page « Vous êtes… » du public « ${id} »`, 'aucun fichier'));
    const { data, lineOf } = splitFrontmatter(readFileSync(path, 'utf8'), file);
    const { title } = parseWithFriendlyErrors(z.object({ title: z.string().min(1) }), data, { file, lineOf });
    return { id, title: frenchTypography(title), link: audienceHref(id) };
  });
}

/**
 * L'historique du recueil, validé avec les fiches et rédactions types existantes, dans l'ordre du fichier.
 * Une entrée invalide ou un identifiant en double arrête la construction en nommant l'entrée et le champ.
 */
export function readChanges(root = '.', known: Pick<KnownIds, 'fiches' | 'redactions'> = readKnownIds(root)): Change[] {
  return readYamlList(root, CHANGES_FILE, changeSchema(known));
}
