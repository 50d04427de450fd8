/**
 * La session de l'assistant sans navigateur : démarrage, navigation validée au seul « Continuer », import et
 * calcul de la fiche C3 qui ne remplacent rien sans confirmation, copie et annulation, focus et annonces.
 */
import { describe, expect, test } from 'vitest';
import { newAnswers, setPath } from '../../src/lib/wizard/model';
import {
  draftFacts,
  draftToSave,
  freshAnswers,
  initialSession,
  previewTarget,
  reduce,
  stepList,
  STEP_COUNT,
  type Action,
  type Context,
  type Effect,
  type Session,
} from '../../src/lib/wizard/session';
import { DRAFT_KEY, exportDraft, PROFILE_KEY, REPLACED_KEY, readDraft, serializeDraft, type ReadResult } from '../../src/lib/wizard/storage';
import { createShareLink, readShareLink } from '../../src/lib/wizard/share-link';
import { catalog, TODAY, worksJourney } from '../support/wizard-fixtures';

const ctx: Context = { catalog, now: TODAY };
const EMPTY: ReadResult = { status: 'empty' };

function run(s: Session, ...actions: Action[]): { session: Session; effects: Effect[] } {
  let session = s;
  const effects: Effect[] = [];
  for (const a of actions) {
    const r = reduce(session, a, ctx);
    session = r.session;
    effects.push(...r.effects);
  }
  return { session, effects };
}

const start = (over: Partial<Extract<Action, { type: 'start' }>> = {}) =>
  run(initialSession(ctx), { type: 'start', stored: EMPTY, urlStep: null, handoff: null, profile: null, today: TODAY, ...over });

const stored = (answers = worksJourney(), step: string | null = 'calibrage') =>
  readDraft(JSON.stringify({ format: 'recueil-assistant', version: 2, savedAt: '2026-11-20T10:00:00.000Z', step, answers }));

const typed = (s: Session, path: string, value: unknown) => run(s, { type: 'set', path, value }).session;

describe('starting the wizard', () => {
  test('before hydration the form is loading (fields disabled), then a fresh draft starts at the first step', () => {
    expect(initialSession(ctx).screen.kind).toBe('loading');
    const { session, effects } = start();
    expect(session.screen.kind).toBe('form');
    expect(session.step).toBe('contrat');
    expect(session.dirty).toBe(false);
    expect(effects).toContainEqual({ type: 'history', mode: 'replace', step: 'contrat' });
  });

  test('a stored draft is offered for resumption, and nothing is saved while the question is asked', () => {
    const { session } = start({ stored: stored() });
    expect(session.screen.kind).toBe('resume');
    expect(draftToSave(session, TODAY)).toBeNull();
    const resumed = run(session, { type: 'resume' }).session;
    expect(resumed.step).toBe('calibrage');
    expect(resumed.answers.contract.subject).toBe('la construction du groupe scolaire des Tilleuls');
    expect(draftToSave(resumed, TODAY)).toContain('Tilleuls');
  });

  test('a reload mid-journey (step in the address) goes straight back to that step with the stored answers', () => {
    const { session } = start({ stored: stored(), urlStep: 'execution' });
    expect(session.screen.kind).toBe('form');
    expect(session.step).toBe('execution');
  });

  test('an unreadable stored draft is set aside with a banner and a fresh draft starts', () => {
    const { session, effects } = start({ stored: readDraft('{"format":"recueil-assistant","version":2,"answers":{') });
    expect(session.banner?.kind).toBe('invalid');
    expect(session.screen.kind).toBe('form');
    expect(effects).toContainEqual({ type: 'unstore', key: DRAFT_KEY });
    expect(effects.some((e) => e.type === 'store' && e.value.startsWith('{"format"'))).toBe(true);
  });

  test('arriving from the C3 calculator with no draft fills a new draft with the calculation', () => {
    const { session } = start({ handoff: { amount: '1 000 000', labourShare: '50', hourlyCost: '30', rate: '10' } });
    expect(session.screen.kind).toBe('form');
    expect(session.answers.lots[0]!.calibration.rate).toBe('10');
    expect(session.dirty).toBe(true);
  });

  test('arriving from the C3 calculator with a draft asks first; cancelling keeps the draft untouched', () => {
    const { session } = start({ stored: stored(), handoff: { amount: '1 000 000', labourShare: '50', hourlyCost: '30', rate: '10' } });
    expect(session.screen.kind).toBe('replace');
    expect(draftToSave(session, TODAY)).toBeNull();
    const kept = run(session, { type: 'cancel-replace' }).session;
    expect(kept.screen.kind).toBe('form');
    expect(kept.answers.contract.subject).toBe('la construction du groupe scolaire des Tilleuls');
    expect(kept.toolMessage).toMatch(/inchangé/);
  });
});

