/**
 * Enregistrement du service worker de la copie hors ligne, et proposition de recharger quand une nouvelle version
 * du site a été mise en cache (voir src/components/OfflineUpdate.astro). Chargé sur chaque page : à garder minuscule.
 */
import { SERVICE_WORKER_FILE } from '../lib/offline';

export const UPDATE_MESSAGE = 'Nouvelle version disponible —';

/** Montre le message et le bouton ; au clic, la version en attente prend la main et la page se recharge. */
function offerUpdate(waiting: ServiceWorker) {
  const message = document.querySelector('[data-offline-message]');
  const button = document.querySelector<HTMLButtonElement>('[data-offline-reload]');
  if (!message || !button) return;
  button.onclick = () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  };
  button.hidden = false;
  message.textContent = UPDATE_MESSAGE;
}

/** `base` : la base du site (« / » ou « /recueil/ »), qui est aussi la portée du service worker. */
export async function registerOfflineCopy(base: string) {
  if (!('serviceWorker' in navigator)) return;
  const scope = base.endsWith('/') ? base : `${base}/`;
  // Un échec (navigateur qui refuse, stockage plein) laisse le site tel qu'en ligne : rien à signaler au lecteur.
  const registration = await navigator.serviceWorker.register(`${scope}${SERVICE_WORKER_FILE}`, { scope }).catch(() => null);
  if (!registration) return;
  // À la toute première visite, aucune page n'est encore servie par un service worker : rien à proposer.
  const isUpdate = () => navigator.serviceWorker.controller !== null;
  const watch = (worker: ServiceWorker) =>
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && isUpdate()) offerUpdate(worker);
    });
  if (registration.waiting && isUpdate()) offerUpdate(registration.waiting);
  // Une mise à jour peut avoir commencé avant que l'enregistrement ne réponde : on la suit aussi.
  if (registration.installing) watch(registration.installing);
  registration.addEventListener('updatefound', () => registration.installing && watch(registration.installing));
}
