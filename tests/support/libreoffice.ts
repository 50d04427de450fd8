/**
 * Ouvre un fichier .docx dans LibreOffice headless et renvoie son texte : c'est le « vrai client Word »
 * des tests. Un profil LibreOffice neuf par appel évite les verrous entre tests parallèles.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function sofficePath(): string | undefined {
  return ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
}

export const MISSING_LIBREOFFICE =
  'LibreOffice est introuvable. Installez-le avec : sudo apt-get install -y libreoffice-writer-nogui';

/** Convertit un .docx (octets) dans le format demandé par LibreOffice et renvoie le chemin du résultat. */
export async function convertDocx(bytes: Uint8Array, format: 'txt:Text (encoded):UTF8' | 'pdf', name = 'document'): Promise<{ path: string; dir: string }> {
  const soffice = sofficePath();
  if (!soffice) throw new Error(MISSING_LIBREOFFICE);
  const dir = await mkdtemp(join(tmpdir(), 'recueil-docx-'));
  const input = join(dir, `${name}.docx`);
  await writeFile(input, bytes);
  const profile = `file://${join(dir, 'profile')}`;
  await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', dir, input], {
    timeout: 120_000,
  });
  const ext = format.startsWith('txt') ? 'txt' : 'pdf';
  const path = join(dir, `${name}.${ext}`);
  if (!existsSync(path)) throw new Error(`LibreOffice n'a pas pu ouvrir ${name}.docx (aucun fichier ${ext} produit).`);
  return { path, dir };
}

/** Le texte du document tel que LibreOffice le lit. Échoue si le fichier est illisible. */
export async function docxToText(bytes: Uint8Array, name = 'document'): Promise<string> {
  const { path, dir } = await convertDocx(bytes, 'txt:Text (encoded):UTF8', name);
  try {
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
