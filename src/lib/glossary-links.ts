/**
 * Glossaire en contexte : dans une fiche, la première occurrence de chaque sigle du glossaire devient
 * un lien vers sa définition, avec une infobulle décrite par aria-describedby. L'infobulle s'affiche
 * au survol et au focus clavier (CSS seul, sans îlot), et le lecteur d'écran lit la définition.
 */
import type { GlossaryTerm } from './schemas';

interface HastText { type: 'text'; value: string }
interface HastElement { type: 'element'; tagName: string; properties: Record<string, unknown>; children: HastNode[] }
type HastNode = HastText | HastElement | { type: string; children?: HastNode[]; value?: string; tagName?: string; properties?: Record<string, unknown> };

/** Éléments dans lesquels on ne crée pas de lien. */
const SKIP = new Set(['a', 'abbr', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style', 'button', 'summary', 'dt']);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Les termes liables : les sigles (ceux qui ont une forme développée). */
export function linkableTerms(terms: GlossaryTerm[]) {
  return terms
    .filter((t) => t.expansion)
    .map((t) => ({
      term: t,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${[t.term, ...t.aliases].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u'),
    }));
}

function termElement(match: string, term: GlossaryTerm, base: string): HastElement {
  const tipId = `glossaire-${term.id}`;
  return {
    type: 'element', tagName: 'span', properties: { className: ['glossary-term'] },
    children: [
      {
        type: 'element', tagName: 'a',
        properties: { href: `${base}/glossaire/#${term.id}`, 'aria-describedby': tipId },
        children: [{ type: 'element', tagName: 'abbr', properties: {}, children: [{ type: 'text', value: match }] }],
      },
      {
        type: 'element', tagName: 'span',
        properties: { className: ['glossary-term__tip'], role: 'tooltip', id: tipId, dataPagefindIgnore: '' },
        children: [{ type: 'text', value: `${term.term} : ${term.expansion ?? ''}. ${term.definition}` }],
      },
    ],
  };
}

/** Relie la première occurrence de chaque sigle dans l'arbre HAST d'une fiche. */
export function linkGlossaryTerms(tree: HastNode, terms: GlossaryTerm[], base = ''): void {
  const pending = linkableTerms(terms);
  const cleanBase = base.replace(/\/$/, '');

  const visit = (node: HastNode) => {
    if (!('children' in node) || !Array.isArray(node.children)) return;
    if (node.type === 'element' && SKIP.has(node.tagName!)) return;
    const cls = (node.properties?.className as string[] | undefined) ?? [];
    if (cls.includes('fiche-meta') || cls.includes('glossary-term')) return;
    const out: HastNode[] = [];
    for (const child of node.children) {
      if (child.type !== 'text' || pending.length === 0) {
        out.push(child);
        visit(child);
        continue;
      }
      let rest = (child as HastText).value;
      while (rest) {
        let best: { index: number; length: number; at: number } | undefined;
        pending.forEach((p, at) => {
          const m = p.pattern.exec(rest);
          if (m && (!best || m.index < best.index)) best = { index: m.index, length: m[0].length, at };
        });
        if (!best) break;
        const term = pending.splice(best.at, 1)[0]!.term;
        if (best.index > 0) out.push({ type: 'text', value: rest.slice(0, best.index) });
        out.push(termElement(rest.slice(best.index, best.index + best.length), term, cleanBase));
        rest = rest.slice(best.index + best.length);
      }
      if (rest) out.push({ type: 'text', value: rest });
    }
    node.children = out;
  };
  visit(tree);
}
