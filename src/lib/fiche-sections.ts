/**
 * Les sections ajoutées en fin de fiche depuis son frontmatter : leur ancre et leur titre, définis une fois pour les
 * composants qui les écrivent (LegalBasis.astro, FurtherReading.astro, PageHistory.astro) et pour le sommaire (route-middleware.ts).
 */
export const LEGAL_BASIS = { slug: 'base-juridique', text: 'Base juridique' } as const;
export const FURTHER_READING = { slug: 'pour-aller-plus-loin', text: 'Pour aller plus loin' } as const;
export const PAGE_HISTORY = { slug: 'historique', text: 'Mises à jour' } as const;
