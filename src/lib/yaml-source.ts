/**
 * Lecture d'un texte YAML qui garde les positions, pour que chaque erreur de contenu nomme sa ligne
 * (format commun de `content-errors.ts`). Pur : le texte est fourni par l'appelant.
 */
import { LineCounter, parseDocument } from 'yaml';
import { ContentError, contentMessage } from './content-errors';

export interface YamlSource {
  data: unknown;
  /** Ligne (1 = première du fichier) du nœud au chemin donné, ou de son parent le plus proche. */
  lineOf: (path: (string | number)[]) => number | undefined;
}

/**
 * Lit `text` (écrit dans `file` à partir de la ligne `firstLine`, 1 pour un fichier YAML, 2 pour un frontmatter).
 * Un YAML illisible lève une `ContentError` qui nomme le fichier et la ligne.
 */
export function readYaml(text: string, file: string, firstLine = 1): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const shift = (line: number | undefined) => (line === undefined ? undefined : line + firstLine - 1);
  const error = doc.errors[0];
  if (error) {
    const line = shift(lines.linePos(error.pos[0]).line);
    throw new ContentError(contentMessage({ file, lineOf: () => line }, [], `attendu du YAML lisible, trouvé une erreur : ${error.message.split('\n')[0]}`));
  }
  return {
    data: doc.toJS(),
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as { range?: [number, number, number] } | null | undefined;
        if (node && typeof node === 'object' && node.range) return shift(lines.linePos(node.range[0]).line);
      }
      return undefined;
    },
  };
}
