/**
 * L'assistant de rédaction d'une clause sociale (îlot Preact). Composant mince : l'ordre des étapes, leur
 * validation, l'obligation, le calibrage et le choix des pièces viennent de src/lib/wizard/ ; le texte des pièces
 * vient des rédactions types rendues par `render`. Ici : l'état, la navigation (historique du navigateur),
 * le focus, les annonces, l'enregistrement dans le navigateur et le téléchargement (bibliothèque `docx`
 * chargée seulement au clic).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { applyHandoff, readHandoff, type CalculatorValues } from '../../lib/wizard/handoff';
import { fieldId, getPath, newAnswers, setPath, type Answers, type WizardCatalog } from '../../lib/wizard/model';

import {
  BACKUP_KEY,
  DRAFT_KEY,
  PROFILE_KEY,
  exportDraft,
  readDraft,
  readProfile,
  safeStore,
  serializeDraft,
  serializeProfile,
} from '../../lib/wizard/storage';
import {
  firstInvalidStep,
  guardStep,
  isStepId,
  nextStep,
  previousStep,
  stepTitle,
  stepWarnings,
  validateStep,
  visibleSteps,
  type Layout,
  type StepId,
} from '../../lib/wizard/steps';
import { Fields, type FieldApi } from './fields';
import { Wizard as WizardContext, type DownloadState, type WizardApi } from './context';
import { ContractStep, LeversStep, LotsStep, ObligationStep } from './steps-start';
import { CalibrationStep, ExecutionStep } from './steps-end';
import { Preview } from './review';
import { CriterionStep, DerogationStep, ReviewStep } from './steps-final';
import { documentsFor } from '../../lib/wizard/pieces';
import { answersFileName, docxFileName } from '../../lib/wizard/filename';
import '../../styles/wizard.css';

interface Props {
  catalog: WizardCatalog;
  /** Base du site (import.meta.env.BASE_URL). */
  base: string;
}

type Banner = { kind: 'invalid' | 'migrated'; message: string; original: string } | null;
type Resume = { answers: Answers; step: StepId | null; savedAt: string | null } | null;
type NavMode = 'push' | 'replace' | 'none';


const WIDE = '(min-width: 72rem)';
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

/** Met le focus sur le champ d'un message d'erreur (le premier contrôle d'un groupe), et le montre. */
function focusField(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  const target = el.matches('input, textarea, select') ? el : (el.querySelector<HTMLElement>('input, textarea, select') ?? el);
  target.focus();
  (el.closest('.wz-field, fieldset') ?? el).scrollIntoView({ block: 'center' });
}

function stepUrl(step: StepId | null): string {
  const url = new URL(window.location.href);
  for (const p of ['depuis', 'montant', 'part', 'cout', 'taux']) url.searchParams.delete(p);
  if (step) url.searchParams.set('etape', step);
  else url.searchParams.delete('etape');
  return url.pathname + url.search;
}

