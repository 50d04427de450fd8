/**
 * Les éléments de l'assistant autour des étapes : progression, récapitulatif des erreurs, bandeaux, questions
 * de reprise et de remplacement, outils du brouillon. Ils affichent la session et transmettent des actions.
 */
import { useContext } from 'preact/hooks';
import { fieldId } from '../../lib/wizard/model';
import { draftFacts, stepList, type DraftSnapshot } from '../../lib/wizard/session';
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
      <p class="wz-banner__title">{banner.kind === 'invalid' ? 'Brouillon illisible' : 'Brouillon converti'}</p>
      <p>{banner.message}</p>
      <p>
        {banner.kind === 'invalid' ? ui.invalidNew : ''}
        {ui.keptCopy}
        <a href={jsonHref(banner.original)} download="brouillon-assistant-original.json">
          télécharger la copie
        </a>
        .
      </p>
      <button type="button" class="wz-button wz-button--link" onClick={() => act({ type: 'close-banner' })}>
        {ui.closeBanner}
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
  const { catalog, act, session } = useContext(Wizard);
  return (
    <section class="wz-resume" aria-labelledby="wz-step-title">
      <h2 id="wz-step-title" tabIndex={-1}>
        Reprendre votre brouillon ?
      </h2>
      <p>Un brouillon est enregistré dans ce navigateur :</p>
      <div class="wz-compare">
        <Facts title="Brouillon enregistré" draft={draft} />
      </div>
      {session.screen.kind === 'resume' && session.screen.fromCalculator && <p>{catalog.texts.ui.resumeFromCalculator}</p>}
      <div class="wz-nav">
        <button type="button" class="wz-button wz-button--primary" onClick={() => act({ type: 'resume' })}>
          Reprendre le brouillon
        </button>
        <button type="button" class="wz-button wz-button--secondary" onClick={() => act({ type: 'start-new' })}>
          Commencer un nouveau brouillon
        </button>
      </div>
      <p class="wz-hint">
        {catalog.texts.ui.resumeReplace}{' '}
        <button type="button" class="wz-button wz-button--link" onClick={onExport}>
          Exporter ce brouillon (.json)
        </button>
      </p>
    </section>
  );
}

/** Avant de remplacer le brouillon en cours : ce qui remplace quoi, et la confirmation. */
export function ReplacePrompt() {
  const { session, act } = useContext(Wizard);
  if (session.screen.kind !== 'replace') return null;
  const { pending } = session.screen;
  const current: DraftSnapshot = { answers: session.answers, step: session.step, savedAt: null };
  const fromCalculator = pending.source === 'calculateur';
  return (
    <section class="wz-resume" aria-labelledby="wz-step-title">
      <h2 id="wz-step-title" tabIndex={-1}>
        {fromCalculator ? 'Reprendre le calcul de la fiche C3 dans un nouveau brouillon ?' : 'Remplacer le brouillon en cours par le fichier importé ?'}
      </h2>
      <p>
        {fromCalculator
          ? 'Un brouillon est déjà enregistré dans ce navigateur. Le calcul de la fiche C3 peut ouvrir un nouveau brouillon à sa place :'
          : 'Le fichier importé remplacerait le brouillon en cours :'}
      </p>
      <div class="wz-compare">
        <Facts title="Brouillon en cours" draft={current} />
        <Facts title={fromCalculator ? 'Nouveau brouillon avec le calcul' : 'Brouillon importé'} draft={pending.incoming} />
      </div>
      {pending.note && <p>{pending.note}</p>}
      <p class="wz-hint">Le brouillon en cours sera gardé dans ce navigateur : vous pourrez le télécharger ou le rétablir.</p>
      <div class="wz-nav">
        <button type="button" class="wz-button wz-button--primary" onClick={() => act({ type: 'confirm-replace' })}>
          {fromCalculator ? 'Ouvrir un nouveau brouillon avec le calcul' : 'Remplacer le brouillon'}
        </button>
        <button type="button" class="wz-button wz-button--secondary" onClick={() => act({ type: 'cancel-replace' })}>
          Annuler et garder mon brouillon
        </button>
      </div>
    </section>
  );
}

/** Après un remplacement : l'ancien brouillon, téléchargeable, et « Annuler » pour le rétablir. */
export function ReplacedNotice() {
  const { session, act } = useContext(Wizard);
  const replaced = session.replaced;
  if (!replaced) return null;
  const { snapshot } = replaced;
  const subject = snapshot.answers.contract.subject.trim();
  const text = serializeDraft(snapshot.answers, snapshot.step, new Date(snapshot.savedAt ?? Date.now()));
  return (
    <div class="wz-notice wz-replaced" role="status">
      <p>
        Le brouillon précédent{subject ? ` (« ${subject} »)` : ''} a été remplacé ; une copie est gardée.{' '}
        <a href={jsonHref(text)} download="brouillon-assistant-remplace.json">
          Télécharger l’ancien brouillon
        </a>
      </p>
      <div class="wz-tools__buttons">
        <button type="button" class="wz-button wz-button--secondary" onClick={() => act({ type: 'undo-replace' })}>
          Annuler : rétablir l’ancien brouillon
        </button>
        <button type="button" class="wz-button wz-button--link" onClick={() => act({ type: 'dismiss-replaced' })}>
          Fermer ce message
        </button>
      </div>
    </div>
  );
}
