/**
 * La session de l'assistant en fonctions pures : ce que l'utilisateur voit (écran, étape, erreurs montrées,
 * messages) et tout ce qu'il peut faire, sous la forme `reduce(session, action, contexte) → { session, effets }`.
 * L'îlot ne fait qu'afficher la session et exécuter les effets (adresse de la page, stockage du navigateur) ;
 * il ne prend aucune décision. Aucune fonction de ce module ne touche au DOM : tout se teste sans navigateur.
 *
 * Décisions prises ici :
 * - au démarrage : brouillon neuf, reprise proposée, rechargement en cours de parcours (l'adresse porte
 *   `?etape=`), brouillon illisible (bandeau et copie), arrivée depuis le calculateur de la fiche C3 ;
 * - navigation : « Continuer » valide l'étape (et seulement lui : aucune validation à la sortie d'un champ,
 *   qui déplacerait le bouton sous le pointeur), historique du navigateur, retour au récapitulatif ;
 * - remplacement du brouillon (import d'un fichier ou d'un lien de partage, calculateur, nouveau brouillon) :
 *   demandé dès que le brouillon en place a des réponses ; l'ancien est gardé en copie téléchargeable et « Annuler »
 *   le rétablit. Un lien de partage (décodé par share-link.ts, chargé à la demande) suit le chemin d'un fichier importé ;
 * - annonces aux lecteurs d'écran et déplacement du focus, comme des données (`live`, `focus`).
 */
import { applyHandoff, type CalculatorValues } from './handoff';
import { formatEuros } from '../format';
import { addLot, addSubCriterion, fieldId, newAnswers, removeLot, removeSubCriterion, setPath, type Answers, type FacilitatorProfile, type WizardCatalog } from './model';
import { parseNumber } from './numbers';
import { documentsFor, downloadBlockers, type DownloadBlocker } from './pieces';
import { docxFileName } from './filename';
import type { RenderedDocument } from '../redactions/core/document';
import { cleanText as sanitizeText } from '../redactions/core/text';
import { guardStep, isStepId, nextStep, previousStep, STEP_IDS, stepShortTitle, stepTitle, validateStep, visibleSteps, type FieldError, type StepId } from './steps';
import { allotmentFact } from './summary';
import { BACKUP_KEY, DRAFT_KEY, PROFILE_KEY, REPLACED_KEY, readDraft, serializeDraft, serializeProfile, type ReadResult } from './storage';

/** Un brouillon tel qu'on le garde ou le propose : réponses, étape et date d'enregistrement. */
export interface DraftSnapshot {
  answers: Answers;
  step: StepId | null;
  savedAt: string | null;
}

export type ReplaceSource = 'import' | 'lien' | 'calculateur' | 'nouveau';

/** Ce qui attend la confirmation de l'utilisateur avant de remplacer le brouillon en cours. */
export interface PendingReplace {
  source: ReplaceSource;
  incoming: DraftSnapshot;
  /** Message à montrer avec l'import (brouillon converti d'une version antérieure). */
  note: string;
}

export type Screen =
  | { kind: 'loading' }
  | { kind: 'form' }
  /** Un brouillon enregistré est proposé à la reprise. */
  | { kind: 'resume'; draft: DraftSnapshot }
  /** Le brouillon en cours serait remplacé : l'utilisateur confirme ou annule. */
  | { kind: 'replace'; pending: PendingReplace };

export interface Banner {
  /** `link` : un lien de partage illisible (rien n'a changé, aucune copie à proposer). */
  kind: 'invalid' | 'migrated' | 'link';
  message: string;
  /** Le texte original du brouillon, téléchargeable (vide pour un lien). */
  original: string;
}

export interface DownloadState {
  status: 'idle' | 'working' | 'done' | 'error';
  message: string;
}

