/**
 * Le lien de partage pré-rempli de l'assistant, en fonctions pures : choix des parties, encodage, décodage vérifié,
 * conseil de longueur. Aucun DOM : `CompressionStream`, `atob`, `btoa` existent dans les navigateurs comme dans
 * Node 20 et plus, où ce module est testé. L'îlot ne le charge qu'à l'ouverture du panneau « Partager » ou quand
 * l'adresse porte un lien de partage (import dynamique) : il ne pèse rien sur le reste du parcours.
 *
 * Forme : https://…/assistant/#partage=v1.<données>
 *   <données> = base64url( zlib( JSON { "version": 5, "parts": ["contrat", …], "answers": { groupes choisis } } ) )
 * - dans le fragment (après « # »), les réponses ne sont jamais envoyées au serveur ;
 * - `v1` est la version du lien (enveloppe, compression) ; `version` celle des réponses (model.ts) : un lien ancien
 *   est migré comme un brouillon importé (storage.ts), un lien plus récent que la page est refusé ;
 * - zlib (`'deflate'`) plutôt que `'deflate-raw'` : six octets de plus, mais une somme de contrôle (Adler-32) vérifiée
 *   à la décompression : un caractère changé en chemin est détecté, au lieu de modifier une réponse en silence
 *   (avec `'deflate-raw'`, le test qui change chaque caractère d'un lien trouve des liens changés relus sans erreur) ;
 * - seules les parties choisies voyagent ; le reste vient d'un brouillon neuf chez le destinataire. Ce module vérifie
 *   l'enveloppe et rend un brouillon au format d'un fichier exporté : la session le traite ensuite comme un fichier
 *   importé (relecture champ par champ et migration par `readDraft`, confirmation avant de remplacer un brouillon) ;
 * - limites : le fragment est refusé au-delà de `MAX_FRAGMENT` caractères avant tout décodage, et la décompression
 *   s'arrête à `MAX_JSON_BYTES` (une « bombe » de quelques kilo-octets ne peut pas remplir la mémoire).
 * Aucune fonction ne lève d'exception : un lien illisible donne un message en français.
 *
 * Ce module n'importe aucune valeur des modules que l'îlot charge au démarrage (modèle, stockage, format) : le
 * découpage de la construction les sortirait alors du fichier de l'îlot dans un fichier commun, ce qui coûte plus de
 * 2 Ko gzip au chargement de chaque page de l'assistant (mesuré avec scripts/island-size.mjs). D'où les deux
 * constantes recopiées ci-dessous, que les tests comparent à leur source.
 */
import type { Answers } from './model';

/** Début du fragment d'un lien de partage (même valeur dans use-session.ts, qui décide de charger ce module). */
export const SHARE_HASH = '#partage=';
/** Le `format` des brouillons exportés (`FORMAT` de storage.ts). */
const DRAFT_FORMAT = 'recueil-assistant';
const formatInt = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(n);

/** Les parties qu'on peut partager, dans l'ordre des étapes. */
export const SHARE_PARTS = ['contrat', 'lots', 'calibrage', 'pieces', 'facilitateur'] as const;
export type SharePart = (typeof SHARE_PARTS)[number];

/** Libellés des parties (cases du panneau, résumé montré au destinataire) et groupes de réponses qu'elles portent. */
export const PART_LABELS: Record<SharePart, string> = {
  contrat: 'Le marché, l’obligation et les leviers retenus',
  lots: 'Les lots (intitulés, montants, part de main-d’œuvre, réservation)',
  calibrage: 'Le volume d’heures de chaque lot (méthode, coût horaire, taux)',
  pieces: 'Les conditions d’exécution, la condition liée à l’emploi, le critère et la note d’exception',
  facilitateur: 'Les coordonnées du facilitateur',
};
const GROUPS: Record<SharePart, (keyof Answers)[]> = {
  contrat: ['contract', 'levers'],
  lots: ['lots'],
  calibrage: ['lots'],
  pieces: ['execution', 'employment', 'criterion', 'derogation'],
  facilitateur: ['facilitator'],
};

