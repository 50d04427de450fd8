/**
 * Modèle de document intermédiaire : ce que produit `render`, ce que lisent les adaptateurs HTML et Word.
 * Le texte y est toujours littéral ; la nature de chaque morceau (texte du modèle, valeur saisie,
 * repère à compléter) est gardée pour que chaque sortie la marque visiblement.
 */

/** Un morceau de texte. */
export type Run =
  /** Texte du modèle. */
  | { kind: 'text'; text: string }
  /** Valeur issue des réponses (ou de la valeur par défaut), déjà formatée. */
  | { kind: 'value'; text: string; field: string }
  /** Valeur facultative non renseignée : « [montant du lot] » (modèles à compléter de l'annexe seulement). */
  | { kind: 'placeholder'; text: string; field: string }
  /** Zone qu'un tiers remplit à la main (formulaire de l'entreprise) : pointillés ou cases « ☐ ». */
  | { kind: 'fill'; text: string; field: string };

export type Block =
  /**
   * Titre : niveau 1 = partie, niveau 2 = article numéroté dans sa partie. `number` est le numéro écrit en texte
   * (« 3 », « 9.3 », « 7.3.3 ») : il reste dans le texte collé dans un autre fichier Word.
   */
  | { kind: 'heading'; level: 1 | 2; number?: string; runs: Run[] }
  /** Mention hors du texte à coller (identification du marché, consigne) : présentée à part. */
  | { kind: 'note'; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; items: Run[][] }
  /** Tableau : une ligne d'en-tête puis les lignes de données ; chaque cellule est une suite de morceaux. */
  | { kind: 'table'; header: Run[][]; rows: Run[][][] };

export interface RenderedDocument {
  /** Identifiant de la rédaction type. */
  draftId: string;
  /** Titre de la rédaction (en-tête du document). */
  title: string;
  /** Code de la fiche qui l'explique. */
  fiche: string;
  /** Références juridiques citées (ids). */
  references: string[];
  blocks: Block[];
}

export const runsText = (runs: Run[]) => runs.map((r) => r.text).join('');

/** Texte brut du document, une ligne par paragraphe, élément de liste ou ligne de tableau. */
export function documentText(doc: RenderedDocument): string {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') lines.push((block.number ? `${block.number}. ` : '') + runsText(block.runs));
    else if (block.kind === 'paragraph' || block.kind === 'note') lines.push(runsText(block.runs));
    else if (block.kind === 'list') for (const item of block.items) lines.push(`• ${runsText(item)}`);
    else for (const row of [block.header, ...block.rows]) lines.push(row.map(runsText).join('\t'));
  }
  return lines.join('\n');
}

/** Tous les morceaux du document, dans l'ordre (pour les contrôles : repères restants, texte). */
export function documentRuns(doc: RenderedDocument): Run[] {
  const runs: Run[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'heading' || block.kind === 'paragraph' || block.kind === 'note') runs.push(...block.runs);
    else if (block.kind === 'list') for (const item of block.items) runs.push(...item);
    else for (const row of [block.header, ...block.rows]) for (const cell of row) runs.push(...cell);
  }
  return runs;
}