export interface Session {
  screen: Screen;
  answers: Answers;
  step: StepId;
  /** Erreurs montrées : celles de l'étape au dernier « Continuer » refusé ; elles ne changent qu'au suivant. */
  shownErrors: FieldError[];
  /** On vient du récapitulatif par un lien « Modifier » : « Continuer » y ramène. */
  returnToReview: boolean;
  /** L'enregistrement automatique est permis (après une première saisie, une reprise, un import…). */
  dirty: boolean;
  banner: Banner | null;
  /**
   * Le brouillon remplacé en dernier, gardé pour « Annuler » et téléchargeable, jusqu'à ce que l'utilisateur ferme le
   * message : aussi après un rechargement (sa copie dans le navigateur est relue au démarrage).
   */
  replaced: { snapshot: DraftSnapshot } | null;
  hasProfile: boolean;
  download: DownloadState;
  /** Message des outils (import, export, annulation). */
  toolMessage: string;
  /**
   * Ce qu'un brouillon importé (fichier ou lien de partage) a apporté, montré en haut du formulaire là où il mène
   * (souvent une étape à compléter, ses erreurs affichées) ; effacé à la navigation suivante.
   */
  arrival: string;
  /** Dernière annonce aux lecteurs d'écran ; `n` change à chaque annonce, même répétée. */
  live: { message: string; n: number };
  /**
   * Élément à focaliser après le rendu (id HTML) ; `n` change à chaque demande. `reveal` : un élément plus haut à
   * garder à l'écran avec lui (ce qu'un import a apporté, au-dessus des erreurs focalisées), pour cette demande seulement.
   */
  focus: { id: string; n: number; reveal?: string } | null;
}

export type Action =
  | {
      type: 'start';
      stored: ReadResult;
      /** La copie du brouillon remplacé en dernier (`REPLACED_KEY`), s'il y en a une. */
      replacedCopy?: ReadResult;
      urlStep: string | null;
      handoff: CalculatorValues | null;
      profile: FacilitatorProfile | null;
      today: Date;
    }
  | { type: 'set'; path: string; value: unknown }
  | { type: 'add-lot' }
  | { type: 'remove-lot'; key: string }
  | { type: 'add-sub-criterion' }
  | { type: 'remove-sub-criterion'; key: string }
  | { type: 'continue' }
  | { type: 'back' }
  /** Aller à une étape (lien « Modifier », liste des étapes) ; `field` : y mettre le focus sur ce champ. */
  | { type: 'go-to'; step: StepId; field?: string }
  | { type: 'history'; step: string | null }
  /** Un fichier importé ; `link` : les réponses viennent d'un lien de partage, et disent ce qu'il apporte. */
  | { type: 'import'; text: string; size: number; link?: string }
  /** Un lien de partage illisible : le message est montré (bandeau) et annoncé, rien d'autre ne change. */
  | { type: 'link-error'; message: string }
  | { type: 'confirm-replace' }
  | { type: 'cancel-replace' }
  | { type: 'undo-replace' }
  | { type: 'resume' }
  | { type: 'start-new' }
  | { type: 'restart' }
  | { type: 'close-banner' }
  | { type: 'dismiss-replaced' }
  | { type: 'focus-field'; field: string }
  | { type: 'forget-profile' }
  | { type: 'exported' }
  | { type: 'download-blocked'; count: number }
  | { type: 'download-started' }
  | { type: 'download-done'; fileName: string; pieces: number }
  | { type: 'download-failed'; message: string };

/** Ce que l'îlot doit faire hors de l'affichage. */
export type Effect =
  | { type: 'history'; mode: 'push' | 'replace'; step: StepId | null }
  | { type: 'store'; key: string; value: string }
  | { type: 'unstore'; key: string };

export interface Context {
  catalog: WizardCatalog;
  /** L'instant présent (date des brouillons, date proposée pour la note). */
  now: Date;
  /** Le profil du facilitateur mémorisé, pour un brouillon neuf. */
  profile?: FacilitatorProfile | null;
}

/** Au-delà, un fichier n'est pas lu : ce n'est pas un brouillon (un vrai pèse quelques dizaines de kilo-octets). */
export const MAX_IMPORT_BYTES = 2_000_000;


// --- Session initiale et démarrage -----------------------------------------------------------------

