/** Étapes du calibrage, des conditions d'exécution et de la condition liée à l'emploi. */
import { useContext } from 'preact/hooks';
import { formatInt } from '../../lib/format';
import { optionsOf, variableOf, type LotAnswers } from '../../lib/wizard/model';
import { calibrationHints, calibrationSummary, keepReasonAdvice, lotCalibration, lotLabel } from '../../lib/wizard/calibration';
import { clauseLots, reservedLots } from '../../lib/wizard/levers';
import { Checkbox, Choices, TextField } from './fields';
import { RULES } from '../../lib/wizard/numbers';
import { employmentAsksFacilitator } from '../../lib/wizard/steps';
import { Wizard, ficheLink } from './context';
import { Rich } from './rich';

const hours = (n: number) => `${formatInt(n)}\u00a0heure${n >= 2 ? 's' : ''}`;

function LotCalibrationFields({ lot, index }: { lot: LotAnswers; index: number }) {
  const { answers, catalog } = useContext(Wizard);
  const c = lot.calibration;
  const at = (f: string) => `lots.${index}.calibration.${f}`;
  const { result, hours: retained, overridden } = lotCalibration(answers, lot);
  const hints = calibrationHints(answers);
  return (
    <fieldset class="wz-fieldset wz-fieldset--card">
      <legend class="wz-legend">{lotLabel(lot)}</legend>
      <Choices path={at('method')} legend="Méthode de calcul" options={Object.entries(catalog.texts.options.method).map(([value, label]) => ({ value, label }))} />
      <div class="wz-row wz-row--wrap">
        <TextField path={`lots.${index}.amount`} rule={RULES.lotAmount} label={c.method === 'proprete' ? 'Chiffre d’affaires HT du lot sur sa durée (€)' : 'Montant estimé du lot (€ HT)'} inputMode="decimal" size="medium" />
        {c.method !== 'proprete' && <TextField path={`lots.${index}.labourShare`} rule={RULES.labourShare} label="Part de main-d’œuvre (%)" inputMode="decimal" size="short" />}
        {c.method !== 'proprete' && <TextField path={at('hourlyCost')} rule={RULES.hourlyCost} label="Coût horaire chargé (€)" hint={hints.hourlyCost} inputMode="decimal" size="short" />}
        {c.method !== 'anru' && <TextField path={at('rate')} rule={RULES.rate} label="Taux d’insertion (%)" hint={hints.rate} inputMode="decimal" size="short" />}
        {c.method === 'proprete' && (
          <TextField
            path={at('months')} rule={RULES.duration}
            label="Durée du lot (mois)"
            hint={hints.months}
            inputMode="numeric"
            size="short"
          />
        )}
        {c.method === 'proprete' && <TextField path={at('transferableHours')} rule={RULES.transferableHours} label="Heures mensuelles du personnel à reprendre" hint="0 s’il n’y a pas de reprise." inputMode="decimal" size="short" />}
      </div>
      {c.method === 'anru' && <Checkbox path={at('gup')} label={hints.gup} />}
      <div class="wz-result">
        <p class="wz-result__title">Le calcul</p>
        {result.ok ? (
          <>
            <ol class="wz-steps">
              {result.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
            {result.warnings.length > 0 && (
              <ul class="wz-warnings">
                {result.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p>Le calcul s’affiche dès que les valeurs ci-dessus sont valides.</p>
        )}
        <p class="wz-result__total">
          Volume retenu pour ce lot : <strong>{retained === null ? 'à compléter' : hours(retained)}</strong>
          {overridden && retained !== null ? ' (fixé à la main)' : ''}
        </p>
      </div>
      <Checkbox path={at('override')} label="Fixer un autre volume à la main" hint={catalog.texts.hint.override} />
      {keepReasonAdvice(answers, lot) && (
        <TextField path={at('keepReason')} label="Pourquoi maintenez-vous la clause sur ce lot ?" hint={keepReasonAdvice(answers, lot) ?? undefined} multiline />
      )}
      {c.override && (
        <div class="wz-nested">
          <TextField path={at('overrideHours')} rule={RULES.overrideHours} label="Volume d’heures retenu" inputMode="numeric" size="short" />
          <TextField path={at('overrideReason')} label="Motif" hint="Une phrase, reprise dans la note de calibrage." multiline />
        </div>
      )}
    </fieldset>
  );
}

export function CalibrationStep() {
  const { answers, catalog } = useContext(Wizard);
  const clause = new Set(clauseLots(answers).map((l) => l.key));
  const { total } = calibrationSummary(answers);
  const reserved = reservedLots(answers).filter((l) => !clause.has(l.key));
  return (
    <>
      <p class="wz-intro">
        <Rich text={catalog.texts.intro.calibrage} />
      </p>
      {answers.lots.map((lot, i) => (clause.has(lot.key) ? <LotCalibrationFields key={lot.key} lot={lot} index={i} /> : null))}
      {reserved.length > 0 && (
        <p class="wz-hint">
          Sans clause d’heures, car réservés : {reserved.map((l) => lotLabel(l)).join(' ; ')}.
        </p>
      )}
      <p class="wz-total">
        Total des heures d’insertion du marché : <strong>{total === null ? 'à compléter' : hours(total)}</strong>
      </p>
    </>
  );
}

const CCAP = 'ccap-condition-execution';

export function ExecutionStep() {
  const { answers, catalog, base, session, act } = useContext(Wizard);
  const hasProfile = session.hasProfile;
  const v = (name: string) => variableOf(catalog, CCAP, name);
  const options = (name: string) => optionsOf(catalog, CCAP, name).map((o) => ({ value: o.value, label: o.label }));
  const x = answers.execution;
  return (
    <>
      <p class="wz-intro">{catalog.texts.intro.execution}</p>
      <h3>Publics et modalités</h3>
      <Choices multiple path="execution.publics" legend={v('publics').label} hint={v('publics').help} options={options('publics')} />
      <Checkbox path="execution.anru" label="Opération financée par l’ANRU : priorité aux habitants des quartiers prioritaires" hint={v('priorite_qpv').help} />
      <Choices multiple path="execution.modalities" legend={v('modalites').label} hint={v('modalites').help} options={options('modalites')} />
      <h3>Décompte des heures</h3>
      <Choices multiple path="execution.counting" legend={v('decompte').label} hint={<>{v('decompte').help} Voir la <a href={ficheLink(base, 'B2')}>fiche B2</a>.</>} options={options('decompte')} />
      {x.counting.includes('contrat-long') && <TextField path="execution.longContractMonths" rule={RULES.longContractMonths} label={v('plafond_contrat_mois').label} hint={v('plafond_contrat_mois').help} inputMode="numeric" size="short" />}
      {x.counting.includes('conversion') && (
        <div class="wz-row wz-row--wrap">
          <TextField path="execution.conversionShare" rule={RULES.labourShare} label={`${v('part_mo_conversion').label} (%)`} inputMode="decimal" size="short" />
          <TextField path="execution.conversionCost" rule={RULES.hourlyCost} label={`${v('cout_horaire_conversion').label} (€)`} inputMode="decimal" size="short" />
        </div>
      )}
      <h3>Suivi</h3>
      <TextField path="execution.correspondentDays" rule={RULES.correspondentDays} label={v('delai_correspondant').label} inputMode="numeric" size="short" />
      <Choices path="execution.reporting" legend={v('frequence_suivi').label} options={options('frequence_suivi')} inline />
      <Checkbox path="execution.pooling" label="Permettre la globalisation des heures, sur demande du titulaire" hint={v('globalisation').help} />
      <h3>Pénalités</h3>
      <p class="wz-hint">
        <Rich text={catalog.texts.hint.penalties} />
      </p>
      <div class="wz-row wz-row--wrap">
        <TextField path="execution.penaltyPerHour" rule={RULES.penaltyPerHour} label={`${v('penalite_heure').label} (€)`} inputMode="decimal" size="short" />
        <TextField path="execution.penaltyCap" rule={RULES.penaltyCap} label="Plafond des pénalités (% du montant HT du marché)" inputMode="decimal" size="short" />
        <TextField path="execution.observationDays" rule={RULES.observationDays} label={v('delai_observations').label} inputMode="numeric" size="short" />
      </div>
      <h3>Le facilitateur</h3>
      <p class="wz-hint">
        {hasProfile ? 'Coordonnées reprises de votre dernier brouillon. ' : ''}
        {catalog.texts.hint.profile}{' '}
        {hasProfile && (
          <button type="button" class="wz-button wz-button--link" onClick={() => act({ type: 'forget-profile' })}>
            Oublier les coordonnées mémorisées
          </button>
        )}
      </p>
      <TextField path="facilitator.structure" label="Structure du facilitateur" hint="Maison de l’emploi, PLIE, collectivité, département…" autoComplete="organization" />
      <TextField path="facilitator.name" label="Nom du facilitateur" autoComplete="name" />
      <div class="wz-row wz-row--wrap">
        <TextField path="facilitator.email" type="email" inputMode="email" label="Courriel (facultatif)" autoComplete="email" size="medium" />
        <TextField path="facilitator.phone" type="tel" inputMode="tel" label="Téléphone (facultatif)" hint="Par exemple 01 23 45 67 89." autoComplete="tel" size="medium" />
      </div>
      <h3>Les pièces</h3>
      <TextField path="execution.articleNumber" label="Numéro de l’article du CCAP consacré à la clause (facultatif)" size="short" />
      <TextField path="execution.perimeter" label={`${v('perimetre').label} (facultatif)`} hint={v('perimetre').help} multiline />
      <Checkbox path="execution.commitmentForm" label="Demander aux candidats une fiche d’engagement avec leur offre" hint={catalog.texts.hint.commitmentForm} />
    </>
  );
}


const EMPLOI = 'ccap-condition-emploi';

/** La condition liée à l'emploi, sans volume d'heures (rédaction « ccap-condition-emploi », fiche C8). */
export function EmploymentStep() {
  const { answers, catalog } = useContext(Wizard);
  const v = (name: string) => variableOf(catalog, EMPLOI, name);
  const m = answers.employment;
  const texts = catalog.texts;
  return (
    <>
      <p class="wz-intro">
        <Rich text={texts.intro.emploi} />
      </p>
      <Choices
        multiple
        path="employment.modalities"
        legend={v('modalites').label}
        hint={v('modalites').help}
        options={optionsOf(catalog, EMPLOI, 'modalites').map((o) => ({ value: o.value, label: o.label }))}
      />
      {m.modalities.includes('alternance') && (
        <>
          <h3>Accueil en alternance</h3>
          <div class="wz-row wz-row--wrap">
            <TextField path="employment.contracts" rule={RULES.employmentContracts} label={v('nombre_contrats').label} inputMode="numeric" size="short" />
            <TextField path="employment.contractMonths" rule={RULES.employmentContractMonths} label={v('duree_contrat_mois').label} inputMode="numeric" size="short" />
          </div>
          <TextField path="employment.functions" label={v('fonctions').label} hint={v('fonctions').help} multiline />
        </>
      )}
      {m.modalities.includes('achat-inclusif') && (
        <>
          <h3>Achat auprès de structures inclusives</h3>
          <TextField path="employment.inclusiveShare" rule={RULES.inclusiveShare} label={`${v('part_inclusive').label} (%)`} hint={v('part_inclusive').help} inputMode="decimal" size="short" />
          <TextField path="employment.inclusiveServices" label={`${v('prestations_inclusives').label} (facultatif)`} hint={v('prestations_inclusives').help} multiline />
        </>
      )}
      <h3>Justificatifs et pénalité</h3>
      <div class="wz-row wz-row--wrap">
        <TextField path="employment.proofDays" rule={RULES.proofDays} label={v('delai_justificatifs').label} inputMode="numeric" size="short" />
        <TextField path="employment.penalty" rule={RULES.employmentPenalty} label={`${v('penalite').label} (€)`} hint={texts.hint.employmentPenalty} inputMode="decimal" size="medium" />
      </div>
      {employmentAsksFacilitator(answers) && (
        <TextField path="facilitator.structure" label="Structure du facilitateur" hint={texts.hint.employmentFacilitator} autoComplete="organization" />
      )}
      <TextField path="employment.articleNumber" label={`${v('numero_article').label} (facultatif)`} size="short" />
    </>
  );
}
