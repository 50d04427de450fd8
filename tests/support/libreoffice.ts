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

/**
 * Le texte de plusieurs .docx en un seul lancement de LibreOffice (le démarrage coûte plus que la conversion).
 * Un fichier illisible n'a pas de .txt : il est signalé par son nom.
 */
export async function docxBatchToText(files: { name: string; bytes: Uint8Array }[]): Promise<Record<string, string>> {
  const soffice = sofficePath();
  if (!soffice) throw new Error(MISSING_LIBREOFFICE);
  const dir = await mkdtemp(join(tmpdir(), 'recueil-docx-batch-'));
  try {
    const inputs = await Promise.all(
      files.map(async (f) => {
        const input = join(dir, `${f.name}.docx`);
        await writeFile(input, f.bytes);
        return input;
      }),
    );
    const profile = `file://${join(dir, 'profile')}`;
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, ...inputs], {
      timeout: 300_000,
    });
    const texts: Record<string, string> = {};
    for (const f of files) {
      const path = join(dir, `${f.name}.txt`);
      if (!existsSync(path)) throw new Error(`LibreOffice n'a pas pu ouvrir ${f.name}.docx (aucun fichier txt produit).`);
      texts[f.name] = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    }
    return texts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Le texte de la mise en page PDF produite par LibreOffice (en-têtes et pieds de page compris), via pdftotext. */
export async function docxToPdfText(bytes: Uint8Array, name = 'document'): Promise<{ text: string; pages: number }> {
  const { path, dir } = await convertDocx(bytes, 'pdf', name);
  try {
    const { stdout } = await run('pdftotext', ['-layout', path, '-']);
    const pages = stdout.split('\f').filter((p) => p.trim() !== '').length;
    return { text: stdout, pages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
