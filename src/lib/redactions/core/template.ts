/**
 * Le petit langage des modèles de rédaction, compilé une fois au chargement.
 *
 * Lignes (une ligne du modèle = une ligne du fichier YAML sous `template: |`) :
 *   # Titre                  titre de partie (Titre 1 dans Word)
 *   ## Titre                 article numéroté automatiquement 1., 2.… dans la partie (Titre 2)
 *   - texte                  élément de liste à puces ; une ligne qui suit, indentée, le prolonge
 *   | a | b |                tableau : la première ligne est l'en-tête ; `|---|---|` est ignorée
 *   > texte                  mention hors du texte à coller (identification du marché, consigne) : présentée à part
 *   ligne vide               sépare deux paragraphes ; des lignes de texte qui se suivent forment un paragraphe
 *
 * Variables et blocs :
 *   {{nom}}                  valeur de la variable (formatée : « 1 000 000 € HT », « 5 % », « 833 heures »)
 *   {{total lots.heures}}    somme d'un champ numérique sur tous les lots
 *   {{#if nom}} … {{/if}}    si la variable est renseignée (case cochée, liste non vide…)
 *   {{#if not nom}}          si elle ne l'est pas
 *   {{#if nom == "valeur"}}  si le choix vaut « valeur » (ou, pour un choix multiple, s'il la contient)
 *   {{#if nom != "valeur"}}  l'inverse
 *   {{#if many lots}}        si la liste compte plusieurs lignes (accord au pluriel) ; {{#if not many lots}} : une seule
 *   {{else}}                 sinon (dans un bloc #if)
 *   {{#each lots}} … {{/each}}  répète les lignes pour chaque lot ; à l'intérieur, {{champ}} désigne le champ du lot
 * Un bloc #if peut tenir dans une ligne ou entourer des lignes entières ; #each entoure toujours des lignes
 * (seul sur sa ligne). Une ligne de liste qui ne contient qu'un choix multiple devient un élément par choix ;
 * une ligne qui ne contient qu'un texte long devient un paragraphe (ou un élément) par ligne de la réponse.
 */
import { frenchTypography } from '../../typography';
import type { Variable } from './schema';
import type { Condition, Inline, TemplateNode } from './template-ast';

export type { Condition, Inline, LineType, TemplateNode } from './template-ast';

/** Erreur de modèle, avec le numéro de ligne dans le modèle (1 = première ligne sous `template: |`). */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const CONDITION = /^(not\s+)?(many\s+)?([a-z][a-z0-9_]*)(?:\s*(==|!=)\s*"([^"]*)")?$/;

function parseCondition(source: string, line: number): Condition {
  const m = CONDITION.exec(source.trim());
  if (!m) throw new TemplateError(`condition illisible « ${source.trim()} » (attendu : nom, not nom, many lots, nom == "valeur" ou nom != "valeur")`, line);
  const [, not, many, name = '', op, value = ''] = m;
  if (not && op) throw new TemplateError(`« not » ne se combine pas avec == ou != : « ${source.trim()} »`, line);
  if (many && op) throw new TemplateError(`« many » ne se combine pas avec == ou != : « ${source.trim()} »`, line);
  if (many) return { op: not ? 'one' : 'many', name };
  if (op) return { op: op === '==' ? 'eq' : 'ne', name, value };
  return { op: not ? 'unset' : 'set', name };
}

/** Découpe une ligne en texte, variables et blocs #if en ligne. */
function parseInline(source: string, line: number): Inline[] {
  const root: Inline[] = [];
  // Pile des #if ouverts dans la ligne : on écrit dans `then` puis, après {{else}}, dans `else`.
  const stack: { node: Extract<Inline, { kind: 'if' }>; target: Inline[] }[] = [];
  const out = () => stack.at(-1)?.target ?? root;
  const tag = /\{\{([^{}]*)\}\}/g;
  let last = 0;
  for (const m of source.matchAll(tag)) {
    if (m.index > last) pushText(out(), source.slice(last, m.index));
    last = m.index + m[0].length;
    const body = (m[1] ?? '').trim();
    const total = /^total\s+([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)$/.exec(body);
    if (body === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.target === top.node.else) throw new TemplateError('{{else}} sans {{#if}} ouvert dans la ligne', line);
      top.target = top.node.else;
    } else if (/^[a-z][a-z0-9_]*$/.test(body)) out().push({ kind: 'var', name: body });
    else if (total?.[1] && total[2]) out().push({ kind: 'total', list: total[1], field: total[2] });
    else if (body.startsWith('#if ')) {
      const node: Extract<Inline, { kind: 'if' }> = { kind: 'if', cond: parseCondition(body.slice(4), line), then: [], else: [] };
      out().push(node);
      stack.push({ node, target: node.then });
    } else if (body === '/if') {
      if (!stack.pop()) throw new TemplateError('{{/if}} sans {{#if}} ouvert dans la ligne', line);
    } else if (body.startsWith('#each') || body === '/each') {
      throw new TemplateError(`{{${body}}} doit être seul sur sa ligne`, line);
    } else {
      throw new TemplateError(`balise inconnue « {{${body}}} »`, line);
    }
  }
  if (last < source.length) pushText(out(), source.slice(last));
  if (stack.length) throw new TemplateError('bloc {{#if}} ouvert dans la ligne et non fermé par {{/if}} sur la même ligne', line);
  if (/\{\{|\}\}/.test(source.replace(tag, ''))) throw new TemplateError('accolades {{ }} mal fermées', line);
  return root;
}

