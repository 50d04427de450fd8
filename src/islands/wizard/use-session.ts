/**
 * Le lien entre la session pure (src/lib/wizard/session.ts) et le navigateur : lecture de l'adresse et du
 * stockage au démarrage, exécution des effets (historique, stockage), enregistrement automatique, focus.
 * Aucune règle ici : chaque décision est prise par `reduce`.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { readHandoff, withoutHandoff } from '../../lib/wizard/handoff';
import type { WizardCatalog } from '../../lib/wizard/model';
import { draftToSave, freshAnswers, initialSession, reduce, type Action, type Context, type Effect, type Session } from '../../lib/wizard/session';
import { DRAFT_KEY, PROFILE_KEY, REPLACED_KEY, readDraft, readProfile, safeStore } from '../../lib/wizard/storage';
import type { StepId } from '../../lib/wizard/steps';

/** Début du fragment d'un lien de partage : `SHARE_HASH` de share-link.ts, recopié pour ne charger ce module que s'il sert. */
export const SHARE_HASH = '#partage=';

function stepUrl(step: StepId | null): string {
  const url = withoutHandoff(new URL(window.location.href));
  if (step) url.searchParams.set('etape', step);
  else url.searchParams.delete('etape');
  return url.pathname + url.search;
}

/** Met le focus sur un élément (le premier contrôle d'un champ groupé) et le montre. */
function focusElement(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  const target = el.matches('input, textarea, select, button, [tabindex]') ? el : (el.querySelector<HTMLElement>('input, textarea, select') ?? el);
  target.focus();
  // Un champ : le montrer avec son libellé et son message ; un titre ou le récapitulatif : le focus suffit.
  const field = el.closest('.wz-field, .wz-fieldset, .wz-choice');
  if (field) field.scrollIntoView({ block: 'center' });
}

export function useSession(catalog: WizardCatalog) {
  const store = useMemo(() => safeStore(() => (typeof window === 'undefined' ? null : window.localStorage)), []);
  const context = (): Context => ({ catalog, now: new Date(), profile: readProfile(store.read(PROFILE_KEY)) });
  const [session, setSession] = useState<Session>(() => initialSession({ catalog, now: new Date() }));
  const current = useRef(session);

  function run(effect: Effect) {
    switch (effect.type) {
      case 'history':
        if (effect.mode === 'push') history.pushState({ etape: effect.step }, '', stepUrl(effect.step));
        else history.replaceState({ etape: effect.step }, '', stepUrl(effect.step));
        break;
      case 'store':
        store.write(effect.key, effect.value);
        break;
      case 'unstore':
        store.remove(effect.key);
        break;
    }
  }

  function dispatch(action: Action) {
    const { session: next, effects } = reduce(current.current, action, context());
    current.current = next;
    setSession(next);
    effects.forEach(run);
  }

  /** Le module du partage (share.tsx), chargé à la demande ; rien s'il n'a pas pu l'être (le message est montré). */
  const loadShare = () => import('./share').catch(() => dispatch({ type: 'link-error', message: catalog.texts.ui.share.loadFailed }));

  /**
   * Un lien de partage, à l'ouverture de la page ou collé dans l'onglet déjà ouvert : seul le fragment change alors,
   * sans rechargement, et le navigateur le signale par `popstate` (avant `hashchange`).
   */
  const openLink = (hash: string) => hash.startsWith(SHARE_HASH) && loadShare().then((m) => m?.openLink(hash, freshAnswers(context()), dispatch));

  // Démarrage, une fois hydraté : brouillon enregistré (et celui remplacé en dernier), étape de l'adresse, calcul venu de la fiche C3, lien de partage.
  useEffect(() => {
    const url = new URL(window.location.href);
    dispatch({
      type: 'start',
      stored: readDraft(store.read(DRAFT_KEY)),
      replacedCopy: readDraft(store.read(REPLACED_KEY)),
      urlStep: url.searchParams.get('etape'),
      handoff: readHandoff(url.search),
      profile: readProfile(store.read(PROFILE_KEY)),
      today: new Date(),
    });
    void openLink(url.hash);
    const onPop = () => {
      // Un lien collé ne change que le fragment : ce n'est pas une navigation entre étapes (et, sur la question de
      // reprise, elle remplacerait le brouillon enregistré par un formulaire vide avant la confirmation).
      if (location.hash.startsWith(SHARE_HASH)) void openLink(location.hash);
      else dispatch({ type: 'history', step: new URL(window.location.href).searchParams.get('etape') });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // Enregistrement automatique dans le navigateur, dans le rendu même (effet de mise en page, pas après l'affichage) :
  // ce que l'écran montre est déjà enregistré, même si la page est quittée aussitôt.
  const [saved, setSaved] = useState<{ at: Date | null; failed: boolean }>({ at: null, failed: false });
  useLayoutEffect(() => {
    const now = new Date();
    const text = draftToSave(session, now);
    if (text === null) return;
    const ok = store.write(DRAFT_KEY, text);
    setSaved(ok ? { at: now, failed: false } : { at: null, failed: true });
  }, [session.answers, session.step, session.dirty, session.screen.kind]);

  // Focus demandé par la session, après le rendu.
  useEffect(() => {
    if (!session.focus) return;
    focusElement(session.focus.id);
    if (session.focus.reveal) document.getElementById(session.focus.reveal)?.scrollIntoView({ block: 'start' });
  }, [session.focus?.n]);

  return { session, dispatch, saved, loadShare };
}
