/**
 * Les données que la page de l'assistant passe à l'îlot, calculées à la construction : les rédactions types utiles
 * (déjà validées et compilées par le chargeur), les libellés des références juridiques et les sous-critères proposés.
 * Ce module lit le disque et Zod : il ne doit jamais être importé par l'îlot lui-même.
 */
import { draftById } from '../redactions/loaders/catalog';
import { frenchTypography } from '../typography';
import { readReferences } from '../content-files';
import type { WizardCatalog, WizardDraft } from './model';
import type { DraftId } from './pieces';
import { WIZARD_TEXTS } from './texts';

export const WIZARD_DRAFTS: DraftId[] = [
  'dossier-clause-sociale',
  'avis-rc-clause',
  'ccap-condition-execution',
  'avis-rc-condition-emploi',
  'ccap-condition-emploi',
  'rc-critere-insertion',
  'reserve-siae',
  'reserve-ea-esat',
  'engagement-entreprise',
  'note-calibrage',
  'justification-derogation',
];

let cached: WizardCatalog | undefined;

export function wizardCatalog(): WizardCatalog {
  if (cached) return cached;
  const drafts: Record<string, WizardDraft> = {};
  for (const id of WIZARD_DRAFTS) {
    const d = draftById(id);
    drafts[id] = { id: d.id, title: d.title, fiche: d.fiche, references: d.references, variables: d.variables, nodes: d.nodes, numberArticles: d.numberArticles, ...(d.articleNumber ? { articleNumber: d.articleNumber } : {}) };
  }
  const referenceLabels = Object.fromEntries(readReferences().map((r) => [r.id, r.label]));
  const example = draftById('rc-critere-insertion').example as { sous_criteres?: { intitule: string; poids: number; attendu: string }[] };
  const suggestedSubCriteria = (example.sous_criteres ?? []).map((s) => ({ title: frenchTypography(s.intitule), weight: s.poids, expected: frenchTypography(s.attendu) }));
  cached = { drafts, referenceLabels, suggestedSubCriteria, texts: WIZARD_TEXTS };
  return cached;
}
