/**
 * `<cp-search>` (SearchForm.astro): runs the search page's form against the Pagefind index as the
 * visitor types, and shows the results in batches.
 */
import { runSearch, type SearchState } from './client-search.ts';
import { renderResult } from './render-result.ts';

// Results per batch (four rows of two): each costs a Pagefind fragment and a poster
// thumbnail, and 12 put the demo's first search at 162 KB, over its 150 KB budget (8: 141 KB).
const PAGE = 8;
const FIELDS = ['q', 'genre', 'region', 'state', 'sort', 'from', 'to'] as const;

class Search extends HTMLElement {
	private form!: HTMLFormElement;
	private sequence = 0;
	private shown = 0;
	private pending: (() => Promise<void>) | null = null;
	private debounce: ReturnType<typeof setTimeout> | undefined;

	connectedCallback(): void {
		const form = this.querySelector<HTMLFormElement>('[data-form]');
		if (form === null) return;
		this.form = form;
		const params = new URLSearchParams(location.search);
		for (const name of FIELDS) {
			const field = form.elements.namedItem(name);
			const value = params.get(name);
			if (
				value !== null &&
				(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)
			) {
				field.value = value;
			}
		}
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			clearTimeout(this.debounce);
			void this.search(true);
		});
		form.addEventListener('change', (event) => {
			if (!(event.target instanceof HTMLSelectElement)) return;
			clearTimeout(this.debounce);
			void this.search(true);
		});
		form.querySelector('[data-query]')?.addEventListener('input', () => {
			clearTimeout(this.debounce);
			this.debounce = setTimeout(() => void this.search(false), 250);
		});
		this.querySelector('[data-more]')?.addEventListener('click', () => void this.pending?.());
		if (FIELDS.some((name) => (params.get(name) ?? '') !== '')) void this.search(false);
	}

	private state(): SearchState {
		const data = new FormData(this.form);
		const read = (name: (typeof FIELDS)[number]): string => String(data.get(name) ?? '').trim();
		return {
			query: read('q'),
			genre: read('genre'),
			region: read('region'),
			state: read('state'),
			sort: read('sort'),
			from: read('from'),
			to: read('to'),
		};
	}

	private status(text: string): void {
		const status = this.querySelector('[data-status]');
		if (status !== null) status.textContent = text;
	}

	private async search(pushHistory: boolean): Promise<void> {
		const sequence = ++this.sequence;
		const state = this.state();
		const params = new URLSearchParams();
		const fields: [string, string][] = [
			['q', state.query],
			['genre', state.genre],
			['region', state.region],
			['state', state.state],
			['sort', state.sort],
			['from', state.from],
			['to', state.to],
		];
		for (const [key, value] of fields) if (value !== '') params.set(key, value);
		const url = `/search/${params.size > 0 ? `?${params}` : ''}`;
		if (pushHistory) history.pushState(null, '', url);
		else history.replaceState(null, '', url);
		const list = this.querySelector<HTMLOListElement>('[data-results]');
		const more = this.querySelector<HTMLButtonElement>('[data-more]');
		if (list === null || more === null) return;
		this.status('검색하는 중…');
		let outcome: Awaited<ReturnType<typeof runSearch>>;
		try {
			outcome = await runSearch(state);
		} catch {
			if (sequence === this.sequence)
				this.status('검색 색인을 불러오지 못했습니다. 잠시 후 다시 시도해 주세요.');
			return;
		}
		if (sequence !== this.sequence) return;
		if (outcome === null) {
			list.replaceChildren();
			more.hidden = true;
			this.status('검색어를 입력하거나 조건을 골라 주세요.');
			return;
		}
		list.replaceChildren();
		this.shown = 0;
		const showMore = async (): Promise<void> => {
			const batch = outcome.results.slice(this.shown, this.shown + PAGE);
			const data = await Promise.all(batch.map((result) => result.data()));
			if (sequence !== this.sequence) return;
			list.append(...data.map(renderResult));
			this.shown += batch.length;
			more.hidden = this.shown >= outcome.results.length;
		};
		this.pending = showMore;
		await showMore();
		if (sequence !== this.sequence) return;
		const total = outcome.results.length;
		this.status(
			total === 0
				? '검색 결과가 없습니다. 다른 검색어나 조건으로 찾아 보세요.'
				: `검색 결과 ${total.toLocaleString('ko-KR')}건`,
		);
	}
}

customElements.define('cp-search', Search);
