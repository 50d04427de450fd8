/**
 * Chargement d'une rédaction type depuis son texte YAML : schéma, modèle compilé et vérifié, valeurs par
 * défaut et exemple validés. Toute erreur lève une `ContentError` au format commun (fichier:ligne, champ, attendu,
 * trouvé), pour que la construction du site échoue sur un modèle cassé. Pur (pas d'accès disque) : le texte est fourni par l'appelant.
 */
import { draftFileSchema, type Draft } from '../core/schema';
import { checkTemplate, parseTemplate, TemplateError, type TemplateNode } from '../core/template';
import { render } from '../core/render';
import { resolveAnswers } from '../core/values';
import { frenchTypography } from '../../typography';
import { ContentError, contentMessage, parseWithFriendlyErrors } from '../../content-errors';
import { readYaml } from '../../yaml-source';

export function parseDraft(source: string, file: string): Draft {
  const { data: raw, lineOf } = readYaml(source, file);
  const at = { file, lineOf };
  const data = parseWithFriendlyErrors(draftFileSchema, raw, at);
  const expectedId = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (data.id !== expectedId) throw new ContentError(contentMessage(at, ['id'], `attendu le nom du fichier, « ${expectedId} »`, `« ${data.id} »`));

  let nodes: TemplateNode[];
  try {
    nodes = parseTemplate(data.template);
    checkTemplate(nodes, data.variables);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    // Le texte d'un bloc « template: | » commence à la ligne qui suit la clé.
    const start = lineOf(['template']) ?? 0;
    throw new ContentError(contentMessage({ file, lineOf: () => start + error.line }, ['template'], `${error.message} (ligne ${error.line} du modèle)`));
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
  if (badDefaults.length) throw new ContentError(contentMessage(at, ['variables'], `attendu des valeurs par défaut valides, trouvé : ${badDefaults.map((e) => e.message).join(' ')}`));

  const example = render(draft, data.example);
  if (!example.ok) {
    throw new ContentError(contentMessage(at, ['example'], `attendu un exemple complet, trouvé :\n${example.errors.map((e) => `  ${e.field} : ${e.message}`).join('\n')}`));
  }
  const declared = new Set(data.variables.map((v) => v.name));
  const stray = Object.keys(data.example).filter((k) => !declared.has(k));
  if (stray.length) throw new ContentError(contentMessage(at, ['example'], 'attendu des variables déclarées dans variables', `${stray.map((k) => `« ${k} »`).join(', ')}`));
  return draft;
}

function typographyOfLabels<V extends { label: string; help?: string | undefined }>(v: V): V {
  const out = { ...v, label: frenchTypography(v.label), ...(v.help ? { help: frenchTypography(v.help) } : {}) };
  if ('fields' in out && Array.isArray(out.fields)) (out as { fields: unknown[] }).fields = out.fields.map(typographyOfLabels);
  return out;
}
