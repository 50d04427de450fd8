import { describe, expect, test } from 'vitest';
import { linkGlossaryTerms } from '../../src/lib/glossary-links';
import type { GlossaryTerm } from '../../src/lib/schemas';

const terms: GlossaryTerm[] = [
  { id: 'siae', term: 'SIAE', expansion: 'structure d’insertion par l’activité économique', definition: 'Structure conventionnée.', aliases: [] },
  { id: 'ei', term: 'EI', expansion: 'entreprise d’insertion', definition: 'Une SIAE marchande.', aliases: [] },
  { id: 'facilitateur', term: 'facilitateur', definition: 'Personne qui accompagne la clause.', aliases: [] },
];
interface Node { type: string; value?: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] }
const text = (value: string): Node => ({ type: 'text', value });
const p = (...children: Node[]): Node => ({ type: 'element', tagName: 'p', properties: {}, children });
const html = (node: Node): string => {
  const inner = (node.children ?? []).map(html).join('');
  if (node.type === 'text') return node.value ?? '';
  if (node.type !== 'element') return inner;
  const href = node.properties?.href;
  return `<${node.tagName ?? ''}${typeof href === 'string' ? ` href="${href}"` : ''}>${inner}</${node.tagName ?? ''}>`;
};

describe('glossary terms in context', () => {
  test('links only the first occurrence of each acronym, to its glossary entry, with a described tooltip', () => {
    const tree = { type: 'root', children: [p(text('Une SIAE, puis une autre SIAE et une EI.'))] };
    linkGlossaryTerms(tree, terms, '/recueil/');
    const out = html(tree);
    expect(out.match(/glossaire\/#siae/g)).toHaveLength(1);
    expect(out).toContain('<a href="/recueil/glossaire/#siae"><abbr>SIAE</abbr></a>');
    expect(out).toContain('<a href="/recueil/glossaire/#ei"><abbr>EI</abbr></a>');
    expect(out).toContain('puis une autre SIAE');
    const link = tree.children[0]?.children?.[1]?.children?.[0];
    expect(link?.properties?.['aria-describedby']).toBe('glossaire-siae');
  });

  test('does not link inside headings, links or code, nor words that merely contain the acronym', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'h2', properties: {}, children: [text('Les SIAE')] },
        { type: 'element', tagName: 'a', properties: { href: '/x/' }, children: [text('SIAE')] },
        p(text('EIFFEL et SEI ne sont pas des sigles ici.')),
      ],
    };
    linkGlossaryTerms(tree, terms);
    expect(html(tree)).not.toContain('glossaire');
  });

  test('ignores terms without an expansion', () => {
    const tree = { type: 'root', children: [p(text('Le facilitateur valide.'))] };
    linkGlossaryTerms(tree, terms);
    expect(html(tree)).not.toContain('glossaire');
  });
});
