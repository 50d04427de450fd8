/**
 * L'assistant de rédaction d'une clause sociale (îlot Preact). Composant mince : la session (démarrage, navigation,
 * validation, remplacement du brouillon…) est dans src/lib/wizard/session.ts, les règles dans src/lib/wizard/ ;
 * ici, l'affichage et ce qui ne peut se faire que dans le navigateur : fichiers (export, import, Word, avec la
 * bibliothèque `docx` chargée seulement au clic) et largeur d'écran pour placer l'aperçu.
 */
import type { ComponentType, JSX } from 'preact';
import type { SharePanelProps } from './share';
import { useEffect, useState } from 'preact/hooks';
import { getPath, type WizardCatalog } from '../../lib/wizard/model';
import { downloadPlan, MAX_IMPORT_BYTES, shownError, STEP_COUNT, stepNumber, type Session } from '../../lib/wizard/session';
import { exportDraft } from '../../lib/wizard/storage';
import { previousStep, stepTitle, stepWarnings, type StepId } from '../../lib/wizard/steps';
import { answersFileName } from '../../lib/wizard/filename';
import { Fields, type FieldApi } from './fields';
import { Wizard as WizardContext, type WizardApi } from './context';
import { useSession } from './use-session';
import { ArrivalNotice, DraftBanner, ErrorSummary, ReplacedNotice, ReplacePrompt, ResumePrompt, StepProgress } from './chrome';
import { PreviewAside, PreviewButton, PreviewDialog } from './preview-panel';
import { ContractStep, LeversStep, LotsStep, ObligationStep } from './steps-start';
import { CalibrationStep, EmploymentStep, ExecutionStep } from './steps-end';
import { CriterionStep, DerogationStep, ReviewStep } from './steps-final';
import '../../styles/wizard.css';

interface Props {
  catalog: WizardCatalog;
  /** Base du site (import.meta.env.BASE_URL). */
  base: string;
}

/**
 * À partir de cette largeur, l'aperçu est à côté du formulaire ; en dessous, il s'ouvre dans un panneau. La feuille de
 * style (wizard.css, `.wz-layout`) réserve sa colonne au même seuil dès le rendu du serveur.
 */
const WIDE = '(min-width: 64rem)';
const time = (d: Date) => d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });

function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function useWide(): boolean {
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia(WIDE);
    const update = () => setWide(mq.matches);
    update();
    mq.addEventListener('change', update);
    return () => mq.removeEventListener('change', update);
  }, []);
  return wide;
}

const STEP_BODIES: Record<StepId, (props: { onDownload: () => void }) => JSX.Element> = {
  contrat: () => <ContractStep />,
  lots: () => <LotsStep />,
  obligation: () => <ObligationStep />,
  leviers: () => <LeversStep />,
  calibrage: () => <CalibrationStep />,
  execution: () => <ExecutionStep />,
  emploi: () => <EmploymentStep />,
  critere: () => <CriterionStep />,
  derogation: () => <DerogationStep />,
  recapitulatif: ({ onDownload }) => <ReviewStep onDownload={onDownload} />,
};

