/**
 * `<cp-viewing-history>` (ViewingHistory.astro): the performances the signed-in user reviewed,
 * with their rating, newest first, from GET /api/profile/history.
 */
import type { ViewingHistory } from '../../../api/history/schemas.ts';
import { formatRating } from '../../lib/format.ts';
import { element } from '../dom.ts';
import { LIST_PER_PAGE, PagedList, performanceRow } from '../paged-list.ts';
import { formatDay } from '../reviews/review-view.ts';

type Entry = ViewingHistory['history'][number];

class ViewingHistoryList extends PagedList<Entry, ViewingHistory> {
	protected emptyText = '아직 후기를 남긴 공연이 없습니다. 본 공연에 후기를 남겨 보세요.';

	protected url(page: number): string {
		return `/api/profile/history?page=${page}&perPage=${LIST_PER_PAGE}`;
	}

	protected itemsOf({ history, paging }: ViewingHistory) {
		return { items: history, paging };
	}

	protected render(entry: Entry): HTMLLIElement {
		const seen = entry.seenOn === null ? '' : ` · ${formatDay(entry.seenOn)} 관람`;
		return performanceRow(
			entry.performance,
			element('p', 'small mb-0', `내 별점 ★ ${formatRating(entry.rating)}${seen}`),
		);
	}
}

customElements.define('cp-viewing-history', ViewingHistoryList);
