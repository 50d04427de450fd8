/** L'aperçu des documents (adaptateur HTML) : chaque pièce avec un titre focalisable, cible du bouton « Voir l'aperçu ». */
import type { PreviewPiece } from '../../lib/wizard/pieces';
import { documentToHtml } from '../../lib/redactions/adapters/html';

export const pieceId = (draftId: string) => `wz-apercu-${draftId}`;

export function Preview({ pieces, headingLevel, current }: { pieces: PreviewPiece[]; headingLevel: 2 | 3; current: string | null }) {
  const H = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <div class="wz-preview">
      <p class="wz-hint">
        L’aperçu suit vos réponses. Les <span class="redaction-value">valeurs saisies</span> sont soulignées ; les <mark class="redaction-placeholder">[repères]</mark> restent à
        compléter.
      </p>
      {pieces.length === 0 && <p>Aucune pièce pour l’instant : choisissez un levier.</p>}
      {pieces.map((p) => (
        <section key={p.draftId} id={pieceId(p.draftId)} class={`wz-preview__piece redaction-text${p.draftId === current ? ' is-current' : ''}`} aria-labelledby={`${pieceId(p.draftId)}-titre`}>
          <H id={`${pieceId(p.draftId)}-titre`} tabIndex={-1}>
            {p.title}
            {p.draftId === current && <span class="wz-preview__tag"> — complétée par cette étape</span>}
          </H>
          {p.document ? (
            <div dangerouslySetInnerHTML={{ __html: documentToHtml(p.document, { headingLevel: (headingLevel + 2) as 3 | 4 }) }} />
          ) : (
            <p class="wz-hint">Ce document apparaîtra quand les volumes d’heures seront calculés.</p>
          )}
        </section>
      ))}
    </div>
  );
}
