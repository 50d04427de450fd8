/** Ce que les étapes partagent avec la racine de l'assistant : la session, le catalogue et de quoi agir. */
import { createContext } from 'preact';
import type { Answers, WizardCatalog } from '../../lib/wizard/model';
import type { Action, Session } from '../../lib/wizard/session';
import type { StepId } from '../../lib/wizard/steps';

export interface WizardApi {
  session: Session;
  answers: Answers;
  catalog: WizardCatalog;
  /** Base du site (« / » ou « /recueil/ »). */
  base: string;
  /** Transmet une action à la session (src/lib/wizard/session.ts). */
  act: (action: Action) => void;
  /** Adresse d'une étape, pour les liens. */
  stepHref: (step: StepId) => string;
}

export const Wizard = createContext<WizardApi>(null as unknown as WizardApi);

/** Lien interne au site, préfixé de la base. */
export const siteHref = (base: string, path: string) => `${base.replace(/\/$/, '')}${path}`;

/** Lien vers une fiche (« C4 » → /fiches/c4/), comme `ficheLink` de src/lib/themes.ts, sans charger la liste des thèmes. */
export const ficheLink = (base: string, code: string) => siteHref(base, `/fiches/${code.toLowerCase()}/`);