/** La session rendue avant le démarrage (côté serveur, puis à l'hydratation) : le formulaire est inactif. */
export function initialSession(ctx: Context): Session {
  return {
    screen: { kind: 'loading' },
    answers: newAnswers(ctx.catalog, { today: ctx.now }),
    step: 'contrat',
    shownErrors: [],
    returnToReview: false,
    dirty: false,
    banner: null,
    replaced: null,
    hasProfile: false,
    download: { status: 'idle', message: '' },
    toolMessage: '',
    arrival: '',
    live: { message: '', n: 0 },
    focus: null,
  };
}

/** Un brouillon neuf (profil mémorisé compris) ; aussi ce qui complète les réponses d'un lien de partage. */
export function freshAnswers(ctx: Context, handoff: CalculatorValues | null = null): Answers {
  const a = newAnswers(ctx.catalog, { profile: ctx.profile ?? null, today: ctx.now });
  return handoff ? applyHandoff(a, handoff) : a;
}

/** Les réponses n'ont pas été touchées : les remplacer ne perd rien (la date proposée pour la note ne compte pas). */
export function isPristine(answers: Answers, ctx: Context): boolean {
  const strip = (a: Answers) => JSON.stringify({ ...a, derogation: { ...a.derogation, date: '' } });
  return strip(answers) === strip(freshAnswers(ctx));
}

const sameAnswers = (a: Answers, b: Answers) => JSON.stringify(a) === JSON.stringify(b);

type Result = { session: Session; effects: Effect[] };

/** Les messages de la session : des textes éditoriaux (texts.ts), passés à l'îlot avec le catalogue. */
const msg = (ctx: Context) => ctx.catalog.texts.ui.messages;

function start(s: Session, a: Extract<Action, { type: 'start' }>, ctx: Context): Result {
  const effects: Effect[] = [];
  const copy = a.replacedCopy;
  // Une copie illisible n'est pas montrée (rien à rétablir), mais reste en place : elle n'est jamais effacée sans le dire.
  const replaced = copy?.status === 'ok' || copy?.status === 'migrated' ? { snapshot: { answers: copy.answers, step: copy.step, savedAt: copy.savedAt } } : null;
  const base: Session = { ...s, hasProfile: a.profile !== null, screen: { kind: 'form' }, replaced };
  const context = { ...ctx, profile: a.profile };
  const stored = a.stored;
  let banner: Banner | null = null;
  let draft: DraftSnapshot | null = null;
  if (stored.status === 'invalid') {
    // Jamais chargé à moitié : une copie est gardée, téléchargeable, et l'on repart d'un brouillon neuf.
    effects.push({ type: 'store', key: BACKUP_KEY, value: stored.original }, { type: 'unstore', key: DRAFT_KEY });
    banner = { kind: 'invalid', message: stored.message, original: stored.original };
  } else if (stored.status === 'ok' || stored.status === 'migrated') {
    if (stored.status === 'migrated') {
      effects.push({ type: 'store', key: BACKUP_KEY, value: stored.original });
      banner = { kind: 'migrated', message: stored.message, original: stored.original };
    }
    draft = { answers: stored.answers, step: stored.step, savedAt: stored.savedAt };
  }
  const withBanner = { ...base, banner };

  if (draft && a.handoff) {
    // Arrivée depuis le calculateur alors qu'un brouillon existe : rien n'est remplacé sans le demander.
    const pending: PendingReplace = { source: 'calculateur', incoming: { answers: freshAnswers(context, a.handoff), step: 'contrat', savedAt: null }, note: '' };
    const session = { ...withBanner, answers: draft.answers, step: draft.step ?? 'contrat', screen: { kind: 'replace', pending } as Screen };
    return { session: focusOn(session, 'wz-step-title'), effects: [...effects, { type: 'history', mode: 'replace', step: null }] };
  }
  if (draft && isStepId(a.urlStep)) {
    // Rechargement en cours de parcours : on reprend là où l'on était.
    const next = navigate({ ...withBanner, answers: draft.answers, dirty: true }, a.urlStep, 'replace', false);
    return { session: next.session, effects: [...effects, ...next.effects] };
  }
  if (draft) {
    const session = { ...withBanner, screen: { kind: 'resume', draft } as Screen };
    return { session, effects: [...effects, { type: 'history', mode: 'replace', step: null }] };
  }
  const answers = freshAnswers(context, a.handoff);
  const next = navigate({ ...withBanner, answers, dirty: a.handoff !== null }, isStepId(a.urlStep) ? a.urlStep : 'contrat', 'replace', false);
  return { session: next.session, effects: [...effects, ...next.effects] };
}

