/**
 * Rendu pur d'une rédaction type : (modèle, réponses) → document intermédiaire, ou liste d'erreurs
 * (une par réponse invalide ou manquante). Ne lève pas d'exception et ne produit jamais « NaN »,
 * « undefined » ni « [object Object] » : chaque morceau vient du modèle ou d'une valeur validée et formatée.
 */
import type { Block, RenderedDocument, Run } from './document';
import type { Draft } from './load';
import type { Condition, Inline, TemplateNode } from './template';
import { lowerFirst } from '../format';
import { formatNumberValue, resolveAnswers, type FieldError, type Scope, type ScalarValue } from './values';

export type { FieldError } from './values';
export type RenderResult = { ok: true; document: RenderedDocument } | { ok: false; errors: FieldError[] };

/** Ligne produite par le modèle avant regroupement en blocs. */
type OutLine =
  | { type: 'heading1' | 'heading2' | 'item' | 'paragraph' | 'blank'; runs: Run[] }
  | { type: 'row'; cells: Run[][] };

export function render(draft: Draft, answers: unknown): RenderResult {
  const { scope, errors } = resolveAnswers(draft.variables, answers);
  if (errors.length) return { ok: false, errors };
  const out: OutLine[] = [];
  expand(draft.nodes, scope, out);
  return {
    ok: true,
    document: { draftId: draft.id, title: draft.title, fiche: draft.fiche, references: [...draft.references], blocks: group(out) },
  };
}

/**
 * Rendu « modèle à compléter » : sans réponses, avec les valeurs par défaut ; toute autre variable devient un
 * repère « […] » et chaque liste de lots en montre un, vide. Sert au fichier Word téléchargeable du site.
 */
export function renderBlank(draft: Draft): RenderedDocument {
  const optional = <V extends { required: boolean }>(v: V): V => ({ ...v, required: false });
  const variables = draft.variables.map((v) =>
    v.type === 'lots' ? { ...optional(v), minItems: 0, fields: v.fields.map(optional) } : optional(v),
  ) as Draft['variables'];
  const oneEmptyLot = Object.fromEntries(draft.variables.filter((v) => v.type === 'lots').map((v) => [v.name, [{}]]));
  const { scope } = resolveAnswers(variables, oneEmptyLot);
  const out: OutLine[] = [];
  expand(draft.nodes, scope, out);
  return { draftId: draft.id, title: draft.title, fiche: draft.fiche, references: [...draft.references], blocks: group(out) };
}

function isSet(cond: Condition, scope: Scope): boolean {
  const value = scope.get(cond.name);
  if (!value) return false;
  if (cond.op === 'eq' || cond.op === 'ne') {
    const has = value.kind === 'scalar' && value.choices.includes(cond.value);
    return cond.op === 'eq' ? has : !has;
  }
  return value.filled === (cond.op === 'set');
}

function scalar(scope: Scope, name: string): ScalarValue | undefined {
  const v = scope.get(name);
  return v?.kind === 'scalar' ? v : undefined;
}

function valueRun(name: string, text: string, isFilled: boolean): Run {
  return isFilled ? { kind: 'value', text, field: name } : { kind: 'placeholder', text, field: name };
}

function inlineRuns(parts: Inline[], scope: Scope, runs: Run[] = []): Run[] {
  for (const part of parts) {
    if (part.kind === 'text') runs.push({ kind: 'text', text: part.text });
    else if (part.kind === 'var') {
      const v = scalar(scope, part.name);
      if (v) runs.push(valueRun(part.name, v.text, v.filled));
    } else if (part.kind === 'total') runs.push(totalRun(part.list, part.field, scope));
    else inlineRuns(isSet(part.cond, scope) ? part.then : part.else, scope, runs);
  }
  return runs;
}

