/**
 * Le lien de partage pré-rempli sans navigateur : aller-retour, choix des parties, liens abîmés ou falsifiés
 * (base64 invalide, tronqué, bit changé, version inconnue, réponses invalides, texte hostile), tailles limites.
 * Un lien relu donne un brouillon que la session relit comme un fichier importé (`readDraft(…, 'lien')`) : c'est
 * ce chemin complet qui est vérifié ici.
 */
import { describe, expect, test, vi } from 'vitest';
import { newAnswers, newCalibration, setPath, type Answers } from '../../src/lib/wizard/model';
import {
  createShareLink,
  EMAIL_SAFE_LENGTH,
  lengthAdvice,
  MAX_FRAGMENT,
  isImplied,
  normalizeParts,
  pickParts,
  readShareLink,
  SHARE_HASH,
  SHARE_PARTS,
  type SharePart,
} from '../../src/lib/wizard/share-link';
import { readDraft } from '../../src/lib/wizard/storage';
import { reservedLots } from '../../src/lib/wizard/levers';
import { calibrationSummary } from '../../src/lib/wizard/calibration';
import { SHARE_HASH as STATIC_SHARE_HASH } from '../../src/islands/wizard/use-session';
import { catalog, TODAY, worksJourney } from '../support/wizard-fixtures';

const PAGE = 'https://recueil.exemple.fr/assistant/?etape=calibrage#ancre';
/** Le brouillon neuf du destinataire : les parties non partagées en viennent. */
const base = () => newAnswers(catalog, { today: new Date(2026, 10, 3) });
const hashOf = (url: string) => url.slice(url.indexOf('#'));

type Read = { status: 'ok'; answers: Answers; parts: SharePart[]; note: string } | { status: 'invalid'; message: string };
/** Lire un lien jusqu'au bout : l'enveloppe (share-link.ts), puis les réponses comme un fichier importé. */
async function open(hash: string, recipient: Answers = base()): Promise<Read> {
  const read = await readShareLink(hash, recipient);
  if (read.status === 'invalid') return read;
  const draft = readDraft(read.draft, 'lien');
  if (draft.status === 'invalid' || draft.status === 'empty') return { status: 'invalid', message: draft.status === 'invalid' ? draft.message : 'vide' };
  return { status: 'ok', answers: draft.answers, parts: read.parts, note: [read.note, draft.status === 'migrated' ? draft.message : ''].filter(Boolean).join(' ') };
}

async function link(answers: Answers, parts: readonly SharePart[] = SHARE_PARTS): Promise<string> {
  const made = await createShareLink(PAGE, answers, parts);
  if (!made.ok) throw new Error(made.message);
  return made.url;
}

