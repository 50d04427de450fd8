/**
 * Un seul format d'erreur pour le contenu lu à la construction (rédactions types, références, glossaire, fiches),
 * sur le modèle de `parseWithFriendlyErrors` de Starlight, en français :
 *
 *   content/references.yaml:14, champ « ccp-l2112-2.url » : attendu une URL absolue (https://…), trouvé « /codes/ »
 *
 * Le fichier (et la ligne quand on la connaît), le champ, ce qui était attendu, ce qui a été trouvé. Module pur.
 */
import { z } from 'astro/zod';

/** Erreur de contenu : son message est prêt à montrer à l'auteur (une ligne par problème). */
export class ContentError extends Error {
  override name = 'ContentError';
}

/** Où se trouve le contenu validé, pour nommer le fichier et la ligne. */
export interface ContentSource {
  /** Chemin du fichier, relatif au projet. */
  file: string;
  /** Ligne (1 = première) du champ au chemin donné, ou de son parent le plus proche. */
  lineOf?: (path: (string | number)[]) => number | undefined;
  /** Chemin de l'entrée validée dans le fichier (une entrée d'une liste YAML : `[3]`). */
  at?: (string | number)[];
  /** Nom lisible de l'entrée, mis à la place de `at` dans le champ (« ccp-l2112-2 » plutôt que « 3 »). */
  entry?: string;
}

/** Une ligne du format commun. `found` est omis quand le message dit déjà ce qui a été trouvé. */
export function contentMessage(source: ContentSource, path: (string | number)[], expected: string, found?: string): string {
  const line = source.lineOf?.([...(source.at ?? []), ...path]);
  const field = [...(source.entry ? [source.entry] : (source.at ?? [])), ...path].join('.');
  return `${source.file}${line ? `:${line}` : ''}${field ? `, champ « ${field} »` : ''} : ${expected}${found === undefined ? '' : `, trouvé ${found}`}`;
}

/**
 * Valide `input` avec `schema` ; en cas d'échec, lève une `ContentError` qui liste chaque problème au format commun.
 * `reportInput` garde la valeur fautive dans chaque problème, pour dire ce qui a été trouvé.
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(schema: S, input: unknown, source: ContentSource): z.output<S> {
  const result = schema.safeParse(input, { error: expectedMessage, reportInput: true });
  if (result.success) return result.data;
  throw new ContentError(issueMessages(result.error, source).join('\n'));
}

/** Les problèmes d'une validation au format commun (aussi pour une `ZodError` venue d'ailleurs). */
export function issueMessages(error: z.ZodError, source: ContentSource): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const input = (issue as { input?: unknown }).input;
    const found =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => `« ${k} »`).join(', ')
      // Union discriminée (type de variable) : la valeur fautive est celle du discriminant, pas l'objet entier.
      : issue.code === 'invalid_union' && 'discriminator' in issue && isRecord(input) ? describe(input[String(issue.discriminator)])
      : issue.code === 'custom' || !('input' in issue) ? undefined
      : describe(input);
    return contentMessage(source, path, issue.message, found);
  });
}

const TYPES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'true ou false',
  array: 'une liste',
  object: 'un objet (des champs « nom: valeur »)',
  record: 'un objet (des champs « nom: valeur »)',
  date: 'une date AAAA-MM-JJ',
};

const SIZES: Record<string, [string, string]> = { string: ['caractère', 'caractères'], array: ['élément', 'éléments'] };
const count = (n: number | bigint, origin: string) => {
  const [one, many] = SIZES[origin] ?? ['', ''];
  return `${n}${one ? ` ${Number(n) > 1 ? many : one}` : ''}`;
};

const frenchFallback = z.locales.fr().localeError;

/** Carte d'erreurs de Zod : ce qui était attendu, en français (ce qui a été trouvé est ajouté par `issueMessages`). */
const expectedMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `attendu ${TYPES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `attendu ${issue.values.map((v) => `« ${String(v)} »`).join(' ou ')}`;
    case 'too_small':
      return issue.origin === 'number' ? `attendu un nombre ${issue.inclusive ? '≥' : '>'} ${issue.minimum}` : `attendu au moins ${count(issue.minimum, issue.origin)}`;
    case 'too_big':
      return issue.origin === 'number' ? `attendu un nombre ${issue.inclusive ? '≤' : '<'} ${issue.maximum}` : `attendu au plus ${count(issue.maximum, issue.origin)}`;
    case 'invalid_format':
      return issue.format === 'url' ? 'attendu une URL absolue (https://…)' : issue.format === 'regex' ? `attendu un texte de la forme ${issue.pattern}` : `attendu le format ${issue.format}`;
    case 'unrecognized_keys':
      return 'attendu aucun autre champ';
    default: {
      const fallback = frenchFallback(issue);
      return typeof fallback === 'string' ? fallback : fallback?.message;
    }
  }
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Ce qui a été trouvé, en peu de mots. */
function describe(value: unknown): string {
  if (value === undefined) return 'rien (champ absent)';
  if (value === null || value === '') return 'une valeur vide';
  if (typeof value === 'string') return `« ${value.length > 60 ? `${value.slice(0, 57)}…` : value} »`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'une date invalide' : `la date ${value.toISOString().slice(0, 10)}`;
  if (Array.isArray(value)) return `une liste de ${value.length} élément${value.length > 1 ? 's' : ''}`;
  if (typeof value === 'object') return 'un objet';
  return String(value);
}
