/**
 * Base de déploiement du site (« » à la racine, « /recueil » sous un sous-chemin : BASE_PATH=/recueil/).
 * Toute adresse interne écrite dans un composant passe par ici ; celles écrites en Markdown dans les fiches
 * sont préfixées à la construction (src/lib/typography.ts, prefixBase).
 */
export const siteBase = import.meta.env.BASE_URL.replace(/\/$/, '');

/** Adresse interne préfixée de la base : withBase('/fiches/c3/'). */
export const withBase = (path: string) => siteBase + path;