function pushText(target: Inline[], text: string) {
  if (text) target.push({ kind: 'text', text: frenchTypography(text) });
}

// Une ligne qui n'est qu'une balise de bloc ; `[^{}]` empêche de prendre « {{#if a}}texte{{/if}} » pour une balise seule.
const DIRECTIVE = /^\{\{\s*(#if\s+[^{}]+|else|\/if|#each\s+[a-z][a-z0-9_]*|\/each)\s*\}\}$/;

interface OpenBlock {
  node: Extract<TemplateNode, { kind: 'if' | 'each' }>;
  target: TemplateNode[];
}

/** Compile le texte du modèle en arbre, sans vérifier les noms (voir `checkTemplate`). */
export function parseTemplate(source: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: OpenBlock[] = [];
  const out = () => stack.at(-1)?.target ?? root;
  const lines = source.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    const directive = DIRECTIVE.exec(trimmed);
    if (directive?.[1]) {
      const body = directive[1];
      if (body.startsWith('#if')) {
        const node: TemplateNode = { kind: 'if', cond: parseCondition(body.slice(3), line), then: [], else: [], line };
        out().push(node);
        stack.push({ node, target: node.then });
      } else if (body.startsWith('#each')) {
        const node: TemplateNode = { kind: 'each', name: body.slice(5).trim(), body: [], line };
        out().push(node);
        stack.push({ node, target: node.body });
      } else if (body === 'else') {
        const top = stack[stack.length - 1];
        if (!top || top.node.kind !== 'if' || top.target === top.node.else) throw new TemplateError('{{else}} sans {{#if}} ouvert', line);
        top.target = top.node.else;
      } else {
        const expected = body === '/if' ? 'if' : 'each';
        const top = stack.pop();
        if (!top) throw new TemplateError(`{{${body}}} sans bloc ouvert`, line);
        if (top.node.kind !== expected) {
          throw new TemplateError(`{{${body}}} ferme un bloc {{#${top.node.kind}}} ouvert ligne ${top.node.line}`, line);
        }
      }
      return;
    }
    const continuation = /^\s+\S/.test(raw);
    const target = out();
    const previous = target[target.length - 1];
    if (continuation && previous?.kind === 'line' && previous.type === 'item') {
      previous.inline.push({ kind: 'text', text: ' ' }, ...parseInline(trimmed, line));
      return;
    }
    const node = parseLine(trimmed, line);
    if (node) target.push(node);
  });
  const open = stack.pop();
  if (open) throw new TemplateError(`bloc {{#${open.node.kind}}} ouvert ligne ${open.node.line} et jamais fermé`, open.node.line);
  return root;
}

function parseLine(text: string, line: number): TemplateNode | null {
  if (text === '') return { kind: 'line', type: 'blank', inline: [], line };
  if (text.startsWith('## ')) return { kind: 'line', type: 'heading2', inline: parseInline(text.slice(3).trim(), line), line };
  if (text.startsWith('# ')) return { kind: 'line', type: 'heading1', inline: parseInline(text.slice(2).trim(), line), line };
  if (text.startsWith('> ')) return { kind: 'line', type: 'note', inline: parseInline(text.slice(2).trim(), line), line };
  if (text.startsWith('- ')) return { kind: 'line', type: 'item', inline: parseInline(text.slice(2).trim(), line), line };
  if (text.startsWith('|')) {
    if (!text.endsWith('|') || text.length < 2) throw new TemplateError('une ligne de tableau commence et finit par « | »', line);
    const cells = text.slice(1, -1).split('|').map((c) => c.trim());
    // Ligne de séparation à la Markdown : sans effet.
    if (cells.every((c) => /^:?-{3,}:?$/.test(c))) return null;
    return { kind: 'line', type: 'row', cells: cells.map((c) => parseInline(c, line)), line };
  }
  return { kind: 'line', type: 'paragraph', inline: parseInline(text, line), line };
}

/**
 * Vérifie les noms du modèle : variables connues, champs de lot seulement dans leur #each,
 * valeurs de condition parmi les options, tableaux de largeur constante. Lève une TemplateError.
 */
export function checkTemplate(nodes: TemplateNode[], variables: Variable[]): void {
  const top = new Map(variables.map((v) => [v.name, v] as const));
  walk(nodes, top, null);

  function walk(list: TemplateNode[], scope: Map<string, Variable>, lot: string | null) {
    let columns: number | null = null;
    for (const node of list) {
      if (node.kind === 'line') {
        if (node.type === 'row') {
          if (columns !== null && node.cells.length !== columns) {
            throw new TemplateError(`ligne de tableau à ${node.cells.length} colonnes au lieu de ${columns}`, node.line);
          }
          columns = node.cells.length;
          node.cells.forEach((cell) => inline(cell, scope, node.line));
        } else {
          columns = null;
          inline(node.inline, scope, node.line);
        }
      } else if (node.kind === 'if') {
        condition(node.cond, scope, node.line);
        walk(node.then, scope, lot);
        walk(node.else, scope, lot);
      } else {
        const v = scope.get(node.name);
        if (!v) throw new TemplateError(`variable inconnue « ${node.name} » dans {{#each}}`, node.line);
        if (v.type !== 'lots') throw new TemplateError(`{{#each ${node.name}}} : « ${node.name} » n'est pas une liste de lots`, node.line);
        if (lot) throw new TemplateError(`{{#each ${node.name}}} imbriqué dans {{#each ${lot}}}`, node.line);
        const inner = new Map(scope);
        for (const f of v.fields) inner.set(f.name, f);
        walk(node.body, inner, node.name);
      }
    }
  }

  function lookup(name: string, scope: Map<string, Variable>, line: number): Variable {
    const v = scope.get(name);
    if (v) return v;
    const lotOwner = variables.find((x) => x.type === 'lots' && x.fields.some((f) => f.name === name));
    if (lotOwner) throw new TemplateError(`« ${name} » est un champ de lot : utilisez-le entre {{#each ${lotOwner.name}}} et {{/each}}`, line);
    throw new TemplateError(`variable inconnue « ${name} » (variables déclarées : ${variables.map((x) => x.name).join(', ') || 'aucune'})`, line);
  }

  function inline(parts: Inline[], scope: Map<string, Variable>, line: number) {
    for (const part of parts) {
      if (part.kind === 'var') {
        const v = lookup(part.name, scope, line);
        if (v.type === 'lots') throw new TemplateError(`« ${part.name} » est une liste de lots : parcourez-la avec {{#each ${part.name}}}`, line);
      } else if (part.kind === 'total') {
        const list = lookup(part.list, scope, line);
        if (list.type !== 'lots') throw new TemplateError(`{{total ${part.list}.${part.field}}} : « ${part.list} » n'est pas une liste de lots`, line);
        const field = list.fields.find((f) => f.name === part.field);
        if (!field || !['amount-eur-ht', 'amount-eur', 'hours', 'integer'].includes(field.type)) {
          throw new TemplateError(`{{total ${part.list}.${part.field}}} : « ${part.field} » n'est pas un champ de montant, d'heures ou d'entier de « ${part.list} »`, line);
        }
      } else if (part.kind === 'if') {
        condition(part.cond, scope, line);
        inline(part.then, scope, line);
        inline(part.else, scope, line);
      }
    }
  }

  function condition(cond: Condition, scope: Map<string, Variable>, line: number) {
    const v = lookup(cond.name, scope, line);
    if ((cond.op === 'many' || cond.op === 'one') && v.type !== 'lots') {
      throw new TemplateError(`{{#if many ${cond.name}}} : « ${cond.name} » n'est pas une liste de lots`, line);
    }
    if (cond.op === 'eq' || cond.op === 'ne') {
      if (v.type !== 'choice' && v.type !== 'multichoice') {
        throw new TemplateError(`« ${cond.name} » n'est pas un choix : comparez seulement les variables de type choice ou multichoice`, line);
      }
      if (!v.options.some((o) => o.value === cond.value)) {
        throw new TemplateError(`« ${cond.value} » n'est pas une option de « ${cond.name} » (options : ${v.options.map((o) => o.value).join(', ')})`, line);
      }
    }
  }
}
