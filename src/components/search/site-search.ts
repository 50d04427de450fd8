/**
 * Boîte de recherche de l'en-tête (voir Search.astro). L'ouverture et la fermeture viennent de Starlight,
 * entre les marques « starlight:début / fin » ; le reste est à nous : Pagefind chargé au premier survol ou
 * focus du bouton (ou à l'ouverture), requête préparée pour le français, résultats affichés sans l'interface
 * de Pagefind, lien vers la page de recherche avec filtres qui reprend la requête.
 */

/**
 * Adresse de search-box.ts construit en un seul fichier, sans import. Vite le construit comme un worker (c'est sa
 * seule façon de produire un fichier autonome et de donner son adresse), mais il s'exécute dans la page : un
 * import() ferait charger à chaque page l'aide de préchargement de Vite (1,7 Ko), ce que le budget de JavaScript
 * d'une fiche ne laisse pas.
 */
import boxUrl from './search-box?worker&url';

class SiteSearch extends HTMLElement {
	constructor() {
		super();
		/* eslint-disable @typescript-eslint/no-unnecessary-boolean-literal-compare, @typescript-eslint/no-unused-expressions -- passage de Starlight gardé mot pour mot (tests/unit/search-fork.test.ts) */
		// starlight:début
		const openBtn = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
		const closeBtn = this.querySelector<HTMLButtonElement>('button[data-close-modal]')!;
		const dialog = this.querySelector('dialog')!;
		const dialogFrame = this.querySelector('.dialog-frame')!;

		/** Close the modal if a user clicks on a link or outside of the modal. */
		const onClick = (event: MouseEvent) => {
			const isLink = 'href' in (event.target || {});
			if (
				isLink ||
				(document.body.contains(event.target as Node) &&
					!dialogFrame.contains(event.target as Node))
			) {
				closeModal();
			}
		};

		const openModal = (event?: MouseEvent) => {
			dialog.showModal();
			document.body.toggleAttribute('data-search-modal-open', true);
			this.querySelector('input')?.focus();
			event?.stopPropagation();
			window.addEventListener('click', onClick);
		};

		const closeModal = () => dialog.close();

		openBtn.addEventListener('click', openModal);
		openBtn.disabled = false;
		closeBtn.addEventListener('click', closeModal);

		dialog.addEventListener('close', () => {
			document.body.toggleAttribute('data-search-modal-open', false);
			window.removeEventListener('click', onClick);
		});

		// Listen for `ctrl + k` and `cmd + k` keyboard shortcuts.
		window.addEventListener('keydown', (e) => {
			if ((e.metaKey === true || e.ctrlKey === true) && e.key === 'k') {
				dialog.open ? closeModal() : openModal();
				e.preventDefault();
			}
		});
		// starlight:fin
		/* eslint-enable @typescript-eslint/no-unnecessary-boolean-literal-compare, @typescript-eslint/no-unused-expressions */

		const input = this.querySelector<HTMLInputElement>('input[data-search-input]');
		if (!input) return; // serveur de développement : pas d'index, Starlight affiche son avertissement
		// Le champ, les résultats et Pagefind (search-box.ts) sont chargés au survol ou au focus du bouton, ou au focus
		// du champ, qui suit l'ouverture (openModal ci-dessus) : une page où l'on ne cherche pas n'en exécute rien.
		let started = false;
		const start = () => {
			if (started) return;
			started = true;
			// pagefind.js en même temps que notre script, qui l'importe : un aller-retour de moins avant le premier résultat.
			const pagefind = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: `${this.dataset.base ?? ''}/pagefind/pagefind.js` });
			document.head.append(pagefind, Object.assign(document.createElement('script'), { type: 'module', src: boxUrl }));
		};
		for (const type of ['pointerenter', 'focus']) openBtn.addEventListener(type, start);
		input.addEventListener('focus', start);
	}
}

customElements.define('site-search', SiteSearch);
