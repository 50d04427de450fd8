/**
 * Lien « Signaler une erreur » : un mailto: vers le contact de l'éditeur dont l'objet et le corps, une fois décodés,
 * redonnent exactement le texte prérempli (code, titre et adresse de la page), quels que soient ses caractères.
 */
import { describe, expect, test } from 'vitest';
import { errorReportBody, errorReportMailto, errorReportSubject, type ReportedPage } from '../../src/lib/report-error';

const fiche: ReportedPage = {
  kind: 'fiche',
  code: 'C4',
  title: 'La clause d’insertion comme condition d’exécution',
  url: 'https://recueil-clause-sociale.fr/recueil/fiches/c4/',
};

/** Lit un mailto: comme une messagerie (RFC 6068) : adresse, puis champs décodés. */
function readMailto(href: string) {
  const match = /^mailto:([^?]+)\?(.*)$/.exec(href);
  if (!match) throw new Error(`pas un mailto: ${href}`);
  const fields = Object.fromEntries(match[2]!.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
  return { to: match[1], ...fields } as { to: string; subject: string; body: string };
}

describe('error report link', () => {
  test('is addressed to the contact, with the page code, title and address prefilled', () => {
    const mail = readMailto(errorReportMailto('contact@recueil-clause-sociale.fr', fiche));
    expect(mail.to).toBe('contact@recueil-clause-sociale.fr');
    expect(mail.subject).toBe('Erreur signalée dans la fiche C4\u00a0: La clause d’insertion comme condition d’exécution');
    expect(mail.body).toContain('Je signale une erreur dans la fiche C4 «\u00a0La clause d’insertion comme condition d’exécution\u00a0»\u00a0:\r\nhttps://recueil-clause-sociale.fr/recueil/fiches/c4/\r\n');
    expect(mail.body).toContain('Passage concerné\u00a0:');
    expect(mail.body).toContain('Correction proposée\u00a0:');
  });

  test('names a draft by its id', () => {
    const draft: ReportedPage = { kind: 'redaction', code: 'ccap-condition-execution', title: 'Article du CCAP', url: 'https://recueil-clause-sociale.fr/redactions/ccap-condition-execution/' };
    expect(errorReportSubject(draft)).toBe('Erreur signalée dans la rédaction type ccap-condition-execution\u00a0: Article du CCAP');
    expect(readMailto(errorReportMailto('a@b.fr', draft)).body).toContain('https://recueil-clause-sociale.fr/redactions/ccap-condition-execution/');
  });

  test('encodes every reserved character, spaces as %20 and line breaks as %0D%0A', () => {
    const tricky: ReportedPage = { ...fiche, title: 'R&D ? 50 % + 1 = « oui » #2 / ok', url: 'https://example.org/a?b=c&d=e#f' };
    const href = errorReportMailto('contact@example.org', tricky);
    const query = href.slice(href.indexOf('?') + 1);
    // Seuls « = » et « & » séparent les champs ; aucune espace, aucun « + », aucun caractère hors ASCII en clair.
    expect(query.split('&')).toHaveLength(2);
    expect(query).not.toMatch(/[ +#?\s]|[^\x21-\x7e]/);
    expect(query).toContain('%0D%0A');
    expect(query).not.toMatch(/%0A(?<!%0D%0A)/);
    expect(query).toContain('%C3%A9'); // « é » en UTF-8
    const mail = readMailto(href);
    expect(mail.subject).toBe(errorReportSubject(tricky));
    expect(mail.body).toBe(errorReportBody(tricky).replace(/\n/g, '\r\n'));
  });
});
