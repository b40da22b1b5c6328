import { expect, test } from 'vitest';
import type { PerformanceSummary } from './catalog.ts';
import { listingPath, PAGE_SIZE, paginate, SORTS } from './listing.ts';

function summary(index: number, rating: number | null): PerformanceSummary {
	const day = String((index % 28) + 1).padStart(2, '0');
	return {
		id: `PF${1000 + index}`,
		path: `/performances/PF${1000 + index}/`,
		title: `공연 ${index}`,
		startDate: `2026-10-${day}`,
		endDate: `2026-12-${day}`,
		state: 'running',
		genre: { code: 'GGGA', slug: 'musical', name: '뮤지컬' },
		region: null,
		venueId: null,
		venueName: '극장',
		hallName: null,
		poster: null,
		rating: rating === null ? null : { average: rating, count: 1, histogram: [0, 0, 0, 0, 1] },
	};
}

test('pages every sort order with the same page count', () => {
	const items = Array.from({ length: PAGE_SIZE * 2 + 1 }, (_, index) => summary(index, null));
	const pages = paginate(items);
	expect(pages).toHaveLength(3 * SORTS.length);
	expect(pages.every((page) => page.pageCount === 3 && page.total === items.length)).toBe(true);
	expect(pages.filter((page) => page.page === 3).every((page) => page.items.length === 1)).toBe(
		true,
	);
});

test('sorts by closing date and by rating with unrated shows last', () => {
	const items = [summary(5, null), summary(3, 4.5), summary(1, 2)];
	const [byClosing] = paginate(items).filter((page) => page.sort.key === 'closing');
	expect(byClosing?.items.map((item) => item.id)).toEqual(['PF1001', 'PF1003', 'PF1005']);
	const [byRating] = paginate(items).filter((page) => page.sort.key === 'rating');
	expect(byRating?.items.map((item) => item.id)).toEqual(['PF1003', 'PF1001', 'PF1005']);
});

test('builds paths with the default sort and first page left out', () => {
	const [opening, closing] = SORTS;
	if (opening === undefined || closing === undefined) throw new Error('SORTS');
	expect(listingPath('/genres/musical/', opening, 1)).toBe('/genres/musical/');
	expect(listingPath('/genres/musical/', opening, 2)).toBe('/genres/musical/2/');
	expect(listingPath('/genres/musical/', closing, 1)).toBe('/genres/musical/closing-soon/');
	expect(listingPath('/genres/musical/', closing, 3)).toBe('/genres/musical/closing-soon/3/');
});
