/**
 * Données partagées par les tests des rédactions types : les phrases qui portent les règles juridiques de
 * chaque modèle (elles doivent survivre au rendu HTML et à l'ouverture du .docx), et un constructeur de
 * rédaction minimale pour tester le langage de modèle.
 */
import { parseDraft } from '../../src/lib/redactions/loaders/load';
import type { Draft } from '../../src/lib/redactions/core/schema';
import type { RenderedDocument } from '../../src/lib/redactions/core/document';

/** Phrases clés de chaque rédaction, telles qu'elles apparaissent dans le texte rendu de l'exemple. */
export const KEY_PHRASES: Record<string, string[]> = {
  'dossier-clause-sociale': ['Objet du marché : la construction du groupe scolaire des Tilleuls', 'Les pièces qui suivent', 'Où l’insérer'],
  'note-calibrage': ['Note de calibrage des heures d’insertion', 'Total des heures d’insertion du marché', 'Motif du maintien'],
  'avis-rc-clause': ['clause sociale d’insertion', 'article 35 de la loi n° 2021-1104', 'condition d’exécution', 'Aucune offre ne peut être écartée en raison de la modalité envisagée'],
  'ccap-condition-execution': ['article L2112-2 du code de la commande publique', 'Publics éligibles', 'Aucune condition de lieu de résidence', 'choisit librement', 'conventions de décompte', 'par heure non réalisée', 'plafonné à'],
  'avis-rc-condition-emploi': ['condition d’exécution liée à l’emploi', 'article L2112-2 du code de la commande publique', 'n’intervient pas dans le choix des offres'],
  'ccap-condition-emploi': ['article L2112-2 du code de la commande publique', 'contrats d’apprentissage ou de professionnalisation', 'structures d’insertion par l’activité économique', 'Justificatifs', 'pénalité forfaitaire'],
  'rc-critere-insertion': ['performances en matière d’insertion professionnelle des publics en difficulté', 'article R2152-7', 'lié à l’objet du marché'],
  'reserve-siae': ['article L2113-13 du code de la commande publique', 'article L5132-4 du code du travail', 'au moins 50 % de travailleurs défavorisés', 'article R2113-7'],
  'reserve-ea-esat': ['article L2113-12 du code de la commande publique', 'au moins 50 % de travailleurs handicapés', 'article R2113-7'],
  'marche-insertion': ['article R2123-1, 3°', 'services sociaux et autres services spécifiques', 'activité support'],
  'engagement-entreprise': ['Fiche d’engagement', 'Correspondant chargé de la clause', 'Modalités envisagées'],
  'bilan-execution': ['Bilan d’exécution', 'Heures réalisées', 'Situation à la sortie'],
  'justification-derogation': ['article 35 de la loi n° 2021-1104', '22 août 2026', 'consigne les motifs', 'absence de lien suffisant'],
};

/** Les phrases clés d'une rédaction ; une rédaction sans phrases clés est une erreur du test. */
export function keyPhrases(id: string): string[] {
  const phrases = KEY_PHRASES[id];
  if (!phrases) throw new Error(`Aucune phrase clé pour la rédaction « ${id} » : ajoutez-la à KEY_PHRASES.`);
  return phrases;
}

/** La valeur, ou une erreur qui dit ce qui manquait. */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} est absent.`);
  return value;
}

/** Espaces insécables (fines ou non) ramenées à l'espace simple, pour comparer des textes extraits. */
export const normaliseSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** Les valeurs saisies (morceaux « value ») d'un document rendu. */
export function valueTexts(doc: RenderedDocument): string[] {
  const runs = doc.blocks.flatMap((b) =>
    b.kind === 'table' ? [...b.header, ...b.rows.flat()].flat() : b.kind === 'list' ? b.items.flat() : b.runs,
  );
  return runs.filter((r) => r.kind === 'value').map((r) => r.text);
}

/** Une rédaction minimale autour d'un modèle et de variables écrites en YAML. */
export function draftFrom(variablesYaml: string, template: string, example = '{}'): Draft {
  const indent = (text: string, n: number) => text.replace(/^/gm, ' '.repeat(n));
  const source = [
    'id: essai',
    'title: Rédaction d’essai',
    'shortTitle: Essai',
    'purpose: Une rédaction minimale pour tester le langage de modèle.',
    'placement: [ccap]',
    'references: [ccp-l2112-2]',
    'fiche: C4',
    'updated: 2026-11-30',
    `variables:${variablesYaml.trim() ? `\n${indent(variablesYaml.trim(), 2)}` : ' []'}`,
    'template: |',
    indent(template.replace(/^\n/, ''), 2),
    `example: ${example}`,
  ].join('\n');
  return parseDraft(source, 'content/redactions/essai.yaml');
}