export default function WizardApp({ catalog, base }: Props) {
  const ui = catalog.texts.ui;
  const store = useMemo(() => safeStore(() => (typeof window === 'undefined' ? null : window.localStorage)), []);
  const [answers, setAnswers] = useState<Answers>(() => newAnswers(catalog));
  const [step, setStep] = useState<StepId>('contrat');
  const [layout, setLayout] = useState<Layout>('wide');
  const [ready, setReady] = useState(false);
  const [resume, setResume] = useState<Resume>(null);
  const [banner, setBanner] = useState<Banner>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [live, setLive] = useState('');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [hasProfile, setHasProfile] = useState(false);
  const [download, setDownload] = useState<DownloadState>({ status: 'idle', message: '' });
  const [returnToReview, setReturnToReview] = useState(false);
  const [importMessage, setImportMessage] = useState('');
  const [focusTick, setFocusTick] = useState(0);

  const dirty = useRef(false);
  const pendingFocus = useRef<'heading' | 'summary' | null>(null);
  const answersRef = useRef(answers);
  answersRef.current = answers;
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const stepRef = useRef(step);
  stepRef.current = step;
  const handoff = useRef<CalculatorValues | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const errors = useMemo(() => validateStep(answers, step), [answers, step]);
  const errorByField = useMemo(() => new Map(errors.map((e) => [e.field, e.message] as const)), [errors]);
  const steps = visibleSteps(answers, layout);
  const warnings = stepWarnings(answers, step);

  const announce = (message: string) => setLive((previous) => (previous === message ? `${message}\u00a0` : message));

  /** Va à une étape (ou à la première étape précédente invalide), met à jour l'adresse, annonce et déplace le focus. */
  function navigate(target: StepId, mode: NavMode, a: Answers = answersRef.current, lay: Layout = layoutRef.current, focus = true) {
    const reached = guardStep(a, target, lay);
    const blocked = reached !== target && validateStep(a, reached).length > 0;
    setStep(reached);
    stepRef.current = reached;
    setAttempted(blocked);
    setDownload({ status: 'idle', message: '' });
    if (reached === 'recapitulatif') setReturnToReview(false);
    if (mode === 'push') history.pushState({ etape: reached }, '', stepUrl(reached));
    else if (mode === 'replace' || reached !== target) history.replaceState({ etape: reached }, '', stepUrl(reached));
    const list = visibleSteps(a, lay);
    announce(
      `${blocked ? 'Une étape précédente est à compléter. ' : ''}Étape ${list.indexOf(reached) + 1} sur ${list.length} : ${stepTitle(reached)}.`,
    );
    if (focus) {
      pendingFocus.current = blocked ? 'summary' : 'heading';
      setFocusTick((n) => n + 1);
    }
  }

  function freshAnswers(): Answers {
    const profile = readProfile(store.read(PROFILE_KEY));
    const a = newAnswers(catalog, { profile });
    return handoff.current ? applyHandoff(a, handoff.current) : a;
  }

  // Démarrage : largeur d'écran, brouillon enregistré, paramètres du calculateur, historique.
  useEffect(() => {
    const mq = window.matchMedia(WIDE);
    const lay: Layout = mq.matches ? 'wide' : 'narrow';
    setLayout(lay);
    layoutRef.current = lay;
    const onMedia = () => setLayout(mq.matches ? 'wide' : 'narrow');
    mq.addEventListener('change', onMedia);

    const url = new URL(window.location.href);
    handoff.current = readHandoff(url.search);
    setHasProfile(readProfile(store.read(PROFILE_KEY)) !== null);
    const urlStep = url.searchParams.get('etape');
    const stored = readDraft(store.read(DRAFT_KEY));
    let a = freshAnswers();
    let offerResume = false;
    if (handoff.current) dirty.current = true;
    if (stored.status === 'invalid') {
      store.write(BACKUP_KEY, stored.original);
      store.remove(DRAFT_KEY);
      setBanner({ kind: 'invalid', message: stored.message, original: stored.original });
    } else if (stored.status === 'ok' || stored.status === 'migrated') {
      if (stored.status === 'migrated') {
        store.write(BACKUP_KEY, stored.original);
        setBanner({ kind: 'migrated', message: stored.message, original: stored.original });
      }
      if (isStepId(urlStep) && !handoff.current) {
        // Rechargement en cours de parcours : on reprend là où l'on était.
        a = stored.answers;
        dirty.current = true;
      } else {
        offerResume = true;
        setResume({ answers: stored.answers, step: stored.step, savedAt: stored.savedAt });
      }
    }
    setAnswers(a);
    answersRef.current = a;
    if (offerResume) history.replaceState(null, '', stepUrl(null));
    else navigate(isStepId(urlStep) ? urlStep : 'contrat', 'replace', a, lay, false);
    setReady(true);

    const onPop = () => {
      const s = new URL(window.location.href).searchParams.get('etape');
      setResume(null);
      navigate(isStepId(s) ? s : 'contrat', 'none');
    };
    window.addEventListener('popstate', onPop);
    return () => {
      mq.removeEventListener('change', onMedia);
      window.removeEventListener('popstate', onPop);
    };
  }, []);

  // L'étape d'aperçu n'existe que sur écran étroit : si l'écran s'élargit, on revient à l'étape visible précédente.
  useEffect(() => {
    if (ready && !visibleSteps(answersRef.current, layout).includes(stepRef.current)) navigate(stepRef.current, 'replace', answersRef.current, layout, false);
  }, [layout]);

  // Enregistrement automatique, dès la première saisie.
  useEffect(() => {
    if (!ready || !dirty.current || resume) return;
    const now = new Date();
    const ok = store.write(DRAFT_KEY, serializeDraft(answers, step, now));
    setSaveFailed(!ok);
    if (ok) setSavedAt(now);
  }, [answers, step, ready, resume]);

  // Focus après le rendu : titre de l'étape, ou récapitulatif des erreurs.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    document.getElementById(target === 'summary' ? 'wz-error-summary' : 'wz-step-title')?.focus();
  }, [focusTick]);

  const fieldApi: FieldApi = {
    get: (path) => getPath(answers, path),
    set: (path, value) => {
      dirty.current = true;
      setAnswers((a) => setPath(a, path, value));
      if (download.status !== 'idle') setDownload({ status: 'idle', message: '' });
    },
    error: (path) => (attempted || touched.has(path) ? errorByField.get(path) : undefined),
    touch: (path) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path))),
  };

  const api: WizardApi = {
    answers,
    catalog,
    base,
    layout,
    update: (change) => {
      dirty.current = true;
      setAnswers(change);
    },
    goTo: (s) => {
      if (s !== 'recapitulatif' && stepRef.current === 'recapitulatif') setReturnToReview(true);
      navigate(s, 'push');
    },
    announce,
    stepHref: (s) => `?etape=${s}`,
  };

  function onContinue() {
    if (errors.length > 0) {
      setAttempted(true);
      pendingFocus.current = 'summary';
      setFocusTick((n) => n + 1);
      announce(`${errors.length === 1 ? 'Une erreur empêche' : `${errors.length} erreurs empêchent`} de continuer.`);
      return;
    }
    if (step === 'execution' && answers.facilitator.structure.trim()) {
      if (store.write(PROFILE_KEY, serializeProfile(answers.facilitator))) setHasProfile(true);
    }
    const next = returnToReview ? 'recapitulatif' : nextStep(answers, step, layout);
    if (next) navigate(next, 'push');
  }

  function onBack() {
    const previous = previousStep(answers, step, layout);
    if (previous) navigate(previous, 'push');
  }

  async function onDownload() {
    const invalid = firstInvalidStep(answers, layout, 'recapitulatif');
    if (invalid) {
      navigate(invalid, 'push');
      return;
    }
    const result = documentsFor(answers, catalog);
    if (!result.ok) {
      setDownload({ status: 'error', message: `Le document ne peut pas être produit : ${result.errors.map((e) => e.message).join(' ')}` });
      return;
    }
    setDownload({ status: 'working', message: 'Préparation du document…' });
    try {
      // La bibliothèque `docx` et l'adaptateur Word ne sont chargés qu'ici, au clic.
      const { buildDocx, docxBlob } = await import('../../lib/redactions/docx');
      const now = new Date();
      const name = docxFileName(answers.contract.subject, now);
      const doc = buildDocx(result.documents, {
        title: `Clause sociale d’insertion : ${answers.contract.subject.trim()}`,
        subject: 'Pièces de la clause sociale d’insertion préparées avec l’assistant du recueil',
        generatedAt: now,
        referenceLabels: catalog.referenceLabels,
      });
      saveFile(await docxBlob(doc), name);
      const n = result.documents.length;
      setDownload({ status: 'done', message: `Le fichier ${name} est téléchargé (${n} pièce${n > 1 ? 's' : ''}).` });
    } catch {
      setDownload({ status: 'error', message: ui.downloadFailed });
    }
  }

  function onExport(a: Answers = answers) {
    const now = new Date();
    saveFile(new Blob([exportDraft(a, now)], { type: 'application/json' }), answersFileName(a.contract.subject, now));
    announce('Vos réponses sont exportées dans un fichier.');
  }

  async function onImport(file: File | undefined) {
    if (!file) return;
    if (file.size > 2_000_000) {
      setImportMessage(ui.importTooBig);
      return;
    }
    const result = readDraft(await file.text(), 'importé');
    if (fileInput.current) fileInput.current.value = '';
    if (result.status === 'invalid' || result.status === 'empty') {
      setImportMessage(result.status === 'empty' ? 'Le fichier est vide.' : result.message);
      return;
    }
    dirty.current = true;
    setResume(null);
    setTouched(new Set());
    setAnswers(result.answers);
    answersRef.current = result.answers;
    setImportMessage(result.status === 'migrated' ? `Brouillon importé. ${result.message}` : 'Brouillon importé.');
    navigate('recapitulatif', 'push', result.answers);
  }

  function startNew() {
    const a = freshAnswers();
    store.remove(DRAFT_KEY);
    dirty.current = handoff.current !== null;
    setResume(null);
    setTouched(new Set());
    setSavedAt(null);
    setAnswers(a);
    answersRef.current = a;
    navigate('contrat', 'push', a);
  }

  function resumeDraft() {
    if (!resume) return;
    dirty.current = true;
    const a = resume.answers;
    setAnswers(a);
    answersRef.current = a;
    setResume(null);
    navigate(resume.step ?? 'contrat', 'push', a);
  }

  const index = steps.indexOf(step);
  const previous = previousStep(answers, step, layout);
  const savedDate = resume?.savedAt ? new Date(resume.savedAt) : null;

  return (
    <WizardContext.Provider value={api}>
      <Fields.Provider value={fieldApi}>
        <div class="wz not-content">
          <p class="sr-only" role="status" aria-live="polite">
            {live}
          </p>
          {banner && (
            <div class={`wz-banner wz-banner--${banner.kind}`} role="alert">
              <p class="wz-banner__title">{banner.kind === 'invalid' ? 'Brouillon illisible' : 'Brouillon converti'}</p>
              <p>{banner.message}</p>
              <p>
                {banner.kind === 'invalid' ? ui.invalidNew : ''}
                {ui.keptCopy}
                <a href={`data:application/json;charset=utf-8,${encodeURIComponent(banner.original)}`} download="brouillon-assistant-original.json">
                  télécharger la copie
                </a>
                .
              </p>
              <button
                type="button"
                class="wz-button wz-button--link"
                onClick={() => {
                  store.remove(BACKUP_KEY);
                  setBanner(null);
                }}
              >
                {ui.closeBanner}
              </button>
            </div>
          )}
          {resume ? (
            <section class="wz-resume" aria-labelledby="wz-step-title">
              <h2 id="wz-step-title" tabIndex={-1}>
                Reprendre votre brouillon ?
              </h2>
              <p>
                Un brouillon est enregistré dans ce navigateur
                {resume.answers.contract.subject.trim() ? ` pour « ${resume.answers.contract.subject.trim()} »` : ''}
                {savedDate && Number.isFinite(savedDate.getTime()) ? `, modifié le ${savedDate.toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' })}` : ''}.
              </p>
              {handoff.current && <p>{ui.resumeFromCalculator}</p>}
              <div class="wz-nav">
                <button type="button" class="wz-button wz-button--primary" onClick={resumeDraft}>
                  Reprendre le brouillon
                </button>
                <button type="button" class="wz-button wz-button--secondary" onClick={startNew}>
                  Commencer un nouveau brouillon
                </button>
              </div>
              <p class="wz-hint">
                {ui.resumeReplace}
                <button type="button" class="wz-button wz-button--link" onClick={() => onExport(resume.answers)}>
                  exportez-le d’abord
                </button>
                .
              </p>
            </section>
          ) : (
            <div class="wz-layout">
              <div class="wz-main">
                <form
                  class="wz-form"
                  noValidate
                  aria-labelledby="wz-step-title"
                  onSubmit={(e) => {
                    e.preventDefault();
                    onContinue();
                  }}
                >
                  <h2 id="wz-step-title" tabIndex={-1}>
                    <span class="wz-step-count">
                      Étape {index + 1} sur {steps.length}
                      <span class="sr-only"> : </span>
                    </span>
                    {stepTitle(step)}
                  </h2>
                  {attempted && errors.length > 0 && (
                    <div id="wz-error-summary" class="wz-error-summary" tabIndex={-1} aria-labelledby="wz-error-summary-title">
                      <h3 id="wz-error-summary-title">{errors.length === 1 ? 'Une erreur à corriger' : `${errors.length} erreurs à corriger`}</h3>
                      <ul>
                        {errors.map((e) => (
                          <li key={e.field + e.message}>
                            <a
                              href={`#${fieldId(e.field)}`}
                              onClick={(ev) => {
                                ev.preventDefault();
                                focusField(fieldId(e.field));
                              }}
                            >
                              {e.message}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                  {warnings.length > 0 && (
                    <div class="wz-notice" role="note" aria-label="Points d’attention">
                      <ul>
                        {warnings.map((w) => (
                          <li key={w}>{w}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                  <StepBody step={step} hasProfile={hasProfile} download={download} onDownload={onDownload} forgetProfile={() => {
                    store.remove(PROFILE_KEY);
                    setHasProfile(false);
                    announce('Les coordonnées mémorisées sont oubliées.');
                  }} />
                  <div class="wz-nav">
                    {step !== 'recapitulatif' && (
                      <button type="submit" class="wz-button wz-button--primary">
                        {returnToReview ? 'Revenir au récapitulatif' : 'Continuer'}
                      </button>
                    )}
                    {previous && (
                      <button type="button" class="wz-button wz-button--secondary" onClick={onBack}>
                        Étape précédente
                      </button>
                    )}
                  </div>
                </form>
                <div class="wz-tools">
                  <p class="wz-saved">
                    {saveFailed ? ui.saveFailed : savedAt ? `Brouillon enregistré dans ce navigateur à ${time(savedAt)}.` : ui.saveLater}
                  </p>
                  <div class="wz-tools__buttons">
                    <button type="button" class="wz-button wz-button--secondary" onClick={() => onExport()}>
                      Exporter les réponses (.json)
                    </button>
                    <button type="button" class="wz-button wz-button--secondary" onClick={() => fileInput.current?.click()}>
                      Importer des réponses (.json)
                    </button>
                    <input
                      ref={fileInput}
                      type="file"
                      accept=".json,application/json"
                      hidden
                      aria-label="Fichier de réponses à importer"
                      onChange={(e) => void onImport((e.currentTarget as HTMLInputElement).files?.[0])}
                    />
                    <button
                      type="button"
                      class="wz-button wz-button--link"
                      onClick={() => {
                        setResume({ answers, step, savedAt: savedAt?.toISOString() ?? null });
                        pendingFocus.current = 'heading';
                        setFocusTick((n) => n + 1);
                      }}
                    >
                      Recommencer
                    </button>
                  </div>
                  <p class="wz-status" role="status">
                    {importMessage}
                  </p>
                </div>
              </div>
              {layout === 'wide' && (
                <aside class="wz-aside" aria-labelledby="wz-preview-title">
                  <h2 id="wz-preview-title">Aperçu des documents</h2>
                  <div class="wz-aside__scroll" tabIndex={0} role="region" aria-label="Aperçu des documents, défilable">
                    <Preview headingLevel={2} />
                  </div>
                </aside>
              )}
            </div>
          )}
        </div>
      </Fields.Provider>
    </WizardContext.Provider>
  );
}

function StepBody(props: { step: StepId; hasProfile: boolean; forgetProfile: () => void; download: DownloadState; onDownload: () => void }) {
  switch (props.step) {
    case 'contrat':
      return <ContractStep />;
    case 'lots':
      return <LotsStep />;
    case 'obligation':
      return <ObligationStep />;
    case 'leviers':
      return <LeversStep />;
    case 'calibrage':
      return <CalibrationStep />;
    case 'execution':
      return <ExecutionStep hasProfile={props.hasProfile} forgetProfile={props.forgetProfile} />;
    case 'apercu':
      return <Preview headingLevel={2} />;
    case 'critere':
      return <CriterionStep />;
    case 'derogation':
      return <DerogationStep />;
    case 'recapitulatif':
      return <ReviewStep download={props.download} onDownload={props.onDownload} />;
  }
}
