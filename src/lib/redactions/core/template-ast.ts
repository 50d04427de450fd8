/** L'arbre d'un modèle compilé (sortie de `parseTemplate`, entrée de `render`), sans dépendance : le type `Draft` du schéma le cite. */
export type Condition =
  | { op: 'set' | 'unset'; name: string }
  /** La liste a plusieurs lignes (`many`) ou au plus une (`one`). */
  | { op: 'many' | 'one'; name: string }
  | { op: 'eq' | 'ne'; name: string; value: string };

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string }
  | { kind: 'total'; list: string; field: string }
  | { kind: 'if'; cond: Condition; then: Inline[]; else: Inline[] };

export type LineType = 'heading1' | 'heading2' | 'item' | 'paragraph' | 'note' | 'row' | 'blank';

export type TemplateNode =
  | { kind: 'line'; type: Exclude<LineType, 'row'>; inline: Inline[]; line: number }
  | { kind: 'line'; type: 'row'; cells: Inline[][]; line: number }
  | { kind: 'if'; cond: Condition; then: TemplateNode[]; else: TemplateNode[]; line: number }
  | { kind: 'each'; name: string; body: TemplateNode[]; line: number };