export default function WizardApp({ catalog, base }: Props) {
  const { session, dispatch, saved, loadShare } = useSession(catalog);
  const wide = useWide();
  // L'aperçu : sur grand écran, le bouton y porte le focus ; sur petit écran, il ouvre le panneau.
  const [previewOpen, setPreviewOpen] = useState(false);
  const [previewFocus, setPreviewFocus] = useState(0);
  const openPreview = () => (wide ? setPreviewFocus((n) => n + 1) : setPreviewOpen(true));
  const { answers, step, screen } = session;
  const ui = catalog.texts.ui;
  // Le panneau « Partager un lien pré-rempli » et son module ne sont chargés qu'à son ouverture.
  const [SharePanel, setSharePanel] = useState<ComponentType<SharePanelProps> | null>(null);
  const toggleShare = () => (SharePanel ? setSharePanel(null) : loadShare().then((m) => m && setSharePanel(() => m.SharePanel)));
  const loading = screen.kind === 'loading';

  const fieldApi: FieldApi = {
    get: (path) => getPath(answers, path),
    set: (path, value) => dispatch({ type: 'set', path, value }),
    error: (path) => shownError(session, path),
  };
  const api: WizardApi = { session, answers, catalog, base, act: dispatch, stepHref: (s) => `?etape=${s}` };

  function onExport(s: Session = session) {
    const now = new Date();
    const draft = s.screen.kind === 'resume' ? s.screen.draft.answers : s.answers;
    saveFile(new Blob([exportDraft(draft, now)], { type: 'application/json' }), answersFileName(draft.contract.subject, now));
    dispatch({ type: 'exported' });
  }

  async function onImport(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    const text = file.size > MAX_IMPORT_BYTES ? '' : await file.text();
    input.value = '';
    dispatch({ type: 'import', text, size: file.size });
  }

  async function onDownload() {
    const now = new Date();
    const plan = downloadPlan(answers, catalog, now);
    if (plan.kind === 'blocked') {
      dispatch({ type: 'download-blocked', count: plan.blockers.length });
      return;
    }
    dispatch({ type: 'download-started' });
    try {
      // La bibliothèque `docx` et l'adaptateur Word ne sont chargés qu'ici, au clic.
      const { buildDocx, docxBlob } = await import('../../lib/redactions/adapters/docx');
      const doc = buildDocx(plan.documents, { title: plan.title, subject: plan.subject, generatedAt: now, referenceLabels: catalog.referenceLabels });
      saveFile(await docxBlob(doc), plan.fileName);
      dispatch({ type: 'download-done', fileName: plan.fileName, pieces: plan.documents.length });
    } catch {
      dispatch({ type: 'download-failed', message: ui.downloadFailed });
    }
  }

  const warnings = stepWarnings(answers, step);
  const previous = previousStep(answers, step);
  const Body = STEP_BODIES[step];

  return (
    <WizardContext.Provider value={api}>
      <Fields.Provider value={fieldApi}>
        <div class="wz not-content">
          <p class="sr-only" role="status" aria-live="polite">
            {session.live.message}
            {session.live.n % 2 ? '\u00a0' : ''}
          </p>
          <DraftBanner />
          {screen.kind === 'resume' ? (
            <ResumePrompt draft={screen.draft} onExport={() => onExport()} />
          ) : screen.kind === 'replace' ? (
            <ReplacePrompt />
          ) : (
            <div class="wz-layout">
              <div class="wz-main">
                <ArrivalNotice />
                <ReplacedNotice />
                <StepProgress />
                <form
                  class="wz-form"
                  noValidate
                  aria-labelledby="wz-step-title"
                  aria-busy={loading ? 'true' : undefined}
                  onSubmit={(e) => {
                    e.preventDefault();
                    dispatch({ type: 'continue' });
                  }}
                >
                  <div class="wz-form__head">
                    <h2 id="wz-step-title" tabIndex={-1}>
                      <span class="wz-step-count">
                        Étape {stepNumber(step)} sur {STEP_COUNT}
                        <span class="sr-only"> : </span>
                      </span>
                      {stepTitle(step)}
                    </h2>
                    <PreviewButton wide={wide} onOpen={openPreview} />
                  </div>
                  {loading && (
                    <p class="wz-loading" role="status">
                      {ui.loading}
                    </p>
                  )}
                  {/* Avant l'hydratation, les champs sont inactifs : rien de ce qui serait tapé ne peut se perdre. */}
                  <fieldset class="wz-form__body" disabled={loading}>
                    <ErrorSummary />
                    {warnings.length > 0 && (
                      <div class="wz-notice" role="note" aria-label="Points d’attention">
                        <ul>
                          {warnings.map((w) => (
                            <li key={w}>{w}</li>
                          ))}
                        </ul>
                      </div>
                    )}
                    <Body onDownload={() => void onDownload()} />
                    <div class="wz-nav">
                      {step !== 'recapitulatif' && (
                        <button type="submit" class="wz-button wz-button--primary">
                          {session.returnToReview ? 'Revenir au récapitulatif' : 'Continuer'}
                        </button>
                      )}
                      {previous && (
                        <button type="button" class="wz-button wz-button--secondary" onClick={() => dispatch({ type: 'back' })}>
                          Étape précédente
                        </button>
                      )}
                    </div>
                  </fieldset>
                </form>
                <div class="wz-tools">
                  <p class="wz-saved">{saved.failed ? ui.saveFailed : saved.at ? `Brouillon enregistré dans ce navigateur à ${time(saved.at)}.` : ui.saveLater}</p>
                  <div class="wz-tools__buttons">
                    <button type="button" class="wz-button wz-button--secondary" disabled={loading} onClick={() => onExport()}>
                      Exporter les réponses (.json)
                    </button>
                    <label class={`wz-button wz-button--secondary wz-file${loading ? ' is-disabled' : ''}`}>
                      Importer des réponses (.json)
                      <input type="file" accept=".json,application/json" class="sr-only" disabled={loading} onChange={(e) => void onImport(e.currentTarget)} />
                    </label>
                    <button type="button" class="wz-button wz-button--secondary" disabled={loading} aria-expanded={!!SharePanel} onClick={() => void toggleShare()}>
                      {ui.share.open}
                    </button>
                    <button type="button" class="wz-button wz-button--link" disabled={loading} onClick={() => dispatch({ type: 'restart' })}>
                      Recommencer
                    </button>
                  </div>
                  {SharePanel && <SharePanel id="wz-share" answers={answers} texts={ui.share} />}
                  <p class="wz-status" role="status">
                    {session.toolMessage}
                  </p>
                </div>
              </div>
              {wide ? <PreviewAside focusTick={previewFocus} /> : <PreviewDialog open={previewOpen} onClose={() => setPreviewOpen(false)} />}
            </div>
          )}
        </div>
      </Fields.Provider>
    </WizardContext.Provider>
  );
}