// --- Navigation ------------------------------------------------------------------------------------

function announce(s: Session, message: string): Session {
  return { ...s, live: { message, n: s.live.n + 1 } };
}

function focusOn(s: Session, id: string): Session {
  return { ...s, focus: { id, n: (s.focus?.n ?? 0) + 1 } };
}

/** La position d'une étape dans la liste complète : elle ne change pas quand les réponses masquent une étape. */
export const stepNumber = (step: StepId) => STEP_IDS.indexOf(step) + 1;
export const STEP_COUNT = STEP_IDS.length;

/** Va à une étape (ou à la première étape précédente invalide, dont les erreurs sont alors montrées). */
function navigate(s: Session, target: StepId, mode: 'push' | 'replace' | 'none', focus = true): Result {
  const reached = guardStep(s.answers, target);
  const errors = reached !== target ? validateStep(s.answers, reached) : [];
  const blocked = errors.length > 0;
  let session: Session = {
    ...s,
    screen: { kind: 'form' },
    step: reached,
    shownErrors: errors,
    download: { status: 'idle', message: '' },
    returnToReview: reached === 'recapitulatif' ? false : s.returnToReview,
    arrival: '',
  };
  session = announce(session, `${blocked ? 'Une étape précédente est à compléter. ' : ''}Étape ${stepNumber(reached)} sur ${STEP_COUNT} : ${stepTitle(reached)}.`);
  if (focus) session = focusOn(session, blocked ? 'wz-error-summary' : 'wz-step-title');
  const effects: Effect[] = [];
  if (mode === 'push') effects.push({ type: 'history', mode: 'push', step: reached });
  else if (mode === 'replace' || reached !== target) effects.push({ type: 'history', mode: 'replace', step: reached });
  return { session, effects };
}

function onContinue(s: Session): Result {
  const errors = validateStep(s.answers, s.step);
  if (errors.length > 0) {
    const session = announce({ ...s, shownErrors: errors }, `${errors.length === 1 ? 'Une erreur empêche' : `${errors.length} erreurs empêchent`} de continuer.`);
    return { session: focusOn(session, 'wz-error-summary'), effects: [] };
  }
  const effects: Effect[] = [];
  let hasProfile = s.hasProfile;
  if (s.step === 'execution' && s.answers.facilitator.structure.trim()) {
    effects.push({ type: 'store', key: PROFILE_KEY, value: serializeProfile(s.answers.facilitator) });
    hasProfile = true;
  }
  const next = s.returnToReview ? 'recapitulatif' : nextStep(s.answers, s.step);
  if (!next) return { session: s, effects };
  const moved = navigate({ ...s, hasProfile }, next, 'push');
  return { session: moved.session, effects: [...effects, ...moved.effects] };
}

// --- Remplacement du brouillon -----------------------------------------------------------------------

const snapshotOf = (s: Session, now: Date): DraftSnapshot => ({ answers: s.answers, step: s.step, savedAt: now.toISOString() });

