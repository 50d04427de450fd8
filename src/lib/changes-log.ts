/**
 * L'historique du recueil, lu et validé une fois par construction (content/changes.yaml) : page « Nouveautés »,
 * flux Atom et fin des fiches et rédactions types. Lu comme le glossaire, hors collection Astro, pour garder
 * l'ordre du fichier entre entrées du même jour ; une entrée invalide arrête la construction en la nommant.
 */
import { readChanges } from './content-files';

export const changes = readChanges();
