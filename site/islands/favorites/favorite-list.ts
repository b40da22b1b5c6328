/**
 * `<cp-favorite-list>` (FavoriteList.astro): the 내 프로필 page's favorites, most recently added
 * first, from GET /api/favorites.
 */
import type { FavoriteList } from '../../../api/favorites/schemas.ts';
import { element } from '../dom.ts';
import { LIST_PER_PAGE, PagedList, performanceRow } from '../paged-list.ts';

type Entry = FavoriteList['favorites'][number];

const ADDED = new Intl.DateTimeFormat('ko-KR', { dateStyle: 'medium', timeZone: 'Asia/Seoul' });

class Favorites extends PagedList<Entry, FavoriteList> {
	protected emptyText = '아직 찜한 공연이 없습니다. 공연 페이지에서 ♡ 찜하기를 눌러 보세요.';

	protected url(page: number): string {
		return `/api/favorites?page=${page}&perPage=${LIST_PER_PAGE}`;
	}

	protected itemsOf({ favorites, paging }: FavoriteList) {
		return { items: favorites, paging };
	}

	protected render(entry: Entry): HTMLLIElement {
		return performanceRow(
			entry.performance,
			element('p', 'small mb-0', `${ADDED.format(new Date(entry.addedAt))}에 찜함`),
		);
	}
}

customElements.define('cp-favorite-list', Favorites);
