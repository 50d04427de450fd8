/**
 * Champs de formulaire de l'assistant : libellé, aide, message d'erreur à côté du champ (relié par
 * aria-describedby), aria-invalid. Ils lisent et écrivent les réponses par leur chemin, via le contexte.
 * Les erreurs ne paraissent qu'après « Continuer » : rien ne change à la sortie d'un champ, pour qu'aucun
 * message ne déplace le bouton que l'utilisateur est en train de cliquer.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { fieldId } from '../../lib/wizard/model';
import { fieldEcho, type NumberRule } from '../../lib/wizard/numbers';

export interface FieldApi {
  get(path: string): unknown;
  set(path: string, value: unknown): void;
  /** Le message à afficher pour ce champ (après un « Continuer » refusé), sinon `undefined`. */
  error(path: string): string | undefined;
}

export const Fields = createContext<FieldApi>(null as unknown as FieldApi);

const describedBy = (...ids: unknown[]) => ids.filter((x): x is string => typeof x === 'string' && x !== '').join(' ') || undefined;

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} class="wz-error">
      <span class="sr-only">Erreur : </span>
      {message}
    </p>
  );
}

interface TextProps {
  path: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  /** id d'une aide partagée, décrite ailleurs sur la page. */
  sharedHint?: string;
  type?: 'text' | 'email' | 'tel' | 'date';
  inputMode?: 'decimal' | 'numeric' | 'text' | 'email' | 'tel';
  autoComplete?: string;
  /** Largeur indicative : « court » pour un nombre, « moyen », ou pleine largeur. */
  size?: 'short' | 'medium' | 'full';
  multiline?: boolean;
  /** Champ numérique : sa règle ; le champ montre ce qu'il a compris (« soit 216 000 € HT ») ou les deux lectures d'une saisie ambiguë. */
  rule?: Pick<NumberRule, 'kind'>;
  /** Texte montré sous le champ au fil de la frappe (par exemple la phrase où la réponse sera reprise). */
  echo?: string;
}

export function TextField({ path, label, hint, sharedHint, type = 'text', inputMode, autoComplete, size = 'full', multiline, rule, echo: echoText }: TextProps) {
  const api = useContext(Fields);
  const id = fieldId(path);
  const error = api.error(path);
  const value = api.get(path);
  const echo = rule ? fieldEcho(value, rule) : echoText ? { kind: 'understood' as const, text: echoText } : null;
  const props = {
    id,
    name: id,
    value: typeof value === 'string' ? value : '',
    class: `wz-input wz-input--${size}`,
    'aria-describedby': describedBy(hint && `${id}-aide`, sharedHint, error && `${id}-erreur`, echo && `${id}-lu`),
    'aria-invalid': error ? ('true' as const) : undefined,
    onInput: (e: Event) => api.set(path, (e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={`wz-field${error ? ' wz-field--error' : ''}`}>
      <label for={id} class="wz-label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-aide`} class="wz-hint">
          {hint}
        </p>
      )}
      <ErrorText id={`${id}-erreur`} message={error} />
      {multiline ? <textarea {...props} rows={5} /> : <input {...props} type={type} inputMode={inputMode} autoComplete={autoComplete ?? 'off'} spellcheck={type === 'text'} />}
      {echo && (
        <p id={`${id}-lu`} class={`wz-echo wz-echo--${echo.kind}`}>
          {echo.text}
        </p>
      )}
    </div>
  );
}

export interface Option {
  value: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
}

interface GroupProps {
  path: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  options: Option[];
  /** Cases à cocher (la valeur est une liste) plutôt que boutons radio. */
  multiple?: boolean;
  /** Champ booléen présenté en deux boutons radio « oui » / « non ». */
  boolean?: boolean;
  inline?: boolean;
}

/** Groupe de boutons radio ou de cases à cocher, dans un fieldset avec sa légende. */
export function Choices({ path, legend, hint, options, multiple, boolean, inline }: GroupProps) {
  const api = useContext(Fields);
  const id = fieldId(path);
  const error = api.error(path);
  const raw = api.get(path);
  const values = multiple ? (Array.isArray(raw) ? (raw as string[]) : []) : [boolean ? (raw ? 'oui' : 'non') : typeof raw === 'string' || typeof raw === 'number' ? String(raw) : ''];
  return (
    <fieldset id={id} class={`wz-fieldset${error ? ' wz-field--error' : ''}`} aria-describedby={describedBy(hint && `${id}-aide`, error && `${id}-erreur`)}>
      <legend class="wz-legend">{legend}</legend>
      {hint && (
        <p id={`${id}-aide`} class="wz-hint">
          {hint}
        </p>
      )}
      <ErrorText id={`${id}-erreur`} message={error} />
      <div class={inline ? 'wz-choices wz-choices--inline' : 'wz-choices'}>
        {options.map((o) => {
          const oid = `${id}-${o.value}`;
          return (
            <div class="wz-choice" key={o.value}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                id={oid}
                name={multiple ? oid : id}
                value={o.value}
                checked={values.includes(o.value)}
                aria-describedby={o.hint ? `${oid}-aide` : undefined}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  // Cases à cocher : l'ordre des options est gardé, c'est celui de la rédaction type.
                  api.set(path, multiple ? options.map((x) => x.value).filter((v) => (v === o.value ? on : values.includes(v))) : boolean ? o.value === 'oui' : o.value);
                }}
              />
              <label for={oid}>{o.label}</label>
              {o.hint && (
                <p id={`${oid}-aide`} class="wz-hint wz-choice__hint">
                  {o.hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function Checkbox({ path, label, hint }: { path: string; label: ComponentChildren; hint?: ComponentChildren }) {
  const api = useContext(Fields);
  const id = fieldId(path);
  const error = api.error(path);
  return (
    <div id={`${id}-bloc`} class={`wz-choice wz-choice--single${error ? ' wz-field--error' : ''}`}>
      <ErrorText id={`${id}-erreur`} message={error} />
      <input
        type="checkbox"
        id={id}
        name={id}
        checked={api.get(path) === true}
        aria-describedby={describedBy(hint && `${id}-aide`, error && `${id}-erreur`)}
        aria-invalid={error ? 'true' : undefined}
        onChange={(e) => {
          api.set(path, e.currentTarget.checked);
        }}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-aide`} class="wz-hint wz-choice__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * L'erreur d'une liste entière (les lots, les sous-critères) : un bloc focalisable, cible du lien du récapitulatif
 * des erreurs, avec son titre éventuel.
 */
export function ListError({ path, children }: { path: string; children?: ComponentChildren }) {
  const api = useContext(Fields);
  const id = fieldId(path);
  const error = api.error(path);
  return (
    <div id={id} tabIndex={-1} class={error ? 'wz-field--error wz-list-error' : 'wz-list-error'}>
      {children}
      <ErrorText id={`${id}-erreur`} message={error} />
    </div>
  );
}
