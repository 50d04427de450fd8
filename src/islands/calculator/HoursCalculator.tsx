/**
 * Calculateur d'heures de la fiche C3 (îlot Preact, hydraté quand il devient visible). Il appelle `calibrate`
 * (méthode usuelle), montre le calcul avec ses nombres et peut reprendre le résultat dans l'assistant de rédaction.
 * Rendu côté serveur avec l'exemple de la fiche : le résultat se lit même avant le chargement du script.
 */
import { useState } from 'preact/hooks';
import { USUAL_RATE, calibrate } from '../../lib/calibrate';
import { formatInt } from '../../lib/format';
import { wizardLink, type CalculatorValues } from '../../lib/wizard/handoff';
import '../../styles/calculator.css';

const FIELDS: { key: keyof CalculatorValues; label: string; hint: string }[] = [
  { key: 'amount', label: 'Montant estimé du lot (€ HT)', hint: 'En chiffres.' },
  { key: 'labourShare', label: 'Part de main-d’œuvre (%)', hint: '50 % en maçonnerie, 70 % en peinture.' },
  { key: 'hourlyCost', label: 'Coût horaire chargé (€)', hint: 'Souvent 25 à 30 € dans le bâtiment.' },
  { key: 'rate', label: 'Taux d’insertion (%)', hint: `Usuel : ${USUAL_RATE.min} à ${USUAL_RATE.max} %.` },
];

/** Les valeurs de l'exemple de la fiche : 1 000 000 € HT, 50 %, 30 €/h, 5 % → 833 heures. */
const EXAMPLE: CalculatorValues = { amount: '1 000 000', labourShare: '50', hourlyCost: '30', rate: '5' };

export default function HoursCalculator({ base }: { base: string }) {
  const [values, setValues] = useState<CalculatorValues>(EXAMPLE);
  // Les saisies vont telles quelles à `calibrate`, qui les lit selon la grandeur de chaque champ (« 12 % » n'est pas un montant).
  const result = calibrate({ method: 'standard', ...values });
  const errorOf = (k: string) => (result.ok ? undefined : result.errors.find((e) => e.field === k)?.message);
  return (
    <div class="hc not-content">
      <form class="hc-form" onSubmit={(e) => e.preventDefault()} aria-labelledby="hc-title">
        <p id="hc-title" class="hc-title">
          Calculateur d’heures d’insertion
        </p>
        <div class="hc-fields">
          {FIELDS.map((f) => {
            const id = `hc-${f.key}`;
            const error = errorOf(f.key);
            return (
              <div class={`hc-field${error ? ' hc-field--error' : ''}`} key={f.key}>
                <label for={id}>{f.label}</label>
                <p id={`${id}-aide`} class="hc-hint">
                  {f.hint}
                </p>
                {error && (
                  <p id={`${id}-erreur`} class="hc-error">
                    {error}
                  </p>
                )}
                <input
                  id={id}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={values[f.key]}
                  aria-describedby={`${id}-aide${error ? ` ${id}-erreur` : ''}`}
                  aria-invalid={error ? 'true' : undefined}
                  onInput={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
                />
              </div>
            );
          })}
        </div>
      </form>
      <div class="hc-result">
        <output class="hc-total" for="hc-amount hc-labourShare hc-hourlyCost hc-rate">
          {result.ok ? (
            <>
              Volume d’insertion : <strong>{formatInt(result.hours)}&nbsp;heures</strong>
            </>
          ) : (
            'Corrigez les valeurs signalées pour obtenir le calcul.'
          )}
        </output>
        {result.ok && (
          <>
            <ol class="hc-steps">
              {result.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
            {result.warnings.map((w) => (
              <p key={w} class="hc-warning">
                {w}
              </p>
            ))}
            <p>
              <a href={wizardLink(base, values)} class="hc-link">
                Reprendre ce calcul dans l’assistant de rédaction
              </a>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