describe('navigation: only « Continuer » validates', () => {
  test('typing never shows an error; « Continuer » on an invalid step shows the summary, focuses it and announces the count', () => {
    let s = start().session;
    s = typed(s, 'contract.amount', '-5');
    expect(s.shownErrors).toEqual([]);
    s = run(s, { type: 'continue' }).session;
    expect(s.step).toBe('contrat');
    expect(s.shownErrors.map((e) => e.field)).toContain('contract.amount');
    expect(s.focus?.id).toBe('wz-error-summary');
    expect(s.live.message).toMatch(/erreurs empêchent de continuer/);
    // Les erreurs montrées ne bougent qu'au « Continuer » suivant : corriger un champ ne déplace rien.
    const fixed = typed(s, 'contract.amount', '900 000');
    expect(fixed.shownErrors).toEqual(s.shownErrors);
  });

  test('a valid step moves on: history pushed, heading focused, step announced with a count that never changes', () => {
    let s = start().session;
    s = { ...s, answers: worksJourney() };
    const r = run(s, { type: 'continue' });
    expect(r.session.step).toBe('lots');
    expect(r.effects).toContainEqual({ type: 'history', mode: 'push', step: 'lots' });
    expect(r.session.focus?.id).toBe('wz-step-title');
    expect(r.session.live.message).toBe(`Étape 2 sur ${STEP_COUNT} : Les lots.`);
  });

  test('the step list always has every step; those the answers rule out are marked skipped, not removed', () => {
    const s = { ...start().session, answers: worksJourney() };
    const list = stepList(s);
    expect(list).toHaveLength(STEP_COUNT);
    expect(list.find((x) => x.id === 'derogation')!.state).toBe('skipped');
    expect(list.find((x) => x.id === 'critere')!.state).toBe('todo');
    const without = stepList({ ...s, answers: setPath(worksJourney(), 'levers.criterion', false) });
    expect(without).toHaveLength(STEP_COUNT);
    expect(without.find((x) => x.id === 'critere')!.state).toBe('skipped');
  });

  test('adding a lot adds exactly one, focuses its name and announces it; removing focuses the add button', () => {
    let s = start().session;
    s = run(s, { type: 'add-lot' }).session;
    expect(s.answers.lots).toHaveLength(2);
    expect(s.focus?.id).toBe('wz-lots-1-name');
    expect(s.live.message).toBe('Lot 2 ajouté.');
    s = run(s, { type: 'add-lot' }).session;
    expect(s.answers.lots).toHaveLength(3);
    s = run(s, { type: 'remove-lot', key: s.answers.lots[1]!.key }).session;
    expect(s.answers.lots.map((l) => l.number)).toEqual(['1', '3']);
    expect(s.focus?.id).toBe('wz-add-lot');
  });

  test('an edit link from the review returns to the review on « Continuer »', () => {
    let s = { ...start().session, answers: worksJourney() };
    s = run(s, { type: 'go-to', step: 'recapitulatif' }).session;
    expect(s.step).toBe('recapitulatif');
    s = run(s, { type: 'go-to', step: 'contrat' }).session;
    expect(s.returnToReview).toBe(true);
    s = run(s, { type: 'continue' }).session;
    expect(s.step).toBe('recapitulatif');
  });

  test('leaving the execution step remembers the facilitator for the next draft', () => {
    let s = { ...start().session, answers: worksJourney() };
    s = run(s, { type: 'go-to', step: 'execution' }).session;
    const r = run(s, { type: 'continue' });
    expect(r.effects.some((e) => e.type === 'store' && e.key === PROFILE_KEY && e.value.includes('Claire Martin'))).toBe(true);
    expect(r.session.hasProfile).toBe(true);
  });
});

