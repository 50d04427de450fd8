// @ts-check
/**
 * Le message « Nouvelle version disponible » de la copie hors ligne (voir src/components/OfflineUpdate.astro).
 * Chargé par src/scripts/offline-copy.ts seulement quand une nouvelle version du site attend ou vient de prendre la
 * main depuis une autre page : rien de ce module ne s'exécute au chargement d'une page. Au clic, la version en
 * attente prend la main et la page se recharge.
 */
const sw = navigator.serviceWorker;
const message = document.querySelector('[data-offline-message]');
const button = document.querySelector('[data-offline-reload]');
/** Délai au-delà duquel la page est rechargée même si la nouvelle version n'a pas encore pris la main. */
const TAKEOVER_WAIT_MS = 4000;
if (message instanceof HTMLElement && button instanceof HTMLButtonElement) {
  button.onclick = async () => {
    // La version en attente est lue au clic, pas au chargement de ce module : entre-temps, une autre page a pu la
    // faire prendre la main (elle n'attend plus : recharger suffit) ou une version plus récente l'a remplacée.
    const waiting = (await sw.getRegistration())?.waiting;
    if (!waiting) return location.reload();
    sw.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
    // Filet : un bouton qui ne fait rien serait pire qu'une page rechargée. Si la nouvelle version tarde, la page est
    // rechargée quand même ; si elle attend encore, le message revient et le lecteur peut réessayer.
    setTimeout(() => location.reload(), TAKEOVER_WAIT_MS);
  };
  button.hidden = false;
  // Le texte est dans la page (data-text) ; l'écrire dans la région « status » le fait annoncer.
  message.textContent = message.dataset.text ?? '';
}

// Un module, chargé par import().
export {};
