/**
 * Le champ de la recherche de l'en-tête, sa phrase d'état et ses résultats, chargés à la demande par
 * site-search.ts (au survol, au focus ou à l'ouverture) : rien de ceci n'est exécuté sur une page où l'on ne cherche pas.
 */
import { loadPagefind } from '../../lib/pagefind-client';
import { normaliseQuery } from '../../lib/search-text';
import { resultView, statusText, type SearchResultView } from '../../lib/search-results';

/** Résultats affichés dans la boîte ; la page /recherche/ les montre tous. */
const SHOWN = 5;

/** Charge pagefind.js, son index et son wasm avant la première frappe. */
export const warm = (base: string) => loadPagefind(base).then((api) => api.init());

export class SearchBox {
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
		// Ce qui a été tapé pendant le chargement de ce module.
		if (input.value) void this.search(input.value);
	}

	private async search(query: string) {
		const id = ++this.run;
		this.advanced.href = query.trim() ? `${this.advancedBase}?q=${encodeURIComponent(query.trim())}` : this.advancedBase;
		const term = normaliseQuery(query);
		if (!term) {
			this.show([], '');
			return;
		}
		const api = await loadPagefind(this.base);
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

for (const root of document.querySelectorAll<HTMLElement>('site-search')) {
	const input = root.querySelector<HTMLInputElement>('input[data-search-input]');
	if (!input) continue;
	const base = root.dataset.base ?? '';
	new SearchBox(base, input, root);
	void warm(base);
}
