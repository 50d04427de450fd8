/**
 * Nettoyage du texte venu des réponses : un fichier Word (XML 1.0) refuse les caractères de contrôle,
 * les non-caractères U+FFFE/U+FFFF et les moitiés de paires de substitution. On les retire plutôt que
 * de produire un fichier corrompu ; tout le reste (émojis, <, &, ]]>) reste littéral.
 */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Texte sûr pour XML 1.0 ; les fins de ligne deviennent « \n ». */
export function xmlSafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVALID_XML, '');
}

/** Texte sur une ligne : tabulations et fins de ligne deviennent des espaces, espaces répétées réduites. */
export function singleLine(text: string): string {
  return xmlSafe(text).replace(/[\t\n]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}
