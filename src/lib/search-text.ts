/**
 * Texte pour la recherche en français. Pagefind indexe « l’emploi » comme un seul mot : une recherche
 * sur « emploi » ne trouverait pas la page. On détache donc les élisions dans le texte indexé
 * (« l’ emploi »), on les retire de la requête, et on les recolle dans les extraits affichés.
 */
const ELIDED = '(?:jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])';

const SPLIT = new RegExp(`(?<![\\p{L}])(${ELIDED})['’](?=\\p{L})`, 'giu');
const JOIN = new RegExp(`(?<![\\p{L}])(${ELIDED})’ (?=(?:<mark>)?\\p{L})`, 'giu');

/** « l’emploi d'insertion » → « l’ emploi d’ insertion » (pour l'index seulement). */
export const splitElisions = (text: string) => text.replace(SPLIT, '$1’ ');

/** Inverse de splitElisions, pour l'affichage des extraits (qui peuvent contenir <mark>). */
export const joinElisions = (text: string) => text.replace(JOIN, '$1’');

/** Applique splitElisions au texte d'une page HTML, sans toucher aux balises ni aux attributs. */
export const prepareHtmlForIndex = (html: string) => html.replace(/>([^<]+)</g, (_m, text: string) => `>${splitElisions(text)}<`);

/**
 * Mots outils des questions (« combien », « comment », « faut-il »…) : ils n'aident pas à trouver une fiche
 * et, comme Pagefind exige tous les mots, ils écarteraient de bons résultats.
 */
const QUESTION_WORDS = new Set(
  'a au aux avec ce ces comment dans de des doit du en est et faut il ils je la le les leur mon ou où par pour quand que quel quelle quelles quels qui quoi sa se ses son sur un une vos votre'.split(' '),
);

/** Requête de l'utilisateur : articles élidés et mots outils retirés (« combien d'heures » → « heures »). */
export function normaliseQuery(query: string): string {
  const words = query
    .replace(new RegExp(`(?<![\\p{L}])${ELIDED}['’](?=\\p{L})`, 'giu'), '')
    .replace(/[?!.,;:]/g, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
  const kept = words.filter((w) => !QUESTION_WORDS.has(w.toLowerCase()));
  return (kept.length > 0 ? kept : words).join(' ');
}
