/**
 * Identité de l'éditeur : la seule source pour le pied de page, les pages légales,
 * l'URL du site et la provenance des fichiers Word. À adapter par l'éditeur avant mise en ligne.
 */
export const publisher = {
  /** Nom du site, affiché dans l'en-tête et les documents générés. */
  siteName: 'Recueil de la clause sociale',
  /** Titre complet de l'ouvrage publié. */
  workTitle: 'Recueil des fondamentaux des facilitateurs de la clause sociale',
  /** Éditeur responsable de la publication. */
  name: 'Réseau national des facilitateurs de la clause sociale',
  /** Directeur ou directrice de la publication (fonction). */
  publicationDirector: 'La présidence du réseau',
  /** Adresse de contact, pour l'accessibilité, les données personnelles et les corrections. */
  email: 'contact@recueil-clause-sociale.fr',
  /** URL publique du site, sans base (la base éventuelle vient de la variable BASE_PATH). */
  siteUrl: 'https://recueil-clause-sociale.fr',
  /** Édition et version du contenu, reprises dans la provenance des documents Word. */
  edition: 'Édition en ligne 2026',
  version: '1.0.0',
  /** Hébergeur, obligatoire dans les mentions légales (loi n° 2004-575, art. 6). */
  host: 'Hébergeur à préciser par l’éditeur lors de la mise en ligne (nom, adresse, téléphone)',
  /** Licence des contenus. */
  licence: {
    name: 'Licence Ouverte / Open Licence 2.0',
    url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  },
  /** Statut de conformité RGAA affiché dans le pied de page. */
  accessibilityStatus: 'partiellement conforme',
} as const;

export type Publisher = typeof publisher;