describe('importing never replaces a draft without asking', () => {
  const file = exportDraft(setPath(newAnswers(catalog, { today: TODAY }), 'contract.subject', 'la restauration scolaire'), TODAY);

  test('into an untouched draft, an import applies at once (nothing to lose)', () => {
    const s = run(start().session, { type: 'import', text: file, size: file.length }).session;
    expect(s.screen.kind).toBe('form');
    expect(s.answers.contract.subject).toBe('la restauration scolaire');
    expect(s.replaced).toBeNull();
  });

  test('over a draft with answers, it asks; confirming keeps the old draft as a copy that « Annuler » restores', () => {
    let s = typed(start().session, 'contract.subject', 'la rénovation du gymnase');
    s = run(s, { type: 'import', text: file, size: file.length }).session;
    expect(s.screen.kind).toBe('replace');
    expect(s.answers.contract.subject).toBe('la rénovation du gymnase');
    expect(draftToSave(s, TODAY)).toBeNull();
    const confirmed = run(s, { type: 'confirm-replace' });
    expect(confirmed.session.answers.contract.subject).toBe('la restauration scolaire');
    expect(confirmed.session.arrival).toMatch(/Brouillon importé/);
    // Dit en haut de l'étape atteinte, gardé à l'écran avec l'élément focalisé (cette fois seulement), jusqu'à la
    // navigation suivante.
    expect(confirmed.session.focus?.reveal).toBe('wz-arrival');
    const added = run(confirmed.session, { type: 'add-lot' }).session;
    expect(added.arrival).not.toBe('');
    expect(added.focus?.reveal).toBeUndefined();
    expect(run(confirmed.session, { type: 'go-to', step: 'contrat' }).session.arrival).toBe('');
    expect(confirmed.session.live.message).toMatch(/^Brouillon importé\. .*Étape \d sur \d+/);
    const copy = confirmed.effects.find((e): e is Extract<Effect, { type: 'store' }> => e.type === 'store' && e.key === REPLACED_KEY);
    expect(copy?.value).toContain('la rénovation du gymnase');
    const undone = run(confirmed.session, { type: 'undo-replace' });
    expect(undone.session.answers.contract.subject).toBe('la rénovation du gymnase');
    // « Annuler » échange les deux : le brouillon importé (peut-être complété depuis) devient la copie.
    const swapped = undone.effects.find((e): e is Extract<Effect, { type: 'store' }> => e.type === 'store' && e.key === REPLACED_KEY);
    expect(swapped?.value).toContain('la restauration scolaire');
    expect(undone.session.replaced?.snapshot.answers.contract.subject).toBe('la restauration scolaire');
  });

  test('after a reload, the replaced draft is still offered (« Annuler », download) until the message is closed', () => {
    let s = typed(start().session, 'contract.subject', 'la rénovation du gymnase');
    s = run(s, { type: 'import', text: file, size: file.length }).session;
    const confirmed = run(s, { type: 'confirm-replace' });
    const copy = confirmed.effects.find((e): e is Extract<Effect, { type: 'store' }> => e.type === 'store' && e.key === REPLACED_KEY)!;
    const saved = draftToSave(confirmed.session, TODAY)!;
    // Rechargement au récapitulatif : le brouillon importé et la copie de l'ancien sont relus.
    const reloaded = start({ stored: readDraft(saved), replacedCopy: readDraft(copy.value), urlStep: confirmed.session.step });
    expect(reloaded.session.answers.contract.subject).toBe('la restauration scolaire');
    expect(reloaded.session.replaced?.snapshot.answers.contract.subject).toBe('la rénovation du gymnase');
    const undone = run(reloaded.session, { type: 'undo-replace' });
    expect(undone.session.answers.contract.subject).toBe('la rénovation du gymnase');
    // Fermer le message efface la copie ; une copie illisible n'est pas proposée.
    expect(run(reloaded.session, { type: 'dismiss-replaced' }).effects).toContainEqual({ type: 'unstore', key: REPLACED_KEY });
    expect(start({ replacedCopy: readDraft('{"format":"recueil-assistant"') }).session.replaced).toBeNull();
  });

  test('the same file imported twice keeps the first copy; « Annuler » keeps no empty or identical copy', () => {
    let s = typed(start().session, 'contract.subject', 'la rénovation du gymnase');
    s = run(s, { type: 'import', text: file, size: file.length }).session;
    const once = run(s, { type: 'confirm-replace' }).session;
    const twice = run(run(once, { type: 'import', text: file, size: file.length }).session, { type: 'confirm-replace' });
    expect(twice.session.replaced?.snapshot.answers.contract.subject).toBe('la rénovation du gymnase');
    expect(twice.effects.some((e) => e.type === 'store' && e.key === REPLACED_KEY)).toBe(false);
    // Un brouillon neuf remplacé par un import : « Annuler » le rétablit sans garder de copie vide.
    const fresh = run(run(start().session, { type: 'import', text: file, size: file.length }).session, { type: 'confirm-replace' }).session;
    const restored = { ...fresh, replaced: { snapshot: { answers: start().session.answers, step: null, savedAt: null } } };
    const undone = run(restored, { type: 'undo-replace' });
    expect(undone.session.replaced?.snapshot.answers.contract.subject).toBe('la restauration scolaire');
    const back = run(undone.session, { type: 'undo-replace' });
    expect(back.session.replaced).toBeNull();
    expect(back.effects).toContainEqual({ type: 'unstore', key: REPLACED_KEY });
  });

  test('the facts shown to compare two drafts name the lots, or say the contract is not divided into lots', () => {
    const facts = (answers: ReturnType<typeof worksJourney>) => draftFacts({ answers, step: null, savedAt: null });
    expect(facts(worksJourney())).toContainEqual({ label: '3 lots', value: '1 : Gros œuvre ; 2 : Peinture ; 3 : Charpente métallique' });
    const single = setPath(newAnswers(catalog, { today: TODAY }), 'contract.allotted', false);
    expect(facts(single)).toContainEqual({ label: 'Allotissement', value: 'Marché non divisé en lots' });
  });

  test('cancelling the import keeps the draft and says so', () => {
    let s = typed(start().session, 'contract.subject', 'la rénovation du gymnase');
    s = run(s, { type: 'import', text: file, size: file.length }, { type: 'cancel-replace' }).session;
    expect(s.screen.kind).toBe('form');
    expect(s.answers.contract.subject).toBe('la rénovation du gymnase');
    expect(s.toolMessage).toBe('Import annulé : votre brouillon est inchangé.');
  });

  test('a broken, empty or oversize file changes nothing and says why in French', () => {
    const s = typed(start().session, 'contract.subject', 'la rénovation du gymnase');
    for (const [text, size, message] of [
      ['{"format":"autre"}', 18, /n’est pas un brouillon/],
      ['', 0, /vide/],
      ['{}', 3_000_000, /trop volumineux/],
    ] as const) {
      const r = run(s, { type: 'import', text, size }).session;
      expect(r.answers).toBe(s.answers);
      expect(r.screen.kind).toBe('form');
      expect(r.toolMessage).toMatch(message);
    }
  });

  test('starting a new draft from the resume prompt keeps the old one as a restorable copy', () => {
    const { session } = start({ stored: stored() });
    const r = run(session, { type: 'start-new' });
    expect(r.session.answers.contract.subject).toBe('');
    expect(r.session.replaced?.snapshot.answers.contract.subject).toBe('la construction du groupe scolaire des Tilleuls');
    expect(r.effects.some((e) => e.type === 'store' && e.key === REPLACED_KEY)).toBe(true);
    expect(run(r.session, { type: 'undo-replace' }).session.answers.contract.subject).toBe('la construction du groupe scolaire des Tilleuls');
  });
});

