/**
 * Typographie française appliquée au texte à la construction, pour que les auteurs n'aient
 * pas à saisir d'espaces insécables : fine insécable avant ; ! ?, insécable avant : et
 * à l'intérieur des guillemets « », et dans les nombres (« 5 404 000 € », « 30 % »).
 */
export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

export function frenchTypography(text: string): string {
  return (
    text
      // Apostrophe typographique entre deux lettres (l'emploi → l’emploi).
      .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
      // Espace (ou absence d'espace après un mot) avant ; ! ? : fine insécable.
      .replace(/[ \u00a0\u202f]+([;!?])/g, `${NNBSP}$1`)
      // Deux-points précédés d'une espace : insécable (pas d'insertion, pour ne pas toucher 10:30 ou https:).
      .replace(/[ \u00a0\u202f]+:/g, `${NBSP}:`)
      // Guillemets français : insécable à l'intérieur, ajoutée si elle manque.
      .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
      .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`)
      // Nombres : séparateur de milliers et unité collés au nombre.
      .replace(/(\d) (?=\d{3}(?!\d))/g, `$1${NNBSP}`)
      .replace(/(\d) (?=(?:€|%|h\b|heures?\b|ETP\b|M€|k€))/g, `$1${NBSP}`)
      .replace(/\b(n°|art\.|p\.) (?=\S)/g, `$1${NBSP}`)
  );
}

export interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const SKIP = new Set(['code', 'pre', 'script', 'style', 'kbd', 'samp', 'textarea']);

/** Applique `frenchTypography` à tous les nœuds texte d'un arbre HAST, hors code. */
export function applyTypography(node: HastNode): void {
  if (node.type === 'text' && typeof node.value === 'string') {
    node.value = frenchTypography(node.value);
    return;
  }
  if (node.type === 'element' && node.tagName && SKIP.has(node.tagName)) return;
  node.children?.forEach(applyTypography);
}

/** Préfixe la base du site aux liens internes absolus écrits dans le contenu (« /fiches/c4/ »). */
export function prefixBase(node: HastNode, base: string): void {
  const cleanBase = base.replace(/\/$/, '');
  if (!cleanBase) return;
  if (node.type === 'element' && node.tagName === 'a') {
    const href = node.properties?.href;
    if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//') && !href.startsWith(`${cleanBase}/`)) {
      node.properties!.href = cleanBase + href;
    }
  }
  node.children?.forEach((child) => prefixBase(child, base));
}