/** Un lien fabriqué à la main : n'importe quel JSON, compressé comme le fait le module. */
async function forged(json: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(json)]).stream().pipeThrough(new CompressionStream('deflate'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `#partage=v1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

const DAMAGED = /^Le lien de partage n’a pas pu être lu : il est incomplet ou abîmé[\s\S]*Votre brouillon n’a pas changé\.$/;

describe('creating and reading a link', () => {
  test('all parts: the answers come back unchanged, and the link points at the wizard without its query', async () => {
    const answers = worksJourney();
    const url = await link(answers);
    expect(url).toMatch(/^https:\/\/recueil\.exemple\.fr\/assistant\/#partage=v1\.[A-Za-z0-9_-]+$/);
    const read = await open(hashOf(url), base());
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    expect(read.answers).toEqual(answers);
    expect(read.parts).toEqual(SHARE_PARTS);
    expect(read.note).toMatch(/^Ce lien apporte : le marché, l’obligation et les leviers retenus ; les lots/);
  });

  test('the prefix the island looks for, without loading this module, is this module’s', () => {
    expect(STATIC_SHARE_HASH).toBe(SHARE_HASH);
  });

  test('a three-lot journey fits well under the e-mail limit', async () => {
    const url = await link(worksJourney());
    expect(url.length).toBeLessThan(EMAIL_SAFE_LENGTH);
    expect(lengthAdvice(url.length).level).toBe('ok');
  });

  const GROUPS: Record<SharePart, string[]> = {
    contrat: ['contract', 'levers'],
    lots: ['lots'],
    calibrage: ['contract', 'levers', 'lots'],
    pieces: ['execution', 'employment', 'criterion', 'derogation'],
    facilitateur: ['facilitator'],
  };
  const ALL = ['contract', 'levers', 'lots', 'execution', 'employment', 'criterion', 'derogation', 'facilitator'] as const;

  test.each(SHARE_PARTS)('only the part « %s » (and what it needs) travels; the rest comes from the recipient’s new draft', async (part) => {
    const sent = setPath(setPath(worksJourney(), 'lots.1.calibration.rate', '7'), 'lots.1.calibration.method', 'proprete');
    const recipient = base();
    const read = await open(hashOf(await link(sent, [part])), recipient);
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    const carried = new Set(GROUPS[part]);
    for (const group of ALL) {
      if (group === 'lots') continue;
      expect(read.answers[group], group).toEqual(carried.has(group) ? sent[group] : recipient[group]);
    }
    if (part === 'lots') {
      // Les lots sans leur calcul d'heures : celui d'un brouillon neuf.
      expect(read.answers.lots.map((l) => l.name)).toEqual(['Gros œuvre', 'Peinture', 'Charpente métallique']);
      expect(read.answers.lots.every((l) => JSON.stringify(l.calibration) === JSON.stringify(newCalibration()))).toBe(true);
    } else if (part === 'calibrage') {
      // Le volume d'heures se calcule lot par lot, selon le marché : il emporte le marché et les lots.
      expect(read.parts).toEqual(['contrat', 'lots', 'calibrage']);
      expect(read.answers.lots).toEqual(sent.lots);
    } else {
      expect(read.answers.lots).toEqual(recipient.lots);
    }
  });

  test('the facilitator’s own profile fills a recipient draft when the contact is not shared', async () => {
    const me = { structure: 'PLIE du Val', name: 'Nadia Benali', email: 'n.benali@exemple.fr', phone: '' };
    const read = await open(hashOf(await link(worksJourney(), ['contrat'])), newAnswers(catalog, { profile: me, today: TODAY }));
    expect(read.status === 'ok' && read.answers.facilitator).toEqual(me);
  });

  test('parts are normalised: calibration brings the lots, order follows the steps, no part refuses to make a link', async () => {
    expect(normalizeParts(['facilitateur', 'calibrage', 'contrat', 'calibrage'])).toEqual(['contrat', 'lots', 'calibrage', 'facilitateur']);
    expect(Object.keys(pickParts(worksJourney(), ['lots']))).toEqual(['lots']);
    expect(pickParts(worksJourney(), ['lots']).lots).toEqual(worksJourney().lots.map(({ calibration: _c, ...l }) => l));
    const none = await createShareLink(PAGE, worksJourney(), []);
    expect(none).toEqual({ ok: false, message: 'Choisissez au moins une partie des réponses à partager.' });
  });

  test('the calibrated hours bring the contract and the lots: the recipient reads the same hours', async () => {
    expect(normalizeParts(['calibrage'])).toEqual(['contrat', 'lots', 'calibrage']);
    expect(isImplied('contrat', ['calibrage']) && isImplied('lots', ['calibrage'])).toBe(true);
    expect(isImplied('lots', ['lots']) || isImplied('pieces', ['calibrage'])).toBe(false);
    const sent = setPath(setPath(worksJourney(), 'levers.reservation', true), 'lots.1.reservation', 'siae');
    const read = await open(hashOf(await link(sent, ['calibrage'])), base());
    if (read.status !== 'ok') throw new Error(read.message);
    expect(calibrationSummary(read.answers)).toEqual(calibrationSummary(sent));
    expect(reservedLots(read.answers).map((l) => l.name)).toEqual([sent.lots[1]!.name]);
  });

  test('a link written before the hours brought the contract still opens, and says only what it brings', async () => {
    const sent = worksJourney();
    const old = { version: sent.version, parts: ['lots', 'calibrage'], answers: { lots: sent.lots } };
    const read = await open(await forged(JSON.stringify(old)), base());
    if (read.status !== 'ok') throw new Error(read.message);
    expect(read.parts).toEqual(['lots', 'calibrage']);
    expect(read.answers.lots).toEqual(sent.lots);
    expect(read.answers.contract).toEqual(base().contract);
    expect(read.note).not.toMatch(/le marché/);
  });

  test('lots shared without the contract keep their reservation as the sender had it', async () => {
    const sent = setPath(setPath(worksJourney(), 'levers.reservation', true), 'lots.1.reservation', 'siae');
    const read = await open(hashOf(await link(sent, ['lots'])), base());
    expect(read.status === 'ok' && reservedLots(read.answers).map((l) => l.name)).toEqual([sent.lots[1]!.name]);
    // Une réservation inscrite sur un lot mais sans le levier n'a pas d'effet chez l'expéditeur : elle n'en prend pas.
    const inert = setPath(worksJourney(), 'lots.1.reservation', 'siae');
    const inertRead = await open(hashOf(await link(inert, ['lots'])), base());
    expect(inertRead.status === 'ok' && reservedLots(inertRead.answers)).toEqual([]);
  });

  test('hostile text stays literal (markup kept as text), bidirectional overrides are removed as on every entry', async () => {
    const hostile = '<img src=x onerror=alert(1)> \u202Eelartnec & ]]> 🏗️';
    const sent = setPath(setPath(worksJourney(), 'contract.subject', hostile), 'lots.0.name', '"><script>alert(1)</script>');
    const read = await open(hashOf(await link(sent)), base());
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    expect(read.answers.contract.subject).toBe('<img src=x onerror=alert(1)> elartnec & ]]> 🏗️');
    expect(read.answers.lots[0]!.name).toBe('"><script>alert(1)</script>');
  });
});

describe('damaged or forged links change nothing and say why, in French', () => {
  test('not base64url, or an envelope that is not ours', async () => {
    for (const hash of ['#partage=v1.@@@', '#partage=v1.', '#partage=v1.abc=', '#partage=', '#partage=1.abcd', '#partage=v1abcd', '#autre=v1.abcd', '#partage=v1.a']) {
      const read = await open(hash, base());
      expect(read.status === 'invalid' && read.message, hash).toMatch(DAMAGED);
    }
  });

  test('truncated, as a mail client cutting a long line would', async () => {
    const hash = hashOf(await link(worksJourney()));
    for (const keep of [0.3, 0.6, 0.9, 0.99]) {
      const read = await open(hash.slice(0, Math.floor(hash.length * keep)), base());
      expect(read.status === 'invalid' && read.message, String(keep)).toMatch(DAMAGED);
    }
  });

  test('any one character changed is detected (checksum), never read as a different answer', async () => {
    const hash = hashOf(await link(worksJourney(), ['contrat', 'lots']));
    const start = '#partage=v1.'.length;
    // Le dernier caractère peut ne porter que des bits de remplissage : on change tous les autres.
    for (let i = start; i < hash.length - 1; i++) {
      const c = hash[i]!;
      const flipped = hash.slice(0, i) + (c === 'A' ? 'B' : c === 'B' ? 'A' : String.fromCharCode(c.charCodeAt(0) ^ 1).replace(/[^A-Za-z0-9_-]/, 'A')) + hash.slice(i + 1);
      if (flipped === hash) continue;
      const read = await open(flipped, base());
      expect(read.status, `caractère ${i}`).toBe('invalid');
    }
  });

  test('a link version this page does not know', async () => {
    const hash = hashOf(await link(worksJourney()));
    const newer = await open(hash.replace('#partage=v1.', '#partage=v2.'), base());
    expect(newer.status === 'invalid' && newer.message).toMatch(/créé par une version plus récente de l’assistant[\s\S]*Votre brouillon n’a pas changé\.$/);
    const older = await open(hash.replace('#partage=v1.', '#partage=v0.'), base());
    expect(older.status === 'invalid' && older.message).toMatch(DAMAGED);
  });

  test('valid compression, but not a share payload or answers that do not check', async () => {
    const { contract, levers } = worksJourney();
    const cases: [string, RegExp][] = [
      ['not json', DAMAGED],
      ['[1, 2]', DAMAGED],
      [JSON.stringify({ version: 5, parts: ['contrat', 'tout'], answers: {} }), DAMAGED],
      [JSON.stringify({ version: 5, parts: [], answers: {} }), DAMAGED],
      [JSON.stringify({ version: 99, parts: ['contrat'], answers: { contract } }), /^Le lien de partage n’a pas pu être lu : il a été créé par une version plus récente de l’assistant \(format 99\)/],
      [JSON.stringify({ parts: ['contrat'], answers: { contract } }), /sa version n’est pas indiquée/],
      [JSON.stringify({ version: 5, parts: ['contrat'], answers: { contract: { ...contract, kind: 'bogus' }, levers } }), /certaines réponses sont manquantes ou abîmées \(Type de marché : valeur inconnue \(« bogus »\)\)/],
      [JSON.stringify({ version: 5, parts: ['contrat'], answers: { contract: { ...contract, amount: { $gt: 0 } }, levers } }), /\(Montant estimé du marché : nombre attendu\)/],
      [JSON.stringify({ version: 5, parts: ['contrat'], answers: {} }), /Le marché : groupe de champs attendu/],
      [JSON.stringify({ version: 5, parts: ['lots'], answers: { lots: [] } }), /Lots : liste attendue/],
    ];
    for (const [json, message] of cases) {
      const read = await open(await forged(json), base());
      expect(read.status === 'invalid' && read.message, json.slice(0, 60)).toMatch(message);
    }
  });

  test('a link whose answers come from an older version is migrated like an imported draft', async () => {
    const { employment: _e, levers, ...v4 } = worksJourney();
    const { employment: _l, ...v4levers } = levers;
    const read = await open(await forged(JSON.stringify({ version: 4, parts: ['contrat', 'pieces'], answers: { ...v4, levers: v4levers } })), base());
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    expect(read.answers.levers.employment).toBe(false);
    expect(read.note).toMatch(/^Ce lien apporte : [^]*converti au format actuel/);
  });
});

describe('sizes', () => {
  test('the length advice warns above about 2 000 characters', () => {
    expect(lengthAdvice(EMAIL_SAFE_LENGTH)).toEqual({ level: 'ok', message: 'Ce lien compte 2\u202f000\u00a0caractères.' });
    const long = lengthAdvice(EMAIL_SAFE_LENGTH + 1);
    expect(long.level).toBe('long');
    expect(long.message).toMatch(/^Ce lien compte 2\u202f001\u00a0caractères : au-delà de 2\u202f000 environ, certaines messageries le coupent/);
  });

  test('answers too large for a link are refused when creating it, with a message', async () => {
    // Du texte sans répétition (qui ne se compresse pas) dans chacun des 50 lots.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    const noise = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + (next() >>> 24) % 26)).join('');
    let a = worksJourney();
    a = { ...a, lots: Array.from({ length: 50 }, (_, i) => ({ ...a.lots[0]!, key: `l${i + 1}`, number: String(i + 1), name: noise(1000) })) };
    const made = await createShareLink(PAGE, a, SHARE_PARTS);
    expect(made.ok).toBe(false);
    expect(!made.ok && made.message).toMatch(/^Ce lien compterait [\d\u202f]+\u00a0caractères, au-delà de la limite de 30\u202f000 : il ne pourrait pas être ouvert/);
  });

  test('an over-long fragment is refused before anything is decoded', async () => {
    const spy = vi.spyOn(globalThis, 'atob');
    const read = await readShareLink(`#partage=v1.${'A'.repeat(MAX_FRAGMENT)}`, base());
    expect(read.status === 'invalid' && read.message).toMatch(/^Le lien de partage n’a pas pu être lu : il est anormalement long \(30\u202f012\u00a0caractères, 30\u202f000 au plus\)/);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  test('a decompression bomb (a few kilobytes that inflate to megabytes) is stopped at the size cap', async () => {
    const bomb = await forged(JSON.stringify({ version: 5, parts: ['contrat'], answers: { contract: { subject: 'a'.repeat(20_000_000) } } }));
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT);
    const read = await open(bomb, base());
    expect(read.status === 'invalid' && read.message).toMatch(/anormalement volumineux une fois décompressé/);
  });
});