/** Remplace le brouillon en cours ; l'ancien est gardé (copie dans le navigateur) pour « Annuler ». */
function replaceDraft(s: Session, pending: PendingReplace, ctx: Context, keepOld: boolean): Result {
  const old = snapshotOf(s, ctx.now);
  // Un brouillon remplacé par lui-même (le même lien ouvert deux fois) n'écrase pas la copie déjà gardée.
  const keep = keepOld && !sameAnswers(old.answers, pending.incoming.answers);
  const imported = pending.source === 'import' || pending.source === 'lien';
  const effects: Effect[] = keep ? [{ type: 'store', key: REPLACED_KEY, value: serializeDraft(old.answers, old.step, ctx.now) }] : [];
  const base: Session = {
    ...s,
    answers: pending.incoming.answers,
    dirty: true,
    replaced: keep ? { snapshot: old } : s.replaced,
    toolMessage: '',
  };
  // Un import mène au récapitulatif (ou à la première étape à compléter) ; un nouveau brouillon, au début.
  const target: StepId = imported ? 'recapitulatif' : 'contrat';
  const moved = navigate(base, target, 'push');
  if (!imported) return { session: moved.session, effects: [...effects, ...moved.effects] };
  // Ce que l'import a apporté est dit en haut de l'étape atteinte, montré avec l'élément focalisé, et annoncé avec elle.
  const arrival = [msg(ctx).imported, pending.note].filter(Boolean).join(' ');
  const focus = moved.session.focus && { ...moved.session.focus, reveal: ARRIVAL_ID };
  const session = announce({ ...moved.session, arrival, focus }, `${arrival} ${moved.session.live.message}`);
  return { session, effects: [...effects, ...moved.effects] };
}

/** L'id HTML du message qui dit ce qu'un import a apporté (`arrival`). */
export const ARRIVAL_ID = 'wz-arrival';

/** Un lien illisible : bandeau (sauf celui d'un brouillon illisible, qui porte une copie à télécharger) et annonce. */
function linkError(s: Session, message: string): Result {
  // Un bandeau qui garde la copie d'un brouillon illisible reste en place : le message va alors dans les outils du brouillon.
  const keep = Boolean(s.banner?.original);
  const banner: Banner | null = keep ? s.banner : { kind: 'link', message, original: '' };
  return { session: announce({ ...s, banner, toolMessage: keep ? message : s.toolMessage }, message), effects: [] };
}

function onImport(s: Session, text: string, size: number, ctx: Context, link?: string): Result {
  if (size > MAX_IMPORT_BYTES) return { session: announce({ ...s, toolMessage: msg(ctx).importTooBig }, msg(ctx).importTooBig), effects: [] };
  const read = readDraft(text, link === undefined ? 'importé' : 'lien');
  if (read.status === 'empty' || read.status === 'invalid') {
    const message = read.status === 'empty' ? msg(ctx).importEmpty : read.message;
    if (link !== undefined) return linkError(s, message);
    return { session: announce({ ...s, toolMessage: message }, message), effects: [] };
  }
  const pending: PendingReplace = {
    source: link === undefined ? 'import' : 'lien',
    incoming: { answers: read.answers, step: read.step, savedAt: read.savedAt },
    note: [link, read.status === 'migrated' ? read.message : ''].filter(Boolean).join(' '),
  };
  // Le brouillon en place : celui dont la reprise est proposée, s'il y en a un (un lien peut arriver à ce moment-là).
  const current = s.screen.kind === 'resume' ? { ...s, answers: s.screen.draft.answers, step: s.screen.draft.step ?? 'contrat' } : s;
  // Un brouillon vierge n'a rien à perdre : l'import s'applique sans question.
  if (isPristine(current.answers, ctx)) return replaceDraft(current, pending, ctx, false);
  return { session: focusOn({ ...current, screen: { kind: 'replace', pending }, toolMessage: '' }, 'wz-step-title'), effects: [] };
}

// --- Le réducteur --------------------------------------------------------------------------------------

