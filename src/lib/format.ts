/** Formats français partagés par le site et les documents Word. */
const dateFr = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const formatDateFr = (date: Date) => dateFr.format(date).replace(/^1 /, '1er ');

const intFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
export const formatInt = (n: number) => intFr.format(n);
export const formatNumber = (n: number) => decFr.format(n);
export const formatEuros = (n: number) => `${decFr.format(n)}\u00a0€`;
export const formatPercent = (n: number) => `${decFr.format(n)}\u00a0%`;
