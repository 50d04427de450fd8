/**
 * Noms des fichiers produits par l'assistant : `clause-sociale-<objet>-<AAAA-MM-JJ>.docx` pour le document Word,
 * la même racine en `.json` pour l'export des réponses.
 */
import { isoDay } from './model';

/** « La construction du groupe scolaire des Tilleuls » → « construction-du-groupe-scolaire-des-tilleuls ». */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    // Article initial : il n'apprend rien dans un nom de fichier.
    .replace(/^\s*(?:(?:le|la|les|un|une|des|du)\s+|l['’]\s*)/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

function stem(subject: string, date: Date): string {
  return `clause-sociale-${slugify(subject) || 'marche'}-${isoDay(date)}`;
}

export const docxFileName = (subject: string, date: Date) => `${stem(subject, date)}.docx`;
export const answersFileName = (subject: string, date: Date) => `${stem(subject, date)}.json`;