describe('a share link follows the path of an imported file', () => {
  const TILLEULS = 'la construction du groupe scolaire des Tilleuls';
  /** Ce que l'îlot transmet à la session pour un lien (share.tsx) : ses réponses, comme un fichier importé. */
  async function linkImport(): Promise<Action> {
    const made = await createShareLink('https://exemple.fr/assistant/', worksJourney(), ['contrat', 'lots', 'calibrage']);
    if (!made.ok) throw new Error(made.message);
    const read = await readShareLink(made.url.slice(made.url.indexOf('#')), freshAnswers(ctx));
    if (read.status !== 'ok') throw new Error(read.message);
    return { type: 'import', text: read.draft, size: read.draft.length, link: read.note };
  }

  test('into an untouched draft, the link applies at once and leads to the first step to complete', async () => {
    const { session } = run(start().session, await linkImport());
    expect(session.screen.kind).toBe('form');
    expect(session.answers.contract.subject).toBe(TILLEULS);
    expect(session.answers.lots).toHaveLength(3);
    expect(session.replaced).toBeNull();
    expect(session.arrival).toMatch(/^Brouillon importé\. Ce lien apporte : le marché, l’obligation et les leviers retenus ; les lots/);
    // Les conditions d'exécution ne sont pas partagées : la pénalité reste à remplir chez le destinataire.
    expect(session.step).toBe('execution');
    expect(draftToSave(session, TODAY)).toContain('Tilleuls');
  });

  test('on the resume prompt, a browser Back/Forward (or a pasted link) does not swap the stored draft for an empty form', async () => {
    const offered = start({ stored: readDraft(serializeDraft(setPath(worksJourney(), 'contract.subject', 'la rénovation du gymnase'), 'lots', TODAY)) }).session;
    const after = run(offered, { type: 'history', step: null }).session;
    expect(after.screen.kind).toBe('resume');
    expect(draftToSave(after, TODAY)).toBeNull();
    // Puis le lien arrive : la question compare avec le brouillon enregistré, jamais avec un formulaire vide.
    const { session } = run(after, await linkImport());
    expect(session.screen.kind).toBe('replace');
    expect(session.answers.contract.subject).toBe('la rénovation du gymnase');
    const cancelled = run(session, { type: 'cancel-replace' }).session;
    expect(draftToSave(cancelled, TODAY)).toContain('la rénovation du gymnase');
  });

  test('over a draft with answers offered for resumption, it asks first, showing the draft it would replace', async () => {
    const offered = start({ stored: readDraft(serializeDraft(setPath(worksJourney(), 'contract.subject', 'la rénovation du gymnase'), 'lots', TODAY)) }).session;
    expect(offered.screen.kind).toBe('resume');
    const { session } = run(offered, await linkImport());
    expect(session.screen.kind).toBe('replace');
    if (session.screen.kind !== 'replace') return;
    // Le brouillon en place est celui qui était proposé à la reprise, pas un brouillon vierge.
    expect(session.answers.contract.subject).toBe('la rénovation du gymnase');
    expect(session.screen.pending.source).toBe('lien');
    expect(session.screen.pending.incoming.answers.contract.subject).toBe(TILLEULS);
    expect(session.screen.pending.note).toMatch(/^Ce lien apporte : le marché/);
    expect(draftToSave(session, TODAY)).toBeNull();
    const confirmed = run(session, { type: 'confirm-replace' });
    expect(confirmed.session.answers.contract.subject).toBe(TILLEULS);
    const copy = confirmed.effects.find((e): e is Extract<Effect, { type: 'store' }> => e.type === 'store' && e.key === REPLACED_KEY);
    expect(copy?.value).toContain('la rénovation du gymnase');
    const cancelled = run(session, { type: 'cancel-replace' }).session;
    expect(cancelled.screen.kind).toBe('form');
    expect(cancelled.step).toBe('lots');
    expect(cancelled.answers.contract.subject).toBe('la rénovation du gymnase');
    expect(cancelled.toolMessage).toBe('Import annulé : votre brouillon est inchangé.');
  });

  test('a stored draft that is still untouched is simply replaced', async () => {
    const offered = start({ stored: readDraft(serializeDraft(newAnswers(catalog, { today: TODAY }), null, TODAY)) }).session;
    const { session } = run(offered, await linkImport());
    expect(session.screen.kind).toBe('form');
    expect(session.answers.contract.subject).toBe(TILLEULS);
  });

  test('answers that do not check are refused with the link’s own wording, in a banner, and nothing changes', () => {
    const s = typed(start().session, 'contract.subject', 'la rénovation du gymnase');
    const bad = JSON.stringify({ format: 'recueil-assistant', version: 5, step: null, answers: { ...worksJourney(), contract: { ...worksJourney().contract, kind: 'bogus' } } });
    const { session, effects } = run(s, { type: 'import', text: bad, size: bad.length, link: 'Ce lien apporte : le marché.' });
    expect(session.answers).toBe(s.answers);
    expect(session.screen.kind).toBe('form');
    expect(session.banner?.kind).toBe('link');
    expect(session.banner?.message).toMatch(/^Le lien de partage n’a pas pu être lu : certaines réponses sont manquantes ou abîmées \(Type de marché : valeur inconnue/);
    expect(session.live.message).toBe(session.banner?.message);
    expect(effects).toEqual([]);
  });

  test('an unreadable link changes nothing: its message is shown in a banner and announced', () => {
    const message = 'Le lien de partage n’a pas pu être lu : il est incomplet ou abîmé.';
    const s = typed(start().session, 'contract.subject', 'la rénovation du gymnase');
    const { session, effects } = run(s, { type: 'link-error', message });
    expect(session.answers).toBe(s.answers);
    expect(session.banner).toEqual({ kind: 'link', message, original: '' });
    expect(session.live.message).toBe(message);
    expect(effects).toEqual([]);
    // Le bandeau d'un brouillon enregistré illisible, qui porte la copie à télécharger, garde sa place.
    const unreadable = start({ stored: readDraft('{"format":"recueil-assistant","version":5,"answers":{') }).session;
    const kept = run(unreadable, { type: 'link-error', message }).session;
    expect(kept.banner?.kind).toBe('invalid');
    // … et le message du lien reste visible, dans les outils du brouillon, pas seulement annoncé.
    expect(kept.toolMessage).toBe(message);
  });
});

describe('text hygiene and preview', () => {
  test('control and bidi override characters typed in a text answer never reach the answers', () => {
    const s = typed(start().session, 'contract.subject', 'la voirie\u0007 de Val-Sud');
    expect(s.answers.contract.subject).toBe('la voirie de Val-Sud');
    expect(typed(s, 'lots.0.name', 'Ville \u202Ecentrale\u2066').answers.lots[0]!.name).toBe('Ville centrale');
  });

  test('the preview opens on the piece the current step fills, else the first piece', () => {
    const ids = ['avis-rc-clause', 'ccap-condition-execution', 'rc-critere-insertion', 'note-calibrage'];
    expect(previewTarget('execution', ids)).toBe('ccap-condition-execution');
    expect(previewTarget('critere', ids)).toBe('rc-critere-insertion');
    expect(previewTarget('calibrage', ids)).toBe('note-calibrage');
    expect(previewTarget('derogation', ids)).toBe('avis-rc-clause');
    expect(previewTarget('recapitulatif', [])).toBeNull();
  });

  test('an autosaved draft reads back as the same answers and step', () => {
    const s = run({ ...start().session, answers: worksJourney(), dirty: true }, { type: 'go-to', step: 'lots' }).session;
    const text = draftToSave(s, TODAY)!;
    const back = readDraft(text);
    expect(back.status).toBe('ok');
    if (back.status === 'ok') {
      expect(back.answers).toEqual(s.answers);
      expect(back.step).toBe('lots');
    }
    expect(text).toBe(serializeDraft(s.answers, 'lots', TODAY));
  });
});
