/**
 * Nettoyage du texte venu des réponses, en un seul endroit, pour que l'aperçu (HTML) et le fichier Word disent
 * la même chose :
 * - un fichier Word (XML 1.0) refuse les caractères de contrôle, les non-caractères U+FFFE/U+FFFF et les moitiés
 *   de paires de substitution : on les retire plutôt que de produire un fichier corrompu ;
 * - les commandes de sens d'écriture (U+202A–U+202E, U+2066–U+2069) retournent le texte qui les suit
 *   (« Ville \u202Ecentrale » s'afficherait « Ville elartnec ») : on les retire aussi. Les marques U+200E/U+200F,
 *   sans effet sur l'ordre d'un texte français, restent.
 * Tout le reste (émojis, <, &, ]]>) reste littéral.
 */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Texte saisi débarrassé des caractères interdits et des commandes de sens ; fins de ligne et espaces gardées. */
export function cleanText(text: string): string {
  return text.replace(INVALID_XML, '').replace(BIDI_CONTROLS, '');
}

/** Texte sûr pour XML 1.0 ; les fins de ligne deviennent « \n ». */
export function xmlSafe(text: string): string {
  return cleanText(text.replace(/\r\n?/g, '\n'));
}

/** Texte sur une ligne : tabulations et fins de ligne deviennent des espaces, espaces répétées réduites. */
export function singleLine(text: string): string {
  return xmlSafe(text).replace(/[\t\n]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}
