/**
 * Adaptateur HTML : document intermédiaire → chaîne HTML échappée, pour le site et l'aperçu de l'assistant.
 * Les valeurs saisies portent la classe `redaction-value`, les repères à compléter sont des <mark>.
 * Tout le texte est échappé : une réponse contenant du HTML s'affiche telle quelle, sans être interprétée.
 */
import type { Block, RenderedDocument, Run } from '../core/document';
import { escapeHtml } from '../../escape-html';

export interface HtmlOptions {
  /** Niveau HTML du titre de partie (les articles prennent le suivant) ; 3 par défaut, sous le h2 de la page. */
  headingLevel?: 2 | 3 | 4;
}

function runHtml(run: Run): string {
  const text = escapeHtml(run.text);
  if (run.kind === 'value') return `<span class="redaction-value" data-field="${escapeHtml(run.field)}">${text}</span>`;
  if (run.kind === 'placeholder') return `<mark class="redaction-placeholder" data-field="${escapeHtml(run.field)}">${text}</mark>`;
  if (run.kind === 'fill') return `<span class="redaction-fill" data-field="${escapeHtml(run.field)}">${text}</span>`;
  return text;
}

const runsHtml = (runs: Run[]) => runs.map(runHtml).join('');

function blockHtml(block: Block, base: number): string {
  switch (block.kind) {
    case 'heading': {
      const tag = `h${Math.min(6, base + block.level - 1)}`;
      const number = block.number ? `${block.number}. ` : '';
      return `<${tag}>${number}${runsHtml(block.runs)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${runsHtml(block.runs)}</p>`;
    case 'note':
      return `<p class="redaction-note">${runsHtml(block.runs)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${runsHtml(item)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = `<thead><tr>${block.header.map((cell) => `<th scope="col">${runsHtml(cell)}</th>`).join('')}</tr></thead>`;
      const body = block.rows.map((row) => `<tr>${row.map((cell) => `<td>${runsHtml(cell)}</td>`).join('')}</tr>`).join('');
      // Le conteneur défile sur petit écran : il doit être atteignable au clavier et nommé.
      const name = escapeHtml(`Tableau : ${block.header.map((cell) => cell.map((r) => r.text).join('')).join(', ')}`);
      return `<div class="redaction-table" role="region" tabindex="0" aria-label="${name}"><table>${head}<tbody>${body}</tbody></table></div>`;
    }
  }
}

/** Le corps du document en HTML (sans le titre de la rédaction, que la page affiche déjà). */
export function documentToHtml(doc: RenderedDocument, options: HtmlOptions = {}): string {
  const base = options.headingLevel ?? 3;
  return doc.blocks.map((block) => blockHtml(block, base)).join('\n');
}