export function reduce(s: Session, action: Action, ctx: Context): Result {
  const same = (session: Session): Result => ({ session, effects: [] });
  const edit = (answers: Answers): Session => ({ ...s, answers, dirty: true, download: s.download.status === 'idle' ? s.download : { status: 'idle', message: '' } });
  switch (action.type) {
    case 'start':
      return start(s, action, ctx);
    case 'set':
      return same(edit(setPath(s.answers, action.path, typeof action.value === 'string' ? sanitizeText(action.value) : action.value)));
    case 'add-lot': {
      const answers = addLot(s.answers);
      if (answers === s.answers) return same(s);
      const index = answers.lots.length - 1;
      return same(focusOn(announce(edit(answers), `Lot ${answers.lots[index]!.number} ajouté.`), fieldId(`lots.${index}.name`)));
    }
    case 'remove-lot': {
      const lot = s.answers.lots.find((l) => l.key === action.key);
      const answers = removeLot(s.answers, action.key);
      if (!lot || answers === s.answers) return same(s);
      const index = s.answers.lots.indexOf(lot);
      return same(focusOn(announce(edit(answers), `Lot ${lot.number.trim() || index + 1} retiré.`), 'wz-add-lot'));
    }
    case 'add-sub-criterion': {
      const answers = addSubCriterion(s.answers);
      if (answers === s.answers) return same(s);
      const index = answers.criterion.subCriteria.length - 1;
      return same(focusOn(announce(edit(answers), `Sous-critère ${index + 1} ajouté.`), fieldId(`criterion.subCriteria.${index}.title`)));
    }
    case 'remove-sub-criterion': {
      const index = s.answers.criterion.subCriteria.findIndex((c) => c.key === action.key);
      const answers = removeSubCriterion(s.answers, action.key);
      if (index < 0 || answers === s.answers) return same(s);
      return same(focusOn(announce(edit(answers), `Sous-critère ${index + 1} retiré.`), 'wz-add-sub'));
    }
    case 'continue':
      return onContinue(s);
    case 'back': {
      const previous = previousStep(s.answers, s.step);
      return previous ? navigate(s, previous, 'push') : same(s);
    }
    case 'go-to': {
      const moved = navigate({ ...s, returnToReview: action.step !== 'recapitulatif' && s.step === 'recapitulatif' ? true : s.returnToReview }, action.step, 'push');
      const onField = action.field && moved.session.step === action.step && moved.session.shownErrors.length === 0;
      return onField ? { session: focusOn(moved.session, fieldId(action.field!)), effects: moved.effects } : moved;
    }
    case 'history':
      // Retour ou avance du navigateur : l'adresse a déjà changé. Sur la question de reprise, rien ne bouge : quitter
      // cet écran sans répondre mettrait un formulaire vide à la place du brouillon enregistré, que l'autosave écraserait.
      if (s.screen.kind === 'loading' || s.screen.kind === 'resume') return same(s);
      return navigate(s, isStepId(action.step) ? action.step : 'contrat', 'none');
    case 'import':
      return onImport(s, action.text, action.size, ctx, action.link);
    case 'link-error':
      return linkError(s, action.message);
    case 'confirm-replace':
      return s.screen.kind === 'replace' ? replaceDraft(s, s.screen.pending, ctx, true) : same(s);
    case 'cancel-replace': {
      if (s.screen.kind !== 'replace') return same(s);
      // Un lien annulé l'est comme un fichier importé : « Import annulé », après « Brouillon importé » s'il est confirmé.
      const message = s.screen.pending.source === 'calculateur' ? msg(ctx).calculatorCancelled : msg(ctx).importCancelled;
      const back = navigate({ ...s, dirty: true, toolMessage: message }, s.step, 'replace');
      return { session: announce(back.session, message), effects: back.effects };
    }
    case 'undo-replace': {
      if (!s.replaced) return same(s);
      const { snapshot } = s.replaced;
      // Un échange : le brouillon quitté devient à son tour la copie. Il a pu être complété depuis l'import (la copie
      // reste proposée après un rechargement) ; « Annuler » ne perd donc rien.
      const current = snapshotOf(s, ctx.now);
      // Un brouillon vide, ou identique à celui rétabli, n'est pas gardé : il n'y aurait rien à y revenir.
      const worthKeeping = !isPristine(current.answers, ctx) && !sameAnswers(current.answers, snapshot.answers);
      const back = { ...s, answers: snapshot.answers, replaced: worthKeeping ? { snapshot: current } : null, dirty: true, toolMessage: msg(ctx).restored };
      const moved = navigate(back, snapshot.step ?? 'contrat', 'push');
      const copy: Effect = worthKeeping
        ? { type: 'store', key: REPLACED_KEY, value: serializeDraft(current.answers, current.step, ctx.now) }
        : { type: 'unstore', key: REPLACED_KEY };
      return { session: announce(moved.session, msg(ctx).restored), effects: [copy, ...moved.effects] };
    }
    case 'resume': {
      if (s.screen.kind !== 'resume') return same(s);
      const { draft } = s.screen;
      return navigate({ ...s, answers: draft.answers, dirty: true }, draft.step ?? 'contrat', 'push');
    }
    case 'start-new': {
      if (s.screen.kind !== 'resume') return same(s);
      // Le brouillon proposé est remplacé par un neuf : il est gardé, comme pour un import.
      const old = { ...s, answers: s.screen.draft.answers, step: s.screen.draft.step ?? 'contrat' };
      const pending: PendingReplace = { source: 'nouveau', incoming: { answers: freshAnswers(ctx), step: 'contrat', savedAt: null }, note: '' };
      const replaced = replaceDraft(old, pending, ctx, !isPristine(old.answers, ctx));
      return { session: { ...replaced.session, dirty: false, shownErrors: [] }, effects: [{ type: 'unstore', key: DRAFT_KEY }, ...replaced.effects] };
    }
    case 'restart':
      return same(focusOn({ ...s, screen: { kind: 'resume', draft: snapshotOf(s, ctx.now) } }, 'wz-step-title'));
    case 'focus-field':
      return same(focusOn(s, fieldId(action.field)));
    case 'dismiss-replaced':
      return { session: { ...s, replaced: null }, effects: [{ type: 'unstore', key: REPLACED_KEY }] };
    case 'close-banner':
      return { session: { ...s, banner: null }, effects: [{ type: 'unstore', key: BACKUP_KEY }] };
    case 'forget-profile':
      return { session: announce({ ...s, hasProfile: false }, msg(ctx).profileForgotten), effects: [{ type: 'unstore', key: PROFILE_KEY }] };
    case 'exported':
      return same(announce(s, msg(ctx).exported));
    case 'download-blocked': {
      const message = action.count === 1 ? 'Une réponse manque avant de télécharger le document.' : `${action.count} réponses manquent avant de télécharger le document.`;
      return same(focusOn(announce({ ...s, download: { status: 'error', message } }, message), 'wz-download-blockers'));
    }
    case 'download-started':
      return same({ ...s, download: { status: 'working', message: msg(ctx).preparing } });
    case 'download-done': {
      const n = action.pieces;
      return same({ ...s, download: { status: 'done', message: `Le fichier ${action.fileName} est téléchargé (${n} pièce${n > 1 ? 's' : ''}).` } });
    }
    case 'download-failed':
      return same({ ...s, download: { status: 'error', message: action.message } });
  }
}

