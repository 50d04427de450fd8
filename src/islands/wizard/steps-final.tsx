/** Étapes 7 à 10 : critère d'attribution, note de dérogation, relecture avec le téléchargement. */
import { useContext } from 'preact/hooks';
import { formatPercent } from '../../lib/format';
import { MAX_SUB_CRITERIA, optionsOf, variableOf } from '../../lib/wizard/model';
import { downloadBlockers, plannedDocuments } from '../../lib/wizard/pieces';
import { reviewGroups } from '../../lib/wizard/summary';
import { declarations } from '../../lib/wizard/declarations';
import { docxFileName } from '../../lib/wizard/filename';
import { stepTitle, subCriteriaTotal } from '../../lib/wizard/steps';
import { Choices, ListError, TextField } from './fields';
import { RULES } from '../../lib/wizard/numbers';
import { Wizard, siteHref } from './context';
import { Rich } from './rich';

export function CriterionStep() {
  const { answers, catalog, act } = useContext(Wizard);
  const k = answers.criterion;
  const variable = (name: string) => variableOf(catalog, 'rc-critere-insertion', name);
  const sum = subCriteriaTotal(answers);
  return (
    <>
      <p class="wz-intro">{catalog.texts.intro.critere}</p>
      <TextField path="criterion.weight" rule={RULES.criterionWeight} label="Pondération du critère (% de la note globale)" hint={variable('ponderation').help} inputMode="decimal" size="short" />
      <TextField path="criterion.support" label={variable('prestations_support').label} hint={variable('prestations_support').help} />
      <ListError path="criterion.subCriteria">
        <h3>Sous-critères</h3>
        <p class="wz-hint">{catalog.texts.hint.subCriteria}</p>
      </ListError>
      <ol class="wz-lots">
        {k.subCriteria.map((s, i) => (
          <li key={s.key} class="wz-lot">
            <fieldset class="wz-fieldset wz-fieldset--card">
              <legend class="wz-legend">Sous-critère {i + 1}</legend>
              <div class="wz-row">
                <TextField path={`criterion.subCriteria.${i}.title`} label="Intitulé" />
                <TextField path={`criterion.subCriteria.${i}.weight`} rule={RULES.subCriterionWeight} label="Part (%)" inputMode="decimal" size="short" />
              </div>
              <TextField path={`criterion.subCriteria.${i}.expected`} label="Ce que le candidat décrit" />
              {k.subCriteria.length > 1 && (
                <button type="button" class="wz-button wz-button--link" onClick={() => act({ type: 'remove-sub-criterion', key: s.key })}>
                  Retirer le sous-critère {i + 1}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <p class="wz-total" aria-live="polite">
        Total des parts : <strong>{sum === null ? '—' : formatPercent(sum)}</strong>
      </p>
      {k.subCriteria.length < MAX_SUB_CRITERIA && (
        <button type="button" id="wz-add-sub" class="wz-button wz-button--secondary" onClick={() => act({ type: 'add-sub-criterion' })}>
          Ajouter un sous-critère
        </button>
      )}
      <div class="wz-row wz-row--wrap">
        <TextField path="criterion.maxPages" rule={RULES.maxPages} label="Nombre maximal de pages de la note (facultatif)" inputMode="numeric" size="short" />
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

export function ReviewStep({ onDownload }: { onDownload: () => void }) {
  const { answers, base, catalog, stepHref, act, session } = useContext(Wizard);
  const download = session.download;
  const groups = reviewGroups(answers, catalog);
  const declared = declarations(answers, catalog.texts.declarations);
  const titles = plannedDocuments(answers, catalog).map((d) => d.title);
  const blockers = downloadBlockers(answers, catalog);
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
                act({ type: 'go-to', step: g.step });
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
      {declared.length > 0 && (
        <section class="wz-review wz-declarations" aria-labelledby="wz-declarations-title">
          <div class="wz-review__head">
            <h3 id="wz-declarations-title">{catalog.texts.declarations.title}</h3>
          </div>
          <p class="wz-hint">{catalog.texts.declarations.intro}</p>
          <dl>
            {declared.map((d) => (
              <div key={d.field}>
                <dt>{d.field}</dt>
                <dd>
                  {d.values.map((v, i) => (
                    <span key={v}>
                      {i > 0 && ' ; '}« {v} »
                    </span>
                  ))}
                  . {d.explanation} Source :{' '}
                  {d.sources.map((id, i) => (
                    <span key={id}>
                      {i > 0 && ' ; '}
                      <a href={siteHref(base, `/references/#${id}`)}>{catalog.referenceLabels[id] ?? id}</a>
                    </span>
                  ))}
                  .
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section class="wz-download" aria-labelledby="wz-download-title">
        <h3 id="wz-download-title">Le document Word</h3>
        <p>{titles.length > 1 ? `Il réunit ${titles.length} pièces, chacune sur sa page, avec leur provenance en pied de page :` : 'Il contient une pièce, avec sa provenance en pied de page :'}</p>
        <ol>
          {titles.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ol>
        <p>
          Nom du fichier : <code>{fileName}</code>
        </p>
        {blockers.length > 0 && (
          <div id="wz-download-blockers" class="wz-error-summary" tabIndex={-1} aria-labelledby="wz-download-blockers-title">
            <h4 id="wz-download-blockers-title">Avant de télécharger, complétez :</h4>
            <ul>
              {blockers.map((b) => (
                <li key={b.step + b.field + b.message}>
                  <a
                    href={stepHref(b.step)}
                    onClick={(e) => {
                      e.preventDefault();
                      act({ type: 'go-to', step: b.step, ...(b.field ? { field: b.field } : {}) });
                    }}
                  >
                    {stepTitle(b.step)} : {b.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
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
