/**
 * `<cp-viewing-stats>` (ViewingStats.astro): reviews by genre, the average rating given and the
 * venue seen most, from GET /api/profile/stats.
 */
import type { ViewingStats } from '../../../api/history/schemas.ts';
import { formatRating } from '../../lib/format.ts';
import { callApi, failureMessage } from '../api-client.ts';
import { element } from '../dom.ts';

class Stats extends HTMLElement {
	connectedCallback(): void {
		void this.load();
	}

	private set(name: string, value: Node | string): void {
		this.querySelector(`[data-stat="${name}"]`)?.replaceChildren(value);
	}

	private async load(): Promise<void> {
		const status = this.querySelector('[data-status]');
		if (status !== null) status.textContent = '불러오는 중입니다…';
		const result = await callApi<ViewingStats>('/api/profile/stats');
		if (!result.ok) {
			if (status !== null) {
				status.textContent = `관람 통계를 불러오지 못했습니다. ${failureMessage(result)}`;
			}
			return;
		}
		this.render(result.data);
		status?.remove();
		this.querySelector<HTMLElement>('[data-content]')?.removeAttribute('hidden');
	}

	private render(stats: ViewingStats): void {
		this.set('reviewCount', `${stats.reviewCount.toLocaleString('ko-KR')}편`);
		this.set('favoriteCount', `${stats.favoriteCount.toLocaleString('ko-KR')}편`);
		this.set(
			'averageRating',
			stats.averageRating === null ? '아직 없음' : `★ ${formatRating(stats.averageRating)}`,
		);
		const venue = stats.topVenue;
		if (venue === null) this.set('topVenue', '아직 없음');
		else if (venue.id === null) this.set('topVenue', `${venue.name} (${venue.count}편)`);
		else {
			const link = element('a', '', venue.name);
			link.href = `/venues/${encodeURIComponent(venue.id)}/`;
			this.set('topVenue', element('span', '', link, ` (${venue.count}편)`));
		}
		const genres = stats.byGenre.map((genre) =>
			element('li', 'list-inline-item badge text-bg-light', `${genre.genreName} ${genre.count}편`),
		);
		this.querySelector('[data-genres]')?.replaceChildren(
			...(genres.length === 0 ? [element('li', 'text-body-secondary small', '아직 없음')] : genres),
		);
	}
}

customElements.define('cp-viewing-stats', Stats);
