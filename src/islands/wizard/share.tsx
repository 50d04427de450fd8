/**
 * Le lien de partage pré-rempli côté îlot : le panneau « Partager un lien pré-rempli » (parties à inclure, lien, sa
 * longueur, bouton de copie) et l'ouverture d'un lien reçu. Chargé par import dynamique (use-session.ts, `loadShare`)
 * à l'ouverture du panneau ou quand l'adresse porte un lien, avec src/lib/wizard/share-link.ts qui prend toutes les
 * décisions : il ne pèse rien sur le JavaScript de l'îlot au chargement de la page. Il reçoit ses données par ses
 * propriétés plutôt que par le contexte de l'assistant : importer context.ts le sortirait du fichier de l'îlot
 * (voir share-link.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answers } from '../../lib/wizard/model';
import type { Action } from '../../lib/wizard/session';
import type { WizardTexts } from '../../lib/wizard/texts';
import { createShareLink, isImplied, normalizeParts, PART_LABELS, readShareLink, SHARE_PARTS, type ShareLink, type SharePart } from '../../lib/wizard/share-link';

/**
 * Relit un lien reçu (`base` : le brouillon neuf qui complète ses parties) et le passe à la session comme un fichier
 * importé. Le fragment quitte d'abord l'adresse (la session l'a déjà retiré au démarrage ; pas s'il vient d'être collé
 * dans l'onglet ouvert) : ni un rechargement ni « Précédent » ne reposent la question.
 */
export async function openLink(hash: string, base: Answers, act: (action: Action) => void) {
  history.replaceState(history.state, '', location.pathname + location.search);
  const read = await readShareLink(hash, base);
  act(read.status === 'ok' ? { type: 'import', text: read.draft, size: read.draft.length, link: read.note } : { type: 'link-error', message: read.message });
}

export interface SharePanelProps {
  id: string;
  answers: Answers;
  texts: WizardTexts['ui']['share'];
}

export function SharePanel({ id, answers, texts: t }: SharePanelProps) {
  const [parts, setParts] = useState<SharePart[]>([...SHARE_PARTS]);
  const [link, setLink] = useState<ShareLink | null>(null);
  const [copyMessage, setCopyMessage] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const chosen = normalizeParts(parts);

  useEffect(() => {
    let current = true;
    setCopyMessage('');
    void createShareLink(window.location.href, answers, parts).then((made) => current && setLink(made));
    return () => {
      current = false;
    };
  }, [answers, parts.join()]);

  const toggle = (part: SharePart, on: boolean) => setParts((list) => (on ? [...list, part] : list.filter((p) => p !== part)));

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopyMessage(t.copied);
    } catch {
      // Presse-papiers refusé ou absent (page non sécurisée, navigateur ancien) : le texte est sélectionné.
      field.current?.focus();
      field.current?.select();
      setCopyMessage(t.copyFallback);
    }
  }

  return (
    <section id={id} class="wz-share" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.title}</h3>
      <p>{t.intro}</p>
      <fieldset class="wz-fieldset">
        <legend class="wz-legend">{t.legend}</legend>
        <div class="wz-choices">
          {SHARE_PARTS.map((part) => {
            const implied = isImplied(part, parts);
            return (
              <div class="wz-choice" key={part}>
                <input
                  type="checkbox"
                  id={`${id}-${part}`}
                  checked={chosen.includes(part)}
                  disabled={implied}
                  aria-describedby={part === 'calibrage' || isImplied(part, ['calibrage']) ? `${id}-lots-note` : undefined}
                  onChange={(e) => toggle(part, e.currentTarget.checked)}
                />
                <label for={`${id}-${part}`}>{PART_LABELS[part]}</label>
              </div>
            );
          })}
        </div>
        <p id={`${id}-lots-note`} class="wz-hint">
          {t.lotsNote}
        </p>
      </fieldset>
      {link && !link.ok && (
        <p class="wz-error" role="alert">
          {link.message}
        </p>
      )}
      {link?.ok && (
        <div class="wz-field">
          <label for={`${id}-url`} class="wz-label">
            {t.field}
          </label>
          <textarea
            id={`${id}-url`}
            ref={field}
            class="wz-input wz-share__url"
            rows={3}
            readOnly
            spellcheck={false}
            value={link.url}
            aria-describedby={`${id}-length`}
            onFocus={(e) => e.currentTarget.select()}
          />
          {/* Pas de région annoncée : le compte change à chaque case cochée ; il est lu avec le champ (aria-describedby). */}
          <p id={`${id}-length`} class={link.advice.level === 'long' ? 'wz-notice wz-share__long' : 'wz-hint'}>
            {link.advice.message}
          </p>
          <button type="button" class="wz-button wz-button--secondary" onClick={() => void copy(link.url)}>
            {t.copy}
          </button>
        </div>
      )}
      <p class="wz-status" role="status">
        {copyMessage}
      </p>
      <p class="wz-hint">{t.privacy}</p>
    </section>
  );
}
