/** Étapes 7 à 10 : critère d'attribution, note de dérogation, relecture avec le téléchargement. */
import { useContext } from 'preact/hooks';
import { formatNumber } from '../../lib/format';
import { addSubCriterion, fieldId, optionsOf, removeSubCriterion, variableOf } from '../../lib/wizard/model';
import { parseNumber } from '../../lib/wizard/numbers';
import { plannedDocuments } from '../../lib/wizard/pieces';
import { reviewGroups } from '../../lib/wizard/summary';
import { docxFileName } from '../../lib/wizard/filename';
import { Choices, Fields, TextField } from './fields';
import { Wizard, type DownloadState } from './context';
import { Rich } from './rich';

export function CriterionStep() {
  const { answers, catalog, update, announce } = useContext(Wizard);
  const api = useContext(Fields);
  const k = answers.criterion;
  const variable = (name: string) => variableOf(catalog, 'rc-critere-insertion', name);
  const weights = k.subCriteria.map((s) => parseNumber(s.weight));
  const sum = weights.every((w) => w !== null) ? (weights as number[]).reduce((a, b) => a + b, 0) : null;
  const listError = api.error('criterion.subCriteria');
  return (
    <>
      <p class="wz-intro">{catalog.texts.intro.critere}</p>
      <TextField path="criterion.weight" label="Pondération du critère (% de la note globale)" hint={variable('ponderation').help} inputMode="decimal" size="short" />
      <TextField path="criterion.support" label={variable('prestations_support').label} hint={variable('prestations_support').help} />
      <div id={fieldId('criterion.subCriteria')} tabIndex={-1} class={listError ? 'wz-field--error' : undefined}>
        <h3>Sous-critères</h3>
        <p class="wz-hint">{catalog.texts.hint.subCriteria}</p>
        {listError && (
          <p class="wz-error" id={`${fieldId('criterion.subCriteria')}-erreur`}>
            <span class="sr-only">Erreur : </span>
            {listError}
          </p>
        )}
      </div>
      <ol class="wz-lots">
        {k.subCriteria.map((s, i) => (
          <li key={s.key} class="wz-lot">
            <fieldset class="wz-fieldset wz-fieldset--card">
              <legend class="wz-legend">Sous-critère {i + 1}</legend>
              <div class="wz-row">
                <TextField path={`criterion.subCriteria.${i}.title`} label="Intitulé" />
                <TextField path={`criterion.subCriteria.${i}.weight`} label="Part (%)" inputMode="decimal" size="short" />
              </div>
              <TextField path={`criterion.subCriteria.${i}.expected`} label="Ce que le candidat décrit" />
              {k.subCriteria.length > 1 && (
                <button
                  type="button"
                  class="wz-button wz-button--link"
                  onClick={() => {
                    update((a) => removeSubCriterion(a, s.key));
                    announce(`Sous-critère ${i + 1} retiré.`);
                    setTimeout(() => document.getElementById('wz-add-sub')?.focus(), 0);
                  }}
                >
                  Retirer le sous-critère {i + 1}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <p class="wz-total" aria-live="polite">
        Total des parts : <strong>{sum === null ? '—' : `${formatNumber(sum)}\u00a0%`}</strong>
      </p>
      {k.subCriteria.length < 20 && (
        <button
          type="button"
          id="wz-add-sub"
          class="wz-button wz-button--secondary"
          onClick={() => {
            const index = k.subCriteria.length;
            update(addSubCriterion);
            announce(`Sous-critère ${index + 1} ajouté.`);
            setTimeout(() => document.getElementById(fieldId(`criterion.subCriteria.${index}.title`))?.focus(), 0);
          }}
        >
          Ajouter un sous-critère
        </button>
      )}
      <div class="wz-row wz-row--wrap">
        <TextField path="criterion.maxPages" label="Nombre maximal de pages de la note (facultatif)" inputMode="numeric" size="short" />
        <TextField path="criterion.number" label="Numéro du critère dans le règlement de la consultation (facultatif)" size="short" />
      </div>
    </>
  );
}

export function DerogationStep() {
  const { answers, catalog } = useContext(Wizard);
  const variable = (name: string) => variableOf(catalog, 'justification-derogation', name);
  const options = (name: string) => optionsOf(catalog, 'justification-derogation', name).map((o) => ({ value: o.value, label: o.label }));
  return (
    <>
      <div class="wz-notice">
        <p>
          <Rich text={catalog.texts.intro.derogation} />
        </p>
      </div>
      <Choices path="derogation.ground" legend={variable('motif').label} hint={variable('motif').help} options={options('motif')} />
      {answers.derogation.ground === 'autre' && <TextField path="derogation.groundDetail" label={variable('motif_precision').label} hint={variable('motif_precision').help} />}
      <TextField path="derogation.justification" label={variable('justification').label} hint={variable('justification').help} multiline />
      <Choices multiple path="derogation.examined" legend={`${variable('elements').label} (facultatif)`} options={options('elements')} />
      <TextField path="derogation.otherMeasures" label={variable('autres_mesures').label} hint={variable('autres_mesures').help} multiline />
      <TextField path="derogation.signatory" label={variable('signataire').label} />
      <div class="wz-row wz-row--wrap">
        <TextField path="derogation.place" label="Lieu (facultatif)" size="medium" />
        <TextField path="derogation.date" type="date" label={variable('date_note').label} size="medium" />
      </div>
    </>
  );
}

interface ReviewProps {
  download: DownloadState;
  onDownload: () => void;
}

export function ReviewStep({ download, onDownload }: ReviewProps) {
  const { answers, catalog, layout, stepHref, goTo } = useContext(Wizard);
  const groups = reviewGroups(answers, catalog, layout);
  const titles = plannedDocuments(answers, catalog).map((d) => d.title);
  // Le nom qu'aura le fichier téléchargé aujourd'hui.
  const fileName = docxFileName(answers.contract.subject, new Date());
  return (
    <>
      <p class="wz-intro">{catalog.texts.intro.recapitulatif}</p>
      {groups.map((g) => (
        <section key={g.step} class="wz-review" aria-labelledby={`wz-review-${g.step}`}>
          <div class="wz-review__head">
            <h3 id={`wz-review-${g.step}`}>{g.title}</h3>
            <a
              href={stepHref(g.step)}
              onClick={(e) => {
                e.preventDefault();
                goTo(g.step);
              }}
            >
              Modifier<span class="sr-only"> : {g.title}</span>
            </a>
          </div>
          <dl>
            {g.items.map((item, i) => (
              <div key={i}>
                <dt>{item.label}</dt>
                <dd>{item.value || '—'}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <section class="wz-download" aria-labelledby="wz-download-title">
        <h3 id="wz-download-title">Le document Word</h3>
        <p>Il réunit {titles.length > 1 ? `${titles.length} pièces, chacune sur sa page, avec leur provenance` : 'une pièce, avec sa provenance'} en pied de page :</p>
        <ol>
          {titles.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ol>
        <p>
          Nom du fichier : <code>{fileName}</code>
        </p>
        <button type="button" class="wz-button wz-button--primary" onClick={onDownload} disabled={download.status === 'working'} aria-describedby="wz-download-status">
          {download.status === 'working' ? 'Préparation du document…' : 'Télécharger le document Word (.docx)'}
        </button>
        <p id="wz-download-status" class={download.status === 'error' ? 'wz-error' : 'wz-status'} role="status">
          {download.message}
        </p>
      </section>
    </>
  );
}
