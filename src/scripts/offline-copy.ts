/**
 * Enregistrement du service worker de la copie hors ligne (src/integrations/offline.ts), après le chargement de la
 * page : la mise en cache du site ne dispute pas le réseau à la page elle-même. Exécuté sur chaque page, donc réduit
 * au minimum (budget de JavaScript des fiches, scripts/bench-budgets.json) : le message de mise à jour
 * (public/offline-update.js) n'est chargé que lorsqu'une nouvelle version attend, à l'ouverture d'une page ou dès
 * qu'elle a fini de s'installer pendant la lecture. Rien n'est enregistré en mode développement.
 */
import { SERVICE_WORKER_FILE, UPDATE_PROMPT_FILE } from '../lib/offline';

const base = import.meta.env.BASE_URL; // « / » ou « /recueil/ » : dossier de sw.js, donc portée du service worker
const sw = navigator.serviceWorker;

if (import.meta.env.PROD) {
  addEventListener('load', () =>
    sw?.register(base + SERVICE_WORKER_FILE).then((registration) => {
      // Une version qui attend alors qu'une autre sert déjà la page est une mise à jour (à la première visite, aucune).
      // Import sans analyse : un import analysé tirerait l'aide de préchargement de Vite (1,7 Ko) sur chaque page.
      const check = () => registration.waiting && sw.controller && import(/* @vite-ignore */ base + UPDATE_PROMPT_FILE);
      check();
      registration.onupdatefound = () => (registration.installing!.onstatechange = check);
    }),
  );
}
