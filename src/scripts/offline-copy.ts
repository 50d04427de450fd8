/**
 * Enregistrement du service worker de la copie hors ligne (src/integrations/offline.ts), après le chargement de la
 * page : la mise en cache du site ne dispute pas le réseau à la page elle-même. Exécuté sur chaque page, donc réduit
 * au minimum (budget de JavaScript des fiches, scripts/bench-budgets.json) : le message de mise à jour
 * (public/offline-update.js) n'est chargé que lorsqu'une nouvelle version attend, à l'ouverture d'une page ou dès
 * qu'elle a fini de s'installer pendant la lecture. Rien n'est enregistré en mode développement.
 */
import { SERVICE_WORKER_FILE, UPDATE_PROMPT_FILE } from '../lib/offline';

const base = import.meta.env.BASE_URL; // « / » ou « /recueil/ » : dossier de sw.js, donc portée du service worker
// Absent hors contexte sécurisé (site servi en http ailleurs qu'en local), bien que le type DOM le dise toujours là.
const sw = navigator.serviceWorker as ServiceWorkerContainer | undefined;

if (import.meta.env.PROD) {
  addEventListener('load', () => {
    // Le message est écrit dans le pied de page, sous le contenu ; fixé en bas de l'écran, il passerait sous la colonne
    // « Sur cette page » de Starlight, qui intercepterait le clic. Déplacé dans <body>, avant tout message (la région
    // annoncée existe ainsi bien avant d'être remplie).
    const box = document.querySelector('.offline-update');
    if (box) document.body.append(box);
    // Import sans analyse : un import analysé tirerait l'aide de préchargement de Vite (1,7 Ko) sur chaque page.
    const prompt = () => void import(/* @vite-ignore */ base + UPDATE_PROMPT_FILE);
    // Une autre page a fait prendre la main à une nouvelle version : celle-ci tourne encore sur l'ancienne, dont les
    // fichiers quittent le cache ; on propose de recharger. (À la première visite, aucune version ne servait la page.)
    if (sw?.controller) sw.addEventListener('controllerchange', prompt, { once: true });
    // Paramètre facultatif : un navigateur piloté qui bloque les service workers (tests) résout sans enregistrement.
    sw?.register(base + SERVICE_WORKER_FILE).then((registration?: ServiceWorkerRegistration) => {
      if (!registration) return;
      // Une version qui attend alors qu'une autre sert déjà la page est une mise à jour (à la première visite, aucune).
      const check = () => {
        if (registration.waiting && sw.controller) prompt();
      };
      check();
      registration.onupdatefound = () => (registration.installing!.onstatechange = check);
    }).catch(() => {
      // Pas de copie hors ligne (navigation privée, sw.js absent) : le site reste lisible en ligne, rien à signaler.
    });
  });
}