/** Somme d'un champ numérique sur les lots ; un repère si un lot n'a pas de valeur. */
function totalRun(list: string, field: string, scope: Scope): Run {
  const name = `${list}.${field}`;
  const value = scope.get(list);
  const def = value?.kind === 'lots' ? value.variable.fields.find((f) => f.name === field) : undefined;
  const numbers = value?.kind === 'lots' ? value.lots.map((lot) => (lot.get(field) as ScalarValue | undefined)?.number) : [];
  if (!def || numbers.length === 0 || numbers.some((n) => n === undefined)) {
    return { kind: 'placeholder', text: `[total : ${def ? lowerFirst(def.label) : field}]`, field: name };
  }
  const sum = (numbers as number[]).reduce((a, b) => a + b, 0);
  return { kind: 'value', text: formatNumberValue(def, sum), field: name };
}

/** La ligne ne contient qu'une variable (à des espaces près) : son nom, sinon `null`. */
function soloVariable(parts: Inline[]): string | null {
  const meaningful = parts.filter((p) => !(p.kind === 'text' && p.text.trim() === ''));
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  return only?.kind === 'var' ? only.name : null;
}

function expand(nodes: TemplateNode[], scope: Scope, out: OutLine[]): void {
  for (const node of nodes) {
    if (node.kind === 'if') expand(isSet(node.cond, scope) ? node.then : node.else, scope, out);
    else if (node.kind === 'each') {
      const value = scope.get(node.name);
      if (value?.kind !== 'lots') continue;
      for (const lot of value.lots) expand(node.body, new Map([...scope, ...lot]), out);
    } else if (node.type === 'row') out.push({ type: 'row', cells: node.cells.map((cell) => inlineRuns(cell, scope)) });
    else {
      // Un choix multiple seul sur une ligne de liste (ou un texte long seul) s'éclate en plusieurs lignes.
      const solo = soloVariable(node.inline);
      const v = solo ? scalar(scope, solo) : undefined;
      if (solo && v?.filled && v.parts.length > 1 && (node.type === 'item' || node.type === 'paragraph')) {
        for (const part of v.parts) {
          out.push({ type: node.type, runs: [valueRun(solo, part, true)] });
          if (node.type === 'paragraph') out.push({ type: 'blank', runs: [] });
        }
      } else out.push({ type: node.type, runs: inlineRuns(node.inline, scope) });
    }
  }
}

const hasText = (runs: Run[]) => runs.some((r) => r.text.trim() !== '');

/** Regroupe les lignes : paragraphes continus, listes, tableaux ; numérote les articles (titres de niveau 2). */
function group(lines: OutLine[]): Block[] {
  const blocks: Block[] = [];
  let article = 0;
  let previous: OutLine['type'] | null = null;
  for (const line of lines) {
    const last = blocks[blocks.length - 1];
    if (line.type === 'row') {
      if (previous === 'row' && last?.kind === 'table') last.rows.push(line.cells);
      else blocks.push({ kind: 'table', header: line.cells, rows: [] });
    } else if (line.type === 'blank') {
      // sépare seulement
    } else if (!hasText(line.runs)) {
      continue; // ligne vidée par une condition : elle ne sépare rien
    } else if (line.type === 'heading1' || line.type === 'heading2') {
      const level = line.type === 'heading1' ? 1 : 2;
      if (level === 1) article = 0;
      blocks.push({ kind: 'heading', level, ...(level === 2 ? { number: ++article } : {}), runs: trimRuns(line.runs) });
    } else if (line.type === 'item') {
      if (previous === 'item' && last?.kind === 'list') last.items.push(trimRuns(line.runs));
      else blocks.push({ kind: 'list', items: [trimRuns(line.runs)] });
    } else if (previous === 'paragraph' && last?.kind === 'paragraph') {
      last.runs = trimRuns([...last.runs, { kind: 'text', text: ' ' }, ...line.runs]);
    } else blocks.push({ kind: 'paragraph', runs: trimRuns(line.runs) });
    previous = line.type;
  }
  return blocks;
}

/** Retire les espaces en début et fin de bloc et fusionne les morceaux de texte voisins. */
function trimRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (run.kind === 'text' && last?.kind === 'text') last.text = (last.text + run.text).replace(/ {2,}/g, ' ');
    else if (run.text !== '') merged.push({ ...run });
  }
  const first = merged[0];
  if (first?.kind === 'text') first.text = first.text.trimStart();
  const end = merged[merged.length - 1];
  if (end?.kind === 'text') end.text = end.text.trimEnd();
  return merged.filter((r) => r.text !== '');
}