// --- Lectures pour l'affichage ---------------------------------------------------------------------------

/** Le brouillon à enregistrer dans le navigateur maintenant, ou `null` (rien saisi, ou une question est posée). */
export function draftToSave(s: Session, now: Date): string | null {
  if (!s.dirty || s.screen.kind !== 'form') return null;
  return serializeDraft(s.answers, s.step, now);
}

/** Le message d'une erreur montrée pour un champ (chemin des réponses), sinon `undefined`. */
export const shownError = (s: Session, path: string) => s.shownErrors.find((e) => e.field === path)?.message;

export interface StepEntry {
  id: StepId;
  number: number;
  title: string;
  state: 'done' | 'current' | 'todo' | 'skipped';
}

/**
 * La liste de progression : toutes les étapes, toujours numérotées de la même façon ; celles que les réponses
 * rendent sans objet sont signalées comme telles plutôt que retirées, pour que le compte ne change pas.
 */
export function stepList(s: Session): StepEntry[] {
  const visible = visibleSteps(s.answers);
  const current = STEP_IDS.indexOf(s.step);
  return STEP_IDS.map((id, i) => ({
    id,
    number: i + 1,
    title: stepShortTitle(id),
    state: !visible.includes(id) ? 'skipped' : id === s.step ? 'current' : i < current ? 'done' : 'todo',
  }));
}

