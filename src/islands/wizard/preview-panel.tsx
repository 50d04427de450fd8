/**
 * L'aperçu à toutes les largeurs : à côté du formulaire sur grand écran, dans un panneau (boîte de dialogue
 * modale : focus gardé dedans, Échap pour fermer) sur petit écran. Le bouton « Voir l'aperçu » de chaque étape
 * ouvre l'aperçu sur la pièce que cette étape remplit (`previewTarget`).
 */
import { useContext, useEffect, useMemo, useRef } from 'preact/hooks';
import { previewDocuments } from '../../lib/wizard/pieces';
import { previewTarget } from '../../lib/wizard/session';
import { Wizard } from './context';
import { Preview, pieceId } from './review';

function usePieces(active: boolean) {
  const { answers, catalog, session } = useContext(Wizard);
  const pieces = useMemo(() => (active ? previewDocuments(answers, catalog) : []), [active, answers, catalog]);
  const target = previewTarget(session.step, pieces.map((p) => p.draftId));
  return { pieces, target };
}

/** Montre la pièce visée dans son conteneur défilant, sans faire défiler la page. */
function scrollToPiece(container: HTMLElement | null, target: string | null, focus: boolean) {
  if (!container || !target) return;
  const piece = container.querySelector<HTMLElement>(`#${pieceId(target)}`);
  if (!piece) return;
  container.scrollTop = piece.offsetTop - container.offsetTop;
  if (focus) piece.querySelector<HTMLElement>('h3, h4')?.focus({ preventScroll: true });
}

export function PreviewButton({ wide, onOpen }: { wide: boolean; onOpen: () => void }) {
  return (
    <button type="button" class="wz-button wz-button--secondary wz-preview-button" aria-haspopup={wide ? undefined : 'dialog'} onClick={onOpen}>
      Voir l’aperçu
    </button>
  );
}

export function PreviewAside({ focusTick }: { focusTick: number }) {
  const { pieces, target } = usePieces(true);
  const scroller = useRef<HTMLDivElement>(null);
  const { session } = useContext(Wizard);
  // À chaque étape, l'aperçu se place sur la pièce qu'elle remplit ; le bouton y met aussi le focus.
  useEffect(() => scrollToPiece(scroller.current, target, false), [session.step, target]);
  useEffect(() => {
    if (focusTick > 0) scrollToPiece(scroller.current, target, true);
  }, [focusTick]);
  return (
    <aside class="wz-aside" aria-labelledby="wz-preview-title">
      <h2 id="wz-preview-title">Aperçu des documents</h2>
      {/* eslint-disable-next-line jsx-a11y-x/no-noninteractive-tabindex -- zone défilante : le clavier doit pouvoir la faire défiler (WCAG 2.1.1, règle axe scrollable-region-focusable) */}
      <div ref={scroller} class="wz-aside__scroll" tabIndex={0} role="region" aria-label="Aperçu des documents, défilable">
        <Preview pieces={pieces} headingLevel={2} current={target} />
      </div>
    </aside>
  );
}

export function PreviewDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const { pieces, target } = usePieces(open);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      scrollToPiece(body.current, target, true);
    } else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} class="wz-dialog" aria-labelledby="wz-preview-dialog-title" onClose={onClose}>
      <div class="wz-dialog__head">
        <h2 id="wz-preview-dialog-title">Aperçu des documents</h2>
        <button type="button" class="wz-button wz-button--secondary" onClick={onClose}>
          Fermer l’aperçu
        </button>
      </div>
      <div ref={body} class="wz-dialog__body">
        {open && <Preview pieces={pieces} headingLevel={2} current={target} />}
      </div>
    </dialog>
  );
}
