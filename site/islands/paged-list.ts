/**
 * The paged lists of the 내 프로필 page (viewing history, favorites) as one island base: loading,
 * empty and error states in a status line, a retry button, previous/next pages. Items are built
 * with DOM calls and textContent only.
 */
import type { Paging } from '../../api/http/paging.ts';
import type { PerformanceCard } from '../../api/performances/card.ts';
import { STATE_LABELS } from '../../core/performance-state.ts';
import { formatRun } from '../lib/format.ts';
import { callApi, failureMessage } from './api-client.ts';
import { element } from './dom.ts';

/** Items per page of those lists. */
export const LIST_PER_PAGE = 10;

export abstract class PagedList<Item, Body> extends HTMLElement {
	private page = 1;

	/** The API address of one page. */
	protected abstract url(page: number): string;
	protected abstract itemsOf(body: Body): { items: Item[]; paging: Paging };
	protected abstract render(item: Item): HTMLLIElement;
	/** Shown when the user has none at all. */
	protected abstract emptyText: string;

	private piece<T extends HTMLElement>(name: string): T | null {
		return this.querySelector<T>(`[data-part="${name}"]`);
	}

	connectedCallback(): void {
		this.piece('prev')?.addEventListener('click', () => void this.load(this.page - 1, true));
		this.piece('next')?.addEventListener('click', () => void this.load(this.page + 1, true));
		this.piece('retry')?.addEventListener('click', () => void this.load(this.page, false));
		void this.load(1, false);
	}

	private status(text: string): void {
		const status = this.piece('status');
		if (status !== null) status.textContent = text;
	}

	private async load(page: number, moveFocus: boolean): Promise<void> {
		const list = this.piece('list');
		const retry = this.piece('retry');
		if (retry !== null) retry.hidden = true;
		list?.setAttribute('aria-busy', 'true');
		this.status('불러오는 중입니다…');
		const result = await callApi<Body>(this.url(page));
		list?.setAttribute('aria-busy', 'false');
		if (!result.ok) {
			this.status(`불러오지 못했습니다. ${failureMessage(result)}`);
			// Signed out: trying again cannot help.
			if (retry !== null) retry.hidden = result.status === 401;
			return;
		}
		const { items, paging } = this.itemsOf(result.data);
		this.page = paging.page;
		list?.replaceChildren(...items.map((item) => this.render(item)));
		this.status(
			paging.total === 0
				? this.emptyText
				: `모두 ${paging.total.toLocaleString('ko-KR')}편 · ${paging.page} / ${paging.pages} 페이지`,
		);
		const pager = this.piece('pager');
		if (pager !== null) pager.hidden = paging.pages <= 1;
		const prev = this.piece<HTMLButtonElement>('prev');
		const next = this.piece<HTMLButtonElement>('next');
		if (prev !== null) prev.disabled = paging.page <= 1;
		if (next !== null) next.disabled = paging.page >= paging.pages;
		if (moveFocus) this.piece('heading')?.focus();
	}
}

/** A list row for a performance: small poster, linked title, then the caller's details. */
export function performanceRow(
	card: PerformanceCard,
	...details: (Node | string)[]
): HTMLLIElement {
	const row = element('li', 'list-group-item d-flex gap-3 align-items-start');
	if (card.posterUrl !== null) {
		const poster = element('img', 'profile-poster rounded');
		poster.src = card.posterUrl;
		poster.alt = '';
		poster.width = 56;
		poster.height = 78;
		poster.loading = 'lazy';
		row.append(poster);
	}
	const link = element('a', 'fw-semibold', card.title);
	link.href = card.path;
	const facts = element(
		'p',
		'small text-body-secondary mb-0',
		`${STATE_LABELS[card.state]} · ${formatRun(card.startDate, card.endDate)} · ${card.venueName}`,
	);
	row.append(element('div', 'flex-grow-1', link, facts, ...details));
	return row;
}
