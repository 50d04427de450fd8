// @ts-check
/**
 * Le message « Nouvelle version disponible » de la copie hors ligne (voir src/components/OfflineUpdate.astro).
 * Chargé par src/scripts/offline-copy.ts seulement quand une nouvelle version du site attend ou vient de prendre la
 * main depuis une autre page : rien de ce module
 * ne s'exécute au chargement d'une page. Au clic, la version en attente prend la main et la page se recharge.
 */
const sw = navigator.serviceWorker;
const waiting = (await sw.getRegistration())?.waiting;
const message = document.querySelector('[data-offline-message]');
const button = document.querySelector('[data-offline-reload]');
if (message instanceof HTMLElement && button instanceof HTMLButtonElement) {
  button.onclick = () => {
    // Une version en attente prend la main, puis la page se recharge. Si une autre page l'a déjà fait (elle n'attend
    // plus, « controllerchange » est passé), recharger suffit.
    if (waiting?.state !== 'installed') return location.reload();
    sw.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  };
  button.hidden = false;
  // Le texte est dans la page (data-text) ; l'écrire dans la région « status » le fait annoncer.
  message.textContent = message.dataset.text ?? '';
}

// Un module (chargé par import()) : son « await » de premier niveau est permis.
export {};
