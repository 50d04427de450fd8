/**
 * Plugin rehype du recueil, appliqué à chaque page Markdown/MDX (astro.config.mjs). Il assemble des modules
 * qui ne se connaissent pas : le glossaire en contexte, la typographie française et la base des liens.
 */
import { linkGlossaryTerms } from './glossary-links';
import type { GlossaryTerm } from './schemas';
import { applyTypography, prefixBase, type HastNode } from './typography';

/** Plugin rehype du recueil : glossaire en contexte (fiches seulement), typographie, base des liens. */
export function rehypeRecueil(options: { base?: string; glossary?: GlossaryTerm[] } = {}) {
  return (tree: HastNode, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.[0] ?? '';
    if (options.glossary && /[\\/]fiches[\\/][a-e]\d\.mdx?$/.test(path)) {
      linkGlossaryTerms(tree as never, options.glossary, options.base ?? '');
    }
    applyTypography(tree);
    if (options.base) prefixBase(tree, options.base);
  };
}
