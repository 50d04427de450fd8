/** Les cinq thèmes du recueil, dans l'ordre de lecture. Source unique pour le schéma, la navigation et les pages de thème. */
export const THEMES = [
  { code: 'A', title: 'Les publics', slug: 'a' },
  { code: 'B', title: 'La réalisation de la clause sociale d’insertion', slug: 'b' },
  { code: 'C', title: 'La préparation du contrat public', slug: 'c' },
  { code: 'D', title: 'La mobilisation des partenaires', slug: 'd' },
  { code: 'E', title: 'L’inscription du dispositif dans les politiques publiques', slug: 'e' },
] as const;

export type ThemeCode = (typeof THEMES)[number]['code'];
export const THEME_CODES = THEMES.map((t) => t.code) as [ThemeCode, ...ThemeCode[]];

export function themeByCode(code: string) {
  const theme = THEMES.find((t) => t.code === code);
  if (!theme) throw new Error(`Thème inconnu : « ${code} » (attendu : ${THEME_CODES.join(', ')}).`);
  return theme;
}

/** Les publics visés par une fiche (frontmatter `audiences`). */
export const AUDIENCES = {
  acheteur: 'Acheteurs et maîtres d’ouvrage',
  facilitateur: 'Facilitateurs',
  entreprise: 'Entreprises',
  'structure-inclusive': 'Structures inclusives',
  'elu-decideur': 'Élus et décideurs',
} as const;
export type Audience = keyof typeof AUDIENCES;
export const AUDIENCE_IDS = Object.keys(AUDIENCES) as [Audience, ...Audience[]];
/** URL (sans base) de la page « Vous êtes… » d'un public. */
export const audienceHref = (id: Audience) => `/publics/${id}/`;

/** Compare deux codes de fiche (A1 < A2 < … < A10 < B1). */
export function compareFicheCodes(a: string, b: string): number {
  const pa = /^([A-E])(\d+)$/.exec(a);
  const pb = /^([A-E])(\d+)$/.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  const [, la = '', na = ''] = pa;
  const [, lb = '', nb = ''] = pb;
  return la === lb ? Number(na) - Number(nb) : la.localeCompare(lb);
}

/** URL (sans base) d'une fiche à partir de son code. */
export const ficheHref = (code: string) => `/fiches/${code.toLowerCase()}/`;
export const themeHref = (code: string) => `/themes/${code.toLowerCase()}/`;
