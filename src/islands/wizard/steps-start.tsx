/** Étapes 1 à 4 : le marché, les lots, l'obligation, les leviers. */
import { useContext } from 'preact/hooks';
import { MAX_LOTS } from '../../lib/wizard/model';
import { subjectSentence } from '../../lib/wizard/pieces';
import { LEVERS, isConcession, leverNotices, obligationOf } from '../../lib/wizard/levers';
import { Checkbox, Choices, ListError, TextField } from './fields';
import { RULES } from '../../lib/wizard/numbers';
import { Wizard, ficheLink, siteHref } from './context';
import { Rich } from './rich';

const entries = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

export function ContractStep() {
  const { catalog, answers } = useContext(Wizard);
  const texts = catalog.texts;
  const c = answers.contract;
  const framework = c.framework !== 'non';
  return (
    <>
      <p class="wz-intro">
        <Rich text={texts.intro.contrat} />
      </p>
      <Choices path="contract.contractType" legend="Quel contrat préparez-vous ?" hint={texts.hint.contractType} options={entries(texts.options.contractType)} />
      {isConcession(answers) ? (
        <div class="wz-notice" role="note" aria-label={texts.concession.title}>
          <p class="wz-notice__title">{texts.concession.title}</p>
          <p>
            <Rich text={texts.concession.text} />
          </p>
        </div>
      ) : (
        <>
          <TextField path="contract.subject" label="Objet du marché : « Le marché a pour objet… »" hint={texts.hint.subject} echo={subjectSentence(c.subject)} />
          <TextField path="contract.buyerName" label="Nom de l’acheteur" hint={texts.hint.buyerName} autoComplete="organization" />
          <TextField path="contract.reference" label="Référence de la consultation (facultatif)" size="medium" />
          <Choices path="contract.kind" legend="Type de marché" options={entries(texts.options.kind)} />
          {(c.kind === 'services' || c.kind === 'prestations-intellectuelles') && (
            <Checkbox path="contract.socialServices" label="Ce sont des services sociaux et autres services spécifiques (régime allégé)" hint={<Rich text={texts.hint.socialServices} />} />
          )}
          <Choices path="contract.buyer" legend="Type d’acheteur" hint={texts.hint.buyer} options={entries(texts.options.buyer)} />
          <Checkbox path="contract.defence" label="C’est un marché de défense ou de sécurité" />
          <Checkbox path="contract.allotted" label="Le marché est divisé en lots" hint={texts.hint.allotted} />
          <Choices path="contract.framework" legend="Est-ce un accord-cadre à bons de commande ?" hint={<Rich text={texts.hint.framework} />} options={entries(texts.options.framework)} />
          {framework && (
            <Choices path="contract.frameworkPeriod" legend="Le montant indiqué vaut…" hint={texts.hint.frameworkPeriod} options={entries(texts.options.frameworkPeriod)} />
          )}
          <TextField
            path="contract.amount" rule={RULES.contractAmount}
            label={framework ? 'Maximum de l’accord-cadre, tous lots compris (en € HT)' : 'Montant total estimé du marché, tous lots compris (en € HT)'}
            hint={framework ? texts.hint.amountFramework : texts.hint.amount}
            inputMode="decimal"
            size="medium"
          />
          <TextField path="contract.durationMonths" rule={RULES.duration} label="Durée d’exécution prévue (en mois)" hint="Par exemple 24." inputMode="numeric" size="short" />
          <TextField
            path="contract.launchDate"
            type="date"
            label="Date de lancement de la consultation"
            hint={texts.hint.launchDate}
            size="medium"
          />
        </>
      )}
    </>
  );
}

