/**
 * Boîte de recherche de l'en-tête (voir Search.astro). L'ouverture et la fermeture viennent de Starlight,
 * entre les marques « starlight:début / fin » ; le reste est à nous : Pagefind chargé au premier survol ou
 * focus du bouton (ou à l'ouverture), requête préparée pour le français, résultats affichés sans l'interface
 * de Pagefind, lien vers la page de recherche avec filtres qui reprend la requête.
 */
import { loadPagefind, type PagefindApi } from '../../lib/pagefind-client';
import { normaliseQuery } from '../../lib/search-text';
import { resultView, statusText, type SearchResultView } from '../../lib/search-results';

/** Résultats affichés dans la boîte ; la page /recherche/ les montre tous. */
const SHOWN = 5;

class SiteSearch extends HTMLElement {
	constructor() {
		super();
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

		const input = this.querySelector<HTMLInputElement>('input[data-search-input]');
		if (!input) return; // serveur de développement : pas d'index, Starlight affiche son avertissement
		new SearchBox(this.dataset.base ?? '', input, this);
		// Chargement à l'avance : le focus du champ suit l'ouverture (openModal ci-dessus) et le raccourci clavier.
		const warm = () => void loadPagefind(this.dataset.base ?? '').then((api) => api.init());
		for (const type of ['pointerenter', 'focus']) openBtn.addEventListener(type, warm, { once: true });
		input.addEventListener('focus', warm, { once: true });
	}
}

/** Le champ, la phrase d'état et la liste des résultats. */
class SearchBox {
	private run = 0;
	private readonly status: HTMLElement;
	private readonly list: HTMLOListElement;
	private readonly advanced: HTMLAnchorElement;
	private readonly advancedBase: string;

	constructor(private readonly base: string, input: HTMLInputElement, root: HTMLElement) {
		this.status = root.querySelector<HTMLElement>('[data-search-status]')!;
		this.list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
		this.advanced = root.querySelector<HTMLAnchorElement>('a[data-advanced-search]')!;
		this.advancedBase = this.advanced.getAttribute('href')!;
		input.addEventListener('input', () => void this.search(input.value));
	}

	private async search(query: string) {
		const id = ++this.run;
		this.advanced.href = query.trim() ? `${this.advancedBase}?q=${encodeURIComponent(query.trim())}` : this.advancedBase;
		const term = normaliseQuery(query);
		if (!term) return this.show([], '');
		const api: PagefindApi = await loadPagefind(this.base);
		const response = await api.search(term);
		if (id !== this.run) return; // une frappe plus récente a pris le relais
		const data = await Promise.all(response.results.slice(0, SHOWN).map((r) => r.data()));
		if (id !== this.run) return;
		this.show(data.map(resultView), statusText(response.results.length, query, SHOWN));
	}

	private show(results: SearchResultView[], status: string) {
		this.status.textContent = status;
		this.list.replaceChildren(...results.map(renderResult));
	}
}

function renderResult(r: SearchResultView): HTMLLIElement {
	const li = document.createElement('li');
	li.append(link(r.url, r.title, 'search-result-title'), excerpt(r.excerpt));
	if (r.sections.length > 0) {
		const sub = document.createElement('ul');
		sub.append(...r.sections.map(section));
		li.append(sub);
	}
	return li;
}

function section(s: SearchResultView['sections'][number]): HTMLLIElement {
	const li = document.createElement('li');
	li.append(link(s.url, s.title, 'search-section-title'), excerpt(s.excerpt));
	return li;
}

function link(href: string, text: string, className: string): HTMLAnchorElement {
	return Object.assign(document.createElement('a'), { href, textContent: text, className });
}

function excerpt(html: string): HTMLParagraphElement {
	const p = document.createElement('p');
	p.className = 'search-excerpt';
	p.innerHTML = html; // extrait produit par Pagefind (texte échappé, mots trouvés en <mark>) à partir de nos pages
	return p;
}

customElements.define('site-search', SiteSearch);
