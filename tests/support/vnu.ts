/**
 * Le validateur HTML du W3C (Nu Html Checker, paquet npm `vnu-jar`) lancé par Java, jamais téléchargé :
 * le paquet fournit vnu.jar, Java vient de Debian (default-jre-headless). Un seul lancement pour tous
 * les fichiers : la machine virtuelle Java démarre une fois.
 */
import { execFile } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const JAVA = process.env.JAVA_PATH ?? 'java';
export const MISSING_JAVA = `Java est introuvable (${JAVA}), il faut pour le validateur HTML du W3C. Installez-le avec : sudo apt-get install -y default-jre-headless`;

export const javaAvailable = () => spawnSync(JAVA, ['-version'], { stdio: 'ignore' }).status === 0;

/** Chemin de vnu.jar : le module du paquet exporte ce chemin (un objet String). */
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

export interface NuError { file: string; line?: number; message: string; extract?: string }

interface NuMessage { type: string; subType?: string; url?: string; lastLine?: number; message: string; extract?: string }

/** Les erreurs du validateur sur ces fichiers HTML (chemins relatifs au dossier courant). */
export async function nuErrors(files: string[]): Promise<NuError[]> {
  if (!javaAvailable()) throw new Error(MISSING_JAVA);
  const output = await new Promise<string>((resolve, reject) => {
    execFile(JAVA, ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      // Le validateur écrit son rapport JSON sur la sortie d'erreur et sort en code 1 s'il trouve des erreurs.
      if (stderr.trimStart().startsWith('{')) resolve(stderr);
      else reject(new Error(`Le validateur HTML n'a pas produit de rapport : ${stderr || (error?.message ?? '')}`));
    });
  });
  const { messages } = JSON.parse(output) as { messages: NuMessage[] };
  return messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => ({
      file: m.url ? relative(process.cwd(), fileURLToPath(m.url)) : '?',
      ...(m.lastLine === undefined ? {} : { line: m.lastLine }),
      message: m.message,
      ...(m.extract === undefined ? {} : { extract: m.extract.replace(/\s+/g, ' ').trim() }),
    }));
}
