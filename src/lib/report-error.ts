/**
 * Lien « Signaler une erreur » d'une fiche ou d'une rédaction type : un lien mailto: (RFC 6068) vers le contact de
 * l'éditeur, avec l'objet et le corps du message préremplis (code, titre et adresse de la page). Module pur.
 */
export interface ReportedPage {
  kind: 'fiche' | 'redaction';
  /** Code de la fiche (« C4 ») ou identifiant de la rédaction type (« ccap-condition-execution »). */
  code: string;
  title: string;
  /** Adresse absolue de la page. */
  url: string;
}

/** Le nom de la page dans une phrase : « la fiche C4 », « la rédaction type ccap-condition-execution ». */
const pageName = (page: ReportedPage) => `${page.kind === 'fiche' ? 'la fiche' : 'la rédaction type'} ${page.code}`;

/** Textes en typographie française (espaces insécables), comme le site. */
export function errorReportSubject(page: ReportedPage): string {
  return `Erreur signalée dans ${pageName(page)}\u00a0: ${page.title}`;
}

export function errorReportBody(page: ReportedPage): string {
  return [
    'Bonjour,',
    '',
    `Je signale une erreur dans ${pageName(page)} «\u00a0${page.title}\u00a0»\u00a0:`,
    page.url,
    '',
    'Passage concerné\u00a0:',
    '',
    '',
    'Correction proposée\u00a0:',
    '',
    '',
    'Source (texte, article, date), si vous en avez une\u00a0:',
    '',
    '',
  ].join('\n');
}

/**
 * Encodage d'un champ de mailto: : chaque caractère hors des non réservés en %XX (UTF-8), espaces en %20 et non
 * en « + » (que des messageries laissent tel quel), retours à la ligne en %0D%0A comme le demande la RFC 6068.
 */
const encodeField = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));

export function errorReportMailto(email: string, page: ReportedPage): string {
  return `mailto:${email}?subject=${encodeField(errorReportSubject(page))}&body=${encodeField(errorReportBody(page))}`;
}
