/**
 * Les éléments de l'assistant autour des étapes : progression, récapitulatif des erreurs, bandeaux, questions
 * de reprise et de remplacement, outils du brouillon. Ils affichent la session et transmettent des actions.
 */
import { useContext } from 'preact/hooks';
import { fieldId } from '../../lib/wizard/model';
import { ARRIVAL_ID, draftFacts, stepList, type DraftSnapshot } from '../../lib/wizard/session';
import { serializeDraft } from '../../lib/wizard/storage';
import { Wizard } from './context';

const jsonHref = (text: string) => `data:application/json;charset=utf-8,${encodeURIComponent(text)}`;

/** La liste des étapes : toutes, numérotées une fois pour toutes ; celles qui ne s'appliquent pas sont dites « sans objet ». */
export function StepProgress() {
  const { session, act, stepHref } = useContext(Wizard);
  return (
    <nav class="wz-progress" aria-label="Étapes de l’assistant">
      <ol>
        {stepList(session).map((s) => (
          <li key={s.id} class={`is-${s.state}`} aria-current={s.state === 'current' ? 'step' : undefined}>
            <span class="wz-progress__number" aria-hidden="true">
              {s.number}
            </span>
            {s.state === 'done' ? (
              <a
                href={stepHref(s.id)}
                onClick={(e) => {
                  e.preventDefault();
                  act({ type: 'go-to', step: s.id });
                }}
              >
                <span class="sr-only">Étape {s.number} : </span>
                {s.title}
              </a>
            ) : (
              <span>
                <span class="sr-only">Étape {s.number} : </span>
                {s.title}
                {s.state === 'skipped' && ' '}
                {s.state === 'skipped' && <span class="wz-progress__skipped">(sans objet)</span>}
                {s.state === 'current' && <span class="sr-only"> (étape en cours)</span>}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Le récapitulatif des erreurs après un « Continuer » refusé : chaque message mène à son champ. */
export function ErrorSummary() {
  const { session, act } = useContext(Wizard);
  const errors = session.shownErrors;
  if (errors.length === 0) return null;
  return (
    <div id="wz-error-summary" class="wz-error-summary" tabIndex={-1} aria-labelledby="wz-error-summary-title">
      <h3 id="wz-error-summary-title">{errors.length === 1 ? 'Une erreur à corriger' : `${errors.length} erreurs à corriger`}</h3>
      <ul>
        {errors.map((e) => (
          <li key={e.field + e.message}>
            <a
              href={`#${fieldId(e.field)}`}
              onClick={(ev) => {
                ev.preventDefault();
                act({ type: 'focus-field', field: e.field });
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Bandeau d'un brouillon enregistré illisible ou converti, avec sa copie téléchargeable. */
export function DraftBanner() {
  const { session, catalog, act } = useContext(Wizard);
  const banner = session.banner;
  const ui = catalog.texts.ui;
  if (!banner) return null;
  return (
    <div class={`wz-banner wz-banner--${banner.kind}`} role="alert">
      <p class="wz-banner__title">{ui.bannerTitles[banner.kind]}</p>
      <p>{banner.message}</p>
      {banner.original && (
        <p>
          {banner.kind === 'invalid' ? ui.invalidNew : ''}
          {ui.keptCopy}
          <a href={jsonHref(banner.original)} download="brouillon-assistant-original.json">
            télécharger la copie
          </a>
          .
        </p>
      )}
      <button type="button" class="wz-button wz-button--link" onClick={() => act({ type: 'close-banner' })}>
        {banner.original ? ui.closeBanner : ui.closeLinkBanner}
      </button>
    </div>
  );
}

function Facts({ title, draft }: { title: string; draft: DraftSnapshot }) {
  return (
    <div class="wz-compare__side">
      <h3>{title}</h3>
      <dl>
        {draftFacts(draft).map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** La reprise d'un brouillon enregistré. */
export function ResumePrompt({ draft, onExport }: { draft: DraftSnapshot; onExport: () => void }) {
  const { catalog, act } = useContext(Wizard);
  const t = catalog.texts.ui.resume;
  return (
    <section class="wz-resume" aria-labelledby="wz-step-title">
      <h2 id="wz-step-title" tabIndex={-1}>
        {t.title}
      </h2>
      <p>{t.intro}</p>
      <div class="wz-compare">
        <Facts title={t.draft} draft={draft} />
      </div>
      <div class="wz-nav">
        <button type="button" class="wz-button wz-button--primary" onClick={() => act({ type: 'resume' })}>
          {t.resume}
        </button>
        <button type="button" class="wz-button wz-button--secondary" onClick={() => act({ type: 'start-new' })}>
          {t.startNew}
        </button>
      </div>
      <p class="wz-hint">
        {t.keep}{' '}
        <button type="button" class="wz-button wz-button--link" onClick={onExport}>
          {t.export}
        </button>
      </p>
    </section>
  );
}

/** Avant de remplacer le brouillon en cours : ce qui remplace quoi, et la confirmation. */
export function ReplacePrompt() {
  const { session, catalog, act } = useContext(Wizard);
  if (session.screen.kind !== 'replace') return null;
  const { pending } = session.screen;
  const t = catalog.texts.ui.replace;
  const current: DraftSnapshot = { answers: session.answers, step: session.step, savedAt: null };
  const from = pending.source === 'calculateur' ? 'calculator' : pending.source === 'lien' ? 'link' : 'import';
  return (
    <section class="wz-resume" aria-labelledby="wz-step-title">
      <h2 id="wz-step-title" tabIndex={-1}>
        {t[`${from}Title`]}
      </h2>
      <p>{t[`${from}Intro`]}</p>
      <div class="wz-compare">
        <Facts title={t.current} draft={current} />
        <Facts title={t[`${from}Incoming`]} draft={pending.incoming} />
      </div>
      {pending.note && <p>{pending.note}</p>}
      <p class="wz-hint">{t.keep}</p>
      <div class="wz-nav">
        <button type="button" class="wz-button wz-button--primary" onClick={() => act({ type: 'confirm-replace' })}>
          {t[`${from}Confirm`]}
        </button>
        <button type="button" class="wz-button wz-button--secondary" onClick={() => act({ type: 'cancel-replace' })}>
          {t.cancel}
        </button>
      </div>
    </section>
  );
}

/** Après un import (fichier ou lien) : ce qu'il a apporté, en haut de l'étape où il mène. */
export function ArrivalNotice() {
  const { session } = useContext(Wizard);
  if (!session.arrival) return null;
  return (
    <div id={ARRIVAL_ID} class="wz-notice wz-arrival">
      <p>{session.arrival}</p>
    </div>
  );
}

/** Après un remplacement : l'ancien brouillon, téléchargeable, et « Annuler » pour le rétablir. */
export function ReplacedNotice() {
  const { session, catalog, act } = useContext(Wizard);
  const replaced = session.replaced;
  if (!replaced) return null;
  const t = catalog.texts.ui.replaced;
  const { snapshot } = replaced;
  const text = serializeDraft(snapshot.answers, snapshot.step, new Date(snapshot.savedAt ?? Date.now()));
  return (
    <div class="wz-notice wz-replaced" role="status">
      <p>
        {t.notice}{' '}
        <a href={jsonHref(text)} download="brouillon-assistant-remplace.json">
          {t.download}
        </a>
      </p>
      <div class="wz-tools__buttons">
        <button type="button" class="wz-button wz-button--secondary" onClick={() => act({ type: 'undo-replace' })}>
          {t.undo}
        </button>
        <button type="button" class="wz-button wz-button--link" onClick={() => act({ type: 'dismiss-replaced' })}>
          {t.close}
        </button>
      </div>
    </div>
  );
}
