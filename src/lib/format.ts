/** Formats français partagés par le site et les documents Word. */
const dateFr = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const formatDateFr = (date: Date) => dateFr.format(date).replace(/^1 /, '1er ');

const intFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const centsFr = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const formatInt = (n: number) => intFr.format(n);
export const formatNumber = (n: number) => decFr.format(n);
/** Un montant entier sans décimales (« 216 000 € »), sinon au centime (« 1 000 000,50 € », jamais « 1 000 000,5 € »). */
export const formatEuros = (n: number) => `${(Number.isInteger(n) ? intFr : centsFr).format(n)}\u00a0€`;
export const formatPercent = (n: number) => `${decFr.format(n)}\u00a0%`;

/**
 * Première lettre en minuscule pour placer un libellé dans une phrase, sans toucher aux sigles ni aux références :
 * « Réservé aux SIAE » → « réservé aux SIAE », « L’objet » → « l’objet », mais « SIAE » et « L2113-13 » restent.
 */
export const lowerFirst = (s: string) => (/^\p{Lu}(?:\p{Ll}|['’]|\s)/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