export type DownloadPlan =
  | { kind: 'blocked'; blockers: DownloadBlocker[] }
  | { kind: 'ready'; documents: RenderedDocument[]; fileName: string; title: string; subject: string };

/**
 * Ce que produit le clic sur « Télécharger » : la liste de ce qui manque encore (chaque élément avec son étape),
 * sinon les documents rendus, sans aucun repère à compléter, le nom du fichier et ses propriétés (la construction
 * du fichier Word reste à l'îlot, qui charge la bibliothèque `docx` à ce moment-là).
 */
export function downloadPlan(answers: Answers, catalog: WizardCatalog, now: Date): DownloadPlan {
  const blockers = downloadBlockers(answers, catalog);
  if (blockers.length) return { kind: 'blocked', blockers };
  const result = documentsFor(answers, catalog);
  if (!result.ok) return { kind: 'blocked', blockers: result.errors.map((e) => ({ step: 'recapitulatif', field: '', message: e.message })) };
  return {
    kind: 'ready',
    documents: result.documents,
    fileName: docxFileName(answers.contract.subject, now),
    title: `Clause sociale d’insertion : ${answers.contract.subject.trim()}`,
    subject: 'Pièces de la clause sociale d’insertion préparées avec l’assistant du recueil',
  };
}

/** Les pièces que chaque étape remplit, dans l'ordre de préférence : l'aperçu s'ouvre sur la première présente. */
const STEP_PIECES: Record<StepId, string[]> = {
  contrat: ['avis-rc-clause', 'ccap-condition-execution', 'justification-derogation'],
  lots: ['avis-rc-clause', 'ccap-condition-execution', 'reserve-siae', 'reserve-ea-esat'],
  obligation: ['ccap-condition-execution', 'justification-derogation'],
  leviers: ['avis-rc-clause', 'ccap-condition-emploi', 'reserve-siae', 'reserve-ea-esat', 'rc-critere-insertion'],
  calibrage: ['note-calibrage', 'ccap-condition-execution'],
  execution: ['ccap-condition-execution', 'engagement-entreprise'],
  emploi: ['ccap-condition-emploi'],
  critere: ['rc-critere-insertion'],
  derogation: ['justification-derogation'],
  recapitulatif: [],
};

/** La pièce de l'aperçu à montrer d'abord pour cette étape (identifiant de rédaction type), ou `null` s'il n'y en a pas. */
export function previewTarget(step: StepId, pieceIds: string[]): string | null {
  return STEP_PIECES[step].find((id) => pieceIds.includes(id)) ?? pieceIds[0] ?? null;
}

export interface DraftFacts {
  label: string;
  value: string;
}

/** Ce qui distingue un brouillon d'un autre, pour que l'utilisateur sache ce qui remplace quoi. */
export function draftFacts(d: DraftSnapshot): DraftFacts[] {
  const a = d.answers;
  const amount = parseNumber(a.contract.amount);
  const lots = a.lots.map((l) => [l.number.trim(), l.name.trim()].filter(Boolean).join(' : ')).filter(Boolean);
  const saved = d.savedAt ? new Date(d.savedAt) : null;
  const facts: DraftFacts[] = [
    { label: 'Objet', value: a.contract.subject.trim() || 'non renseigné' },
    { label: 'Acheteur', value: a.contract.buyerName.trim() || 'non renseigné' },
    { label: 'Montant estimé', value: amount !== null ? `${formatEuros(amount)}\u00a0HT` : a.contract.amount.trim() || 'non renseigné' },
    a.contract.allotted
      ? { label: a.lots.length > 1 ? `${a.lots.length} lots` : '1 lot', value: lots.join(' ; ') || 'sans intitulé' }
      : allotmentFact(false),
  ];
  if (saved && Number.isFinite(saved.getTime())) {
    facts.push({ label: 'Enregistré le', value: saved.toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }) });
  }
  return facts;
}
