/**
 * Rendu pur d'une rédaction type : (modèle, réponses) → document intermédiaire, ou liste d'erreurs
 * (une par réponse invalide ou manquante). Ne lève pas d'exception et ne produit jamais « NaN »,
 * « undefined » ni « [object Object] » : chaque morceau vient du modèle ou d'une valeur validée et formatée.
 */
import type { Block, RenderedDocument, Run } from './document';
import type { Draft } from './schema';
import type { Condition, Inline, TemplateNode } from './template';
import { lowerFirst } from '../../format';
import type { Variable } from './schema';
import { formatNumberValue, resolveAnswers, type FieldError, type Scope, type ScalarValue } from './values';

export type { FieldError } from './values';
export type RenderResult = { ok: true; document: RenderedDocument } | { ok: false; errors: FieldError[] };

/** Ligne produite par le modèle avant regroupement en blocs. */
type OutLine =
  | { type: 'heading1' | 'heading2' | 'item' | 'paragraph' | 'note' | 'blank'; runs: Run[] }
  | { type: 'row'; cells: Run[][] };

/** Ce que le rendu doit savoir en plus des réponses. */
interface Mode {
  /** Modèle à compléter : une variable sans réponse est montrée par son repère, donc `{{#if nom}}` l'affiche. */
  blank: boolean;
  /** Variables laissées à remplir à la main par un tiers (formulaire) : pointillés ou cases « ☐ ». */
  fill: ReadonlySet<string>;
}

export interface RenderOptions {
  /**
   * Variables (ou champs de lot) qu'un tiers remplit à la main dans le document : ni obligatoires ni repères,
   * elles deviennent des pointillés, ou des cases « ☐ » pour un choix.
   */
  fill?: readonly string[];
}

export function render(draft: Draft, answers: unknown, options: RenderOptions = {}): RenderResult {
  const fill = new Set(options.fill ?? []);
  const variables = fill.size ? relax(draft.variables, fill) : draft.variables;
  const { scope, errors } = resolveAnswers(variables, answers);
  if (errors.length) return { ok: false, errors };
  const out: OutLine[] = [];
  expand(draft.nodes, scope, out, { blank: false, fill });
  return {
    ok: true,
    document: { draftId: draft.id, title: draft.title, fiche: draft.fiche, references: [...draft.references], blocks: group(out, articlePrefix(draft, scope)) },
  };
}

/** Les variables à remplir à la main ne sont plus obligatoires et perdent leur valeur par défaut. */
function relax(variables: Draft['variables'], fill: ReadonlySet<string>): Draft['variables'] {
  const loose = <V extends Variable>(v: V): V => {
    if (!fill.has(v.name)) return v;
    const { default: _d, ...rest } = v as V & { default?: unknown };
    return { ...rest, required: false } as V;
  };
  return variables.map((v) => (v.type === 'lots' ? { ...v, fields: v.fields.map(loose) } : loose(v))) as Draft['variables'];
}

/** Le préfixe des numéros d'articles (« 9 », « 7.3 »), rien, ou `null` : articles sans numéro. */
function articlePrefix(draft: Pick<Draft, 'articleNumber'> & { numberArticles?: boolean }, scope: Scope): string | null {
  if (draft.numberArticles === false) return null;
  if (!draft.articleNumber) return '';
  const v = scope.get(draft.articleNumber);
  return v?.kind === 'scalar' && v.filled ? v.text.replace(/[.\s]+$/, '') : '';
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
  expand(draft.nodes, scope, out, { blank: true, fill: new Set() });
  return { draftId: draft.id, title: draft.title, fiche: draft.fiche, references: [...draft.references], blocks: group(out, draft.numberArticles === false ? null : '') };
}

function isSet(cond: Condition, scope: Scope, mode: Mode): boolean {
  const value = scope.get(cond.name);
  if (!value) return false;
  if (cond.op === 'many' || cond.op === 'one') {
    const count = value.kind === 'lots' ? value.lots.length : 0;
    return cond.op === 'many' ? count > 1 : count <= 1;
  }
  if (cond.op === 'eq' || cond.op === 'ne') {
    const has = value.kind === 'scalar' && value.choices.includes(cond.value);
    return cond.op === 'eq' ? has : !has;
  }
  // Modèle à compléter, ou zone remplie à la main : la variable sans réponse est montrée (repère, pointillés).
  const shown = value.filled || ((mode.blank || mode.fill.has(cond.name)) && value.kind === 'scalar');
  return shown === (cond.op === 'set');
}