/** Version du format du lien (enveloppe et compression), distincte de celle des réponses. */
export const LINK_VERSION = 1;
/**
 * Au-delà, un lien n'est ni produit ni lu (fragment compté depuis « # ») : les réponses d'un marché de 50 lots
 * tiennent en quelques milliers de caractères ; 30 000 laisse une marge large, bien sous ce que les navigateurs acceptent.
 */
export const MAX_FRAGMENT = 30_000;
/** Plafond du JSON décompressé : un vrai lien en fait quelques dizaines de kilo-octets au plus. */
export const MAX_JSON_BYTES = 256 * 1024;
/**
 * Longueur au-delà de laquelle on prévient : aucune norme ne fixe de plafond, mais 2 000 caractères environ est la
 * limite d'usage (2 083 pour Internet Explorer, 2 048 pour le protocole Sitemaps) ; au-delà, des messageries et des
 * outils de suivi coupent le lien ou le replient sur plusieurs lignes, et il ne s'ouvre plus en entier.
 */
export const EMAIL_SAFE_LENGTH = 2_000;

/**
 * Ce qu'une partie emporte avec elle : le volume d'heures se calcule lot par lot, et dépend du marché (montant,
 * obligation, leviers : un lot réservé n'a pas d'heures hors obligation). Sans eux, le destinataire lirait d'autres
 * heures que celles calibrées.
 */
const IMPLIES: Partial<Record<SharePart, SharePart[]>> = { calibrage: ['contrat', 'lots'] };

/** La partie est-elle emportée par une autre partie choisie (sa case est alors cochée d'office) ? */
export const isImplied = (part: SharePart, parts: readonly SharePart[]): boolean => parts.some((p) => IMPLIES[p]?.includes(part));

/** Les parties effectivement partagées, dans l'ordre des étapes. */
export function normalizeParts(parts: readonly SharePart[]): SharePart[] {
  const wanted = new Set(parts.flatMap((p) => [p, ...(IMPLIES[p] ?? [])]));
  return SHARE_PARTS.filter((p) => wanted.has(p));
}

/**
 * Les réponses de ces parties seulement (les lots sans leur calcul d'heures si le volume n'est pas partagé). Des lots
 * partagés sans le marché et ses leviers ne portent leur réservation que si le levier « réservation » est retenu :
 * le destinataire le retient alors d'après les lots reçus (`mergeParts`).
 */