export function LotsStep() {
  const { answers, catalog, act } = useContext(Wizard);
  const allotted = answers.contract.allotted;
  return (
    <>
      <p class="wz-intro">{catalog.texts.intro.lots}</p>
      {answers.contract.framework !== 'non' && <p class="wz-hint">{catalog.texts.hint.lotsFramework}</p>}
      <p id="wz-lots-aide-part" class="wz-hint">
        {catalog.texts.hint.labourShare}
      </p>
      <ListError path="lots" />
      <ol class="wz-lots">
        {answers.lots.map((lot, i) => (
          <li key={lot.key} class="wz-lot">
            <fieldset class="wz-fieldset wz-fieldset--card">
              <legend class="wz-legend">{allotted ? `Lot ${lot.number.trim() || i + 1}` : 'Le marché (non divisé en lots)'}</legend>
              {allotted && (
                <div class="wz-row">
                  <TextField path={`lots.${i}.number`} label="Numéro" size="short" />
                  <TextField path={`lots.${i}.name`} label="Intitulé du lot" />
                </div>
              )}
              <div class="wz-row">
                <TextField
                  path={`lots.${i}.amount`} rule={RULES.lotAmount}
                  label={answers.contract.framework === 'non' ? 'Montant estimé (en € HT)' : 'Maximum sur toute la durée (en € HT)'}
                  inputMode="decimal" size="medium"
                />
                <TextField path={`lots.${i}.labourShare`} rule={RULES.labourShare} label="Part de main-d’œuvre (en %)" sharedHint="wz-lots-aide-part" inputMode="decimal" size="short" />
              </div>
              {answers.lots.length > 1 && (
                <button type="button" class="wz-button wz-button--link" onClick={() => act({ type: 'remove-lot', key: lot.key })}>
                  Retirer le lot {lot.number.trim() || i + 1}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {answers.contract.allotted && answers.lots.length < MAX_LOTS && (
        <button type="button" id="wz-add-lot" class="wz-button wz-button--secondary" onClick={() => act({ type: 'add-lot' })}>
          Ajouter un lot
        </button>
      )}
    </>
  );
}

export function ObligationStep() {
  const { answers, base, catalog } = useContext(Wizard);
  const duty = obligationOf(answers);
  const heading =
    duty.status === 'obligatoire'
      ? 'La condition d’exécution sociale est obligatoire pour ce marché'
      : duty.status === 'hors-champ'
        ? 'Ce contrat n’est pas soumis à l’obligation'
        : 'La clause n’est pas obligatoire pour ce marché';
  return (
    <>
      <div class={`wz-verdict wz-verdict--${duty.mandatory ? 'obligatoire' : 'facultative'}`}>
        <h3 class="wz-verdict__title">{heading}</h3>
        <p>{duty.reason}</p>
        {duty.details.length > 0 && (
          <ul>
            {duty.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
        {duty.sources.length > 0 && (
          <p class="wz-sources">
            Sources :{' '}
            {duty.sources.map((id, i) => (
              <span key={id}>
                {i > 0 && ' ; '}
                <a href={siteHref(base, `/references/#${id}`)}>{catalog.referenceLabels[id] ?? id}</a>
              </span>
            ))}
            . Explications : <a href={ficheLink(base, 'C1')}>fiche C1</a>.
          </p>
        )}
      </div>
      {duty.mandatory ? (
        <Choices
          path="levers.condition"
          boolean
          legend="Le marché comportera-t-il une condition d’exécution sociale ?"
          options={[
            { value: 'oui', label: 'Oui, une clause d’heures d’insertion (recommandé)' },
            {
              value: 'non',
              label: 'Non : le marché relève d’une exception prévue par la loi',
              hint: catalog.texts.hint.conditionNo,
            },
          ]}
        />
      ) : (
        <p>Vous pouvez prévoir une clause sociale même quand elle n’est pas obligatoire : c’est l’objet des étapes suivantes.</p>
      )}
    </>
  );
}

export function LeversStep() {
  const { answers, base, catalog } = useContext(Wizard);
  const notices = leverNotices(answers);
  return (
    <>
      <p class="wz-intro">{catalog.texts.intro.leviers}</p>
      <fieldset class="wz-fieldset">
        <legend class="wz-legend">Leviers retenus</legend>
        {LEVERS.map((lever) => (
          <div key={lever.id} class="wz-lever">
            <Checkbox
              path={`levers.${lever.id}`}
              label={catalog.texts.levers[lever.id].label}
              hint={
                <>
                  {catalog.texts.levers[lever.id].summary} <a href={ficheLink(base, lever.fiche)}>Fiche {lever.fiche}</a>
                </>
              }
            />
            {lever.id === 'reservation' && answers.levers.reservation && (
              <div class="wz-nested">
                {answers.lots.map((lot, i) => (
                  <Choices
                    key={lot.key}
                    path={`lots.${i}.reservation`}
                    legend={`Lot ${lot.number.trim() || i + 1}${lot.name.trim() ? ` : ${lot.name.trim()}` : ''}`}
                    options={entries(catalog.texts.options.reservation)}
                  />
                ))}
              </div>
            )}
            {lever.id === 'insertion' && answers.levers.insertion && (
              <p class="wz-nested">
                Rédaction type à adapter :{' '}
                <a href={siteHref(base, '/redactions/marche-insertion/')}>Marché d’insertion et de qualification professionnelle</a>.
              </p>
            )}
          </div>
        ))}
      </fieldset>
      {notices.length > 0 && (
        <div class="wz-notice" role="note" aria-label="À savoir sur ces choix">
          <p class="wz-notice__title">À savoir</p>
          <ul>
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

