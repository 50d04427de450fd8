/**
 * Parcours de lecture « Vous êtes… » : une suite ordonnée de questions, chacune menant à une fiche.
 * Module pur : la résolution des codes (et l'erreur qui arrête la construction) est testable sans Astro.
 */
import { frenchTypography } from './typography';

/** Une étape telle que l'auteur l'écrit dans la page MDX. */
export interface ReadingStep {
  /** Code de la fiche qui répond à la question (« C3 »). */
  code: string;
  /** La question, telle que le lecteur se la pose. */
  question: string;
  /** Une phrase : pourquoi cette fiche, ce qu'on y trouve. */
  why: string;
  /** Identifiants de rédactions types utiles à cette étape (facultatif). */
  annexe?: string[];
}

/** Une étape prête à afficher. */
export interface ResolvedStep {
  code: string;
  question: string;
  why: string;
  title: string;
  annexe: { id: string; title: string }[];
}

export interface FicheInfo { code: string; title: string }

/**
 * Vérifie les étapes d'un parcours et y joint le titre des fiches et des rédactions types.
 * Un code de fiche ou un identifiant de rédaction inconnu lève une erreur en français qui nomme la page.
 */
export function resolveReadingPath(
  steps: ReadingStep[],
  fiches: FicheInfo[],
  redactions: ReadonlyMap<string, string>,
  page = 'une page « Vous êtes… »',
): ResolvedStep[] {
  const where = `Parcours de lecture (${page})`;
  if (!Array.isArray(steps) || steps.length === 0) throw new Error(`${where} : aucune étape.`);
  const seen = new Set<string>();
  return steps.map((step, index) => {
    const n = index + 1;
    const code = String(step.code ?? '').trim().toUpperCase();
    const fiche = fiches.find((f) => f.code === code);
    if (!fiche) {
      const known = fiches.map((f) => f.code).join(', ');
      throw new Error(`${where}, étape ${n} : la fiche « ${step.code} » n’existe pas. Codes existants : ${known}.`);
    }
    if (seen.has(code)) throw new Error(`${where}, étape ${n} : la fiche ${code} figure déjà dans le parcours.`);
    seen.add(code);
    if (!step.question?.trim()) throw new Error(`${where}, étape ${n} (${code}) : la question est vide.`);
    if (!step.why?.trim()) throw new Error(`${where}, étape ${n} (${code}) : la phrase d’explication est vide.`);
    const annexe = (step.annexe ?? []).map((id) => {
      const title = redactions.get(id);
      if (title === undefined) {
        const known = [...redactions.keys()].join(', ') || 'aucune';
        throw new Error(`${where}, étape ${n} (${code}) : la rédaction type « ${id} » n’existe pas. Identifiants existants : ${known}.`);
      }
      return { id, title };
    });
    return {
      code,
      question: frenchTypography(step.question.trim()),
      why: frenchTypography(step.why.trim()),
      title: fiche.title,
      annexe,
    };
  });
}