/** La variable vide est-elle un texte long (à remplir sur plusieurs lignes) ? */
function isLongText(scope: Scope, name: string): boolean {
  const v = scope.get(name);
  return v?.kind === 'scalar' && v.longtext === true;
}

function scalar(scope: Scope, name: string): ScalarValue | undefined {
  const v = scope.get(name);
  return v?.kind === 'scalar' ? v : undefined;
}

function valueRun(name: string, text: string, isFilled: boolean): Run {
  return isFilled ? { kind: 'value', text, field: name } : { kind: 'placeholder', text, field: name };
}

function inlineRuns(parts: Inline[], scope: Scope, mode: Mode, runs: Run[] = []): Run[] {
  for (const part of parts) {
    if (part.kind === 'text') runs.push({ kind: 'text', text: part.text });
    else if (part.kind === 'var') {
      const v = scalar(scope, part.name);
      if (v && !v.filled && mode.fill.has(part.name)) runs.push({ kind: 'fill', text: v.fill ?? FILL_LINE, field: part.name });
      else if (v) runs.push(valueRun(part.name, v.text, v.filled));
    } else if (part.kind === 'total') runs.push(totalRun(part.list, part.field, scope));
    else inlineRuns(isSet(part.cond, scope, mode) ? part.then : part.else, scope, mode, runs);
  }
  return runs;
}

/** Lignes de pointillés d'un texte long à remplir à la main. */
const FILL_LINES = 3;

/** Pointillés d'une zone à remplir à la main. */
const FILL_LINE = '…………………………';

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

function expand(nodes: TemplateNode[], scope: Scope, out: OutLine[], mode: Mode): void {
  for (const node of nodes) {
    if (node.kind === 'if') expand(isSet(node.cond, scope, mode) ? node.then : node.else, scope, out, mode);
    else if (node.kind === 'each') {
      const value = scope.get(node.name);
      if (value?.kind !== 'lots') continue;
      for (const lot of value.lots) expand(node.body, new Map([...scope, ...lot]), out, mode);
    } else if (node.type === 'row') out.push({ type: 'row', cells: node.cells.map((cell) => inlineRuns(cell, scope, mode)) });
    else {
      // Un choix multiple seul sur une ligne de liste (ou un texte long seul) s'éclate en plusieurs lignes.
      const solo = soloVariable(node.inline);
      const v = solo ? scalar(scope, solo) : undefined;
      if (solo && v && !v.filled && mode.fill.has(solo) && node.type === 'item' && isLongText(scope, solo)) {
        // Texte long à remplir à la main : quelques lignes de pointillés.
        for (let i = 0; i < FILL_LINES; i++) out.push({ type: 'item', runs: [{ kind: 'fill', text: FILL_LINE, field: solo }] });
      } else if (solo && v?.filled && v.parts.length > 1 && (node.type === 'item' || node.type === 'paragraph')) {
        for (const part of v.parts) {
          out.push({ type: node.type, runs: [valueRun(solo, part, true)] });
          if (node.type === 'paragraph') out.push({ type: 'blank', runs: [] });
        }
      } else out.push({ type: node.type, runs: inlineRuns(node.inline, scope, mode) });
    }
  }
}

const hasText = (runs: Run[]) => runs.some((r) => r.text.trim() !== '');

/** Regroupe les lignes : paragraphes continus, listes, tableaux ; numérote les articles (titres de niveau 2). */
function group(lines: OutLine[], prefix: string | null): Block[] {
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
      const number = level === 2 && prefix !== null ? `${prefix ? `${prefix}.` : ''}${++article}` : undefined;
      blocks.push({ kind: 'heading', level, ...(number ? { number } : {}), runs: trimRuns(line.runs) });
    } else if (line.type === 'note') {
      if (previous === 'note' && last?.kind === 'note') last.runs = trimRuns([...last.runs, { kind: 'text', text: ' ' }, ...line.runs]);
      else blocks.push({ kind: 'note', runs: trimRuns(line.runs) });
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

/**
 * Retire les espaces en début et fin de bloc et fusionne les morceaux de texte voisins. Une réponse qui finit
 * déjà par un point n'en reçoit pas un second du modèle (« Motif : trop peu d'heures.. »).
 */
function trimRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const original of runs) {
    let run = original;
    const before = merged[merged.length - 1];
    if (run.kind === 'text' && run.text.startsWith('.') && before && before.kind !== 'text' && /[.…]$/.test(before.text)) {
      run = { ...run, text: run.text.slice(1) };
    }
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