export function pickParts(answers: Answers, parts: readonly SharePart[]): Record<string, unknown> {
  const chosen = normalizeParts(parts);
  const out: Record<string, unknown> = {};
  for (const part of chosen) for (const group of GROUPS[part]) out[group] = answers[group];
  if (!chosen.includes('lots')) return out;
  const effectiveReservation = chosen.includes('contrat') || answers.levers.reservation;
  out.lots = answers.lots.map(({ calibration, ...lot }) => ({
    ...lot,
    ...(chosen.includes('calibrage') ? { calibration } : {}),
    reservation: effectiveReservation ? lot.reservation : 'aucune',
  }));
  return out;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Les parties reçues posées sur un brouillon neuf (sans son champ `version` : celle du lien s'applique) ; les lots reçus
 * sans leur calcul d'heures prennent celui du brouillon neuf. Le résultat reste à vérifier (`readDraft`).
 */
function mergeParts(base: Answers, partial: Record<string, unknown>, parts: SharePart[]): Record<string, unknown> {
  const { version: _v, ...merged }: Record<string, unknown> = { ...base };
  for (const part of parts) for (const group of GROUPS[part]) merged[group] = partial[group];
  if (parts.includes('lots') && !parts.includes('calibrage') && Array.isArray(partial.lots)) {
    const calibration = base.lots[0]?.calibration;
    merged.lots = partial.lots.map((lot: unknown) => (isRecord(lot) ? { ...lot, calibration } : lot));
  }
  if (parts.includes('lots') && !parts.includes('contrat') && Array.isArray(partial.lots)) {
    // Un lot reçu réservé l'était chez l'expéditeur (voir `pickParts`) : le levier suit, sinon la réservation reçue
    // serait ignorée.
    const reserved = partial.lots.some((lot: unknown) => isRecord(lot) && lot.reservation !== undefined && lot.reservation !== 'aucune');
    merged.levers = { ...base.levers, reservation: base.levers.reservation || reserved };
  }
  return merged;
}

/** « le marché, l’obligation et les leviers retenus ; les lots (…) » : ce que le lien apporte, pour le destinataire. */
export function partsSummary(parts: readonly SharePart[]): string {
  return parts
    .map((p) => PART_LABELS[p].charAt(0).toLowerCase() + PART_LABELS[p].slice(1))
    .join(' ; ');
}

// --- Octets, compression, base64url -----------------------------------------------------------------

/** Lit un flux d'octets jusqu'au bout, ou s'arrête (`null`) dès que `max` est dépassé. */
async function readAll(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const through = (bytes: Uint8Array, transform: CompressionStream | DecompressionStream) =>
  new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform) as ReadableStream<Uint8Array>;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Lève une exception si le texte n'est pas du base64url (le décodage l'attrape). */
function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

// --- Produire un lien ---------------------------------------------------------------------------------

export interface LengthAdvice {
  /** `long` : une messagerie risque de couper le lien. */
  level: 'ok' | 'long';
  message: string;
}

/** Ce qu'il faut dire de la longueur d'un lien (adresse complète, telle qu'elle part dans un courriel). */
export function lengthAdvice(length: number): LengthAdvice {
  const count = `Ce lien compte ${formatInt(length)}\u00a0caractères`;
  if (length <= EMAIL_SAFE_LENGTH) return { level: 'ok', message: `${count}.` };
  return {
    level: 'long',
    message: `${count} : au-delà de ${formatInt(EMAIL_SAFE_LENGTH)} environ, certaines messageries le coupent ou le replient sur plusieurs lignes, et il ne s’ouvre plus en entier. Partagez moins de parties, ou envoyez plutôt le fichier des réponses (.json).`,
  };
}

export type ShareLink = { ok: true; url: string; advice: LengthAdvice } | { ok: false; message: string };

/**
 * Le lien qui emporte les parties choisies de ces réponses. `pageUrl` : l'adresse de l'assistant (sa requête et son
 * fragment éventuels sont retirés).
 */
export async function createShareLink(pageUrl: string, answers: Answers, parts: readonly SharePart[]): Promise<ShareLink> {
  const chosen = normalizeParts(parts);
  if (chosen.length === 0) return { ok: false, message: 'Choisissez au moins une partie des réponses à partager.' };
  try {
    const json = JSON.stringify({ version: answers.version, parts: chosen, answers: pickParts(answers, chosen) });
    const packed = await readAll(through(new TextEncoder().encode(json), new CompressionStream('deflate')), Number.MAX_SAFE_INTEGER);
    const fragment = `${SHARE_HASH}v${LINK_VERSION}.${toBase64Url(packed!)}`;
    if (fragment.length > MAX_FRAGMENT) {
      return {
        ok: false,
        message: `Ce lien compterait ${formatInt(fragment.length)}\u00a0caractères, au-delà de la limite de ${formatInt(MAX_FRAGMENT)} : il ne pourrait pas être ouvert. Partagez moins de parties, ou exportez les réponses (.json) et envoyez le fichier.`,
      };
    }
    const url = new URL(pageUrl);
    url.search = '';
    url.hash = '';
    const href = `${url.href}${fragment}`;
    return { ok: true, url: href, advice: lengthAdvice(href.length) };
  } catch {
    return { ok: false, message: 'Le lien n’a pas pu être préparé dans ce navigateur. Exportez plutôt les réponses (.json) et envoyez le fichier.' };
  }
}

// --- Lire un lien -------------------------------------------------------------------------------------

export type LinkRead =
  /** `draft` : un brouillon au format d'un fichier exporté, à relire par `readDraft(draft, 'lien')` ; `note` : ce que le lien apporte. */
  | { status: 'ok'; draft: string; parts: SharePart[]; note: string }
  | { status: 'invalid'; message: string };

const INTRO = 'Le lien de partage n’a pas pu être lu';
const UNCHANGED = 'Votre brouillon n’a pas changé.';
const DAMAGED = `${INTRO} : il est incomplet ou abîmé, sans doute coupé ou modifié en chemin. Demandez à la personne qui vous l’a envoyé de le renvoyer en entier, ou de vous envoyer le fichier des réponses (.json). ${UNCHANGED}`;
const invalid = (message: string): LinkRead => ({ status: 'invalid', message });

/**
 * Relit le fragment d'un lien de partage (`#partage=v1.…`) ; `base` est le brouillon neuf qui fournit les parties
 * non partagées. Vérifie l'enveloppe (version, compression, somme de contrôle, taille, parties), pas les réponses :
 * celles-ci passent ensuite par `readDraft`, comme un fichier importé. Ne lève jamais d'exception.
 */
export async function readShareLink(hash: string, base: Answers): Promise<LinkRead> {
  if (!hash.startsWith(SHARE_HASH)) return invalid(DAMAGED);
  if (hash.length > MAX_FRAGMENT) {
    return invalid(`${INTRO} : il est anormalement long (${formatInt(hash.length)}\u00a0caractères, ${formatInt(MAX_FRAGMENT)} au plus). ${UNCHANGED}`);
  }
  const envelope = /^v(\d{1,4})\.([A-Za-z0-9_-]+)$/.exec(hash.slice(SHARE_HASH.length));
  if (!envelope) return invalid(DAMAGED);
  const linkVersion = Number(envelope[1]);
  if (linkVersion > LINK_VERSION) {
    return invalid(`${INTRO} : il a été créé par une version plus récente de l’assistant, que cette page ne sait pas lire. Rechargez la page ; si le message reste, demandez le fichier des réponses (.json). ${UNCHANGED}`);
  }
  if (linkVersion !== LINK_VERSION) return invalid(DAMAGED);

  let data: unknown;
  try {
    const bytes = await readAll(through(fromBase64Url(envelope[2]!), new DecompressionStream('deflate')), MAX_JSON_BYTES);
    if (!bytes) return invalid(`${INTRO} : son contenu est anormalement volumineux une fois décompressé. ${UNCHANGED}`);
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return invalid(DAMAGED);
  }
  if (!isRecord(data) || !isRecord(data.answers) || !Array.isArray(data.parts) || data.parts.length === 0) return invalid(DAMAGED);
  const known: readonly unknown[] = SHARE_PARTS;
  if (!data.parts.every((p) => known.includes(p))) return invalid(DAMAGED);
  // Les parties telles que le lien les déclare (un lien les écrit déjà complètes, `normalizeParts`), dans l'ordre des
  // étapes : un lien d'avant une implication nouvelle reste lisible, et le résumé ne dit que ce qu'il apporte.
  const declared: readonly unknown[] = data.parts;
  const parts = SHARE_PARTS.filter((p) => declared.includes(p));
  const draft = JSON.stringify({ format: DRAFT_FORMAT, version: data.version, step: null, answers: mergeParts(base, data.answers, parts) });
  return { status: 'ok', draft, parts, note: `Ce lien apporte : ${partsSummary(parts)}. Les autres réponses sont celles d’un brouillon neuf.` };
}
