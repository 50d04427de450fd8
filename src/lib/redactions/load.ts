/**
 * Chargement d'une rédaction type depuis son texte YAML : schéma, modèle compilé et vérifié, valeurs par
 * défaut et exemple validés. Toute erreur lève une exception qui nomme le fichier et la ligne, pour que la
 * construction du site échoue sur un modèle cassé. Pur (pas d'accès disque) : le texte est fourni par l'appelant.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'astro/zod';
import { draftFileSchema, type DraftFile } from './schema';
import { checkTemplate, parseTemplate, TemplateError, type TemplateNode } from './template';
import { render } from './render';
import { resolveAnswers } from './values';
import { frenchTypography } from '../typography';

/** Une rédaction type chargée : le fichier validé et son modèle compilé. */
export interface Draft extends DraftFile {
  /** Chemin du fichier source, pour les messages. */
  file: string;
  nodes: TemplateNode[];
}

const frenchZod = z.locales.fr().localeError;

export class DraftError extends Error {
  override name = 'DraftError';
}

export function parseDraft(source: string, file: string): Draft {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const at = yamlError.linePos?.[0]?.line;
    throw new DraftError(`${file}${at ? `:${at}` : ''} : YAML illisible : ${yamlError.message.split('\n')[0]!}`);
  }
  const lineOf = (path: (string | number)[]) => lineAt(doc, lines, path);

  // Messages de Zod en français pour les rédacteurs, sans toucher à la configuration globale.
  const parsed = draftFileSchema.safeParse(doc.toJS(), { error: frenchZod });
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const line = lineOf(path);
      return `${file}${line ? `:${line}` : ''} : champ « ${path.join('.') || '(racine)'} » : ${issue.message}`;
    });
    throw new DraftError(`Rédaction type invalide :\n${messages.join('\n')}`);
  }
  const data = parsed.data;
  const expectedId = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (data.id !== expectedId) throw new DraftError(`${file} : l'id « ${data.id} » doit être le nom du fichier (« ${expectedId} »).`);

  let nodes: TemplateNode[];
  try {
    nodes = parseTemplate(data.template);
    checkTemplate(nodes, data.variables);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    // Le texte d'un bloc « template: | » commence à la ligne qui suit la clé.
    const start = lineOf(['template']) ?? 0;
    throw new DraftError(`${file}:${start + error.line} (ligne ${error.line} du modèle) : ${error.message}`);
  }
  // Textes d'accompagnement rédigés par l'auteur : typographie française appliquée une fois ici.
  const draft: Draft = {
    ...data,
    title: frenchTypography(data.title),
    shortTitle: frenchTypography(data.shortTitle),
    purpose: frenchTypography(data.purpose),
    ...(data.placementNote ? { placementNote: frenchTypography(data.placementNote) } : {}),
    notes: data.notes.map((note) => frenchTypography(note)),
    variables: data.variables.map((v) => typographyOfLabels(v)),
    file,
    nodes,
  };

  const defaults = Object.fromEntries(data.variables.flatMap((v) => ('default' in v && v.default !== undefined ? [[v.name, v.default]] : [])));
  const badDefaults = resolveAnswers(data.variables, defaults).errors.filter((e) => e.field in defaults);
  if (badDefaults.length) throw new DraftError(`${file} : valeur par défaut invalide : ${badDefaults.map((e) => e.message).join(' ')}`);

  const example = render(draft, data.example);
  if (!example.ok) {
    const line = lineOf(['example']);
    throw new DraftError(`${file}${line ? `:${line}` : ''} : l'exemple (example) n'est pas complet :\n${example.errors.map((e) => `  ${e.field} : ${e.message}`).join('\n')}`);
  }
  const declared = new Set(data.variables.map((v) => v.name));
  const stray = Object.keys(data.example).filter((k) => !declared.has(k));
  if (stray.length) throw new DraftError(`${file} : l'exemple cite des variables non déclarées : ${stray.join(', ')}.`);
  return draft;
}

function typographyOfLabels<V extends { label: string; help?: string | undefined }>(v: V): V {
  const out = { ...v, label: frenchTypography(v.label), ...(v.help ? { help: frenchTypography(v.help) } : {}) };
  if ('fields' in out && Array.isArray(out.fields)) (out as { fields: unknown[] }).fields = out.fields.map(typographyOfLabels);
  return out;
}

/** Ligne (1 = première) du nœud YAML au chemin donné, ou de son parent le plus proche. */
function lineAt(doc: Document, lines: LineCounter, path: (string | number)[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
