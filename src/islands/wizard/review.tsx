/** L'aperçu des documents (adaptateur HTML), à côté du formulaire ou comme étape sur écran étroit. */
import { useContext, useMemo } from 'preact/hooks';
import { documentToHtml } from '../../lib/redactions/html';
import { previewDocuments } from '../../lib/wizard/pieces';
import { Wizard } from './context';

export function Preview({ headingLevel }: { headingLevel: 2 | 3 }) {
  const { answers, catalog } = useContext(Wizard);
  const pieces = useMemo(() => previewDocuments(answers, catalog), [answers, catalog]);
  const H = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <div class="wz-preview">
      <p class="wz-hint">
        L’aperçu suit vos réponses. Les <span class="redaction-value">valeurs saisies</span> sont soulignées ; les <mark class="redaction-placeholder">[repères]</mark> restent à
        compléter.
      </p>
      {pieces.length === 0 && <p>Aucune pièce pour l’instant : choisissez un levier.</p>}
      {pieces.map((p) => (
        <section key={p.draftId} class="wz-preview__piece redaction-text">
          <H>{p.title}</H>
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

