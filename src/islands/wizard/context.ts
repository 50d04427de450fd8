/** Ce que les étapes partagent avec la racine de l'assistant. */
import { createContext } from 'preact';
import type { Answers, WizardCatalog } from '../../lib/wizard/model';
import type { Layout, StepId } from '../../lib/wizard/steps';

export interface WizardApi {
  answers: Answers;
  catalog: WizardCatalog;
  /** Base du site (« / » ou « /recueil/ »). */
  base: string;
  layout: Layout;
  /** Remplace les réponses (ajout ou retrait d'un lot…). */
  update(change: (answers: Answers) => Answers): void;
  /** Va à une étape (lien « Modifier », progression). */
  goTo(step: StepId): void;
  /** Annonce un message aux lecteurs d'écran. */
  announce(message: string): void;
  /** Adresse d'une étape, pour les liens. */
  stepHref(step: StepId): string;
}

export interface DownloadState {
  status: 'idle' | 'working' | 'done' | 'error';
  message: string;
}

export const Wizard = createContext<WizardApi>(null as unknown as WizardApi);

/** Lien interne au site, préfixé de la base. */
export const siteHref = (base: string, path: string) => `${base.replace(/\/$/, '')}${path}`;

/** Lien vers une fiche (« C4 » → /fiches/c4/), comme `ficheHref` de src/lib/themes.ts, sans charger la liste des thèmes. */
export const ficheLink = (base: string, code: string) => siteHref(base, `/fiches/${code.toLowerCase()}/`);
