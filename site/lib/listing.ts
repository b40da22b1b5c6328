/** Sorted, paginated lists of performances for genre and region pages (all pre-rendered). */
import type { PerformanceSummary } from './catalog.ts';

export type ListingSort = 'opening' | 'closing' | 'rating';

export interface SortOption {
	key: ListingSort;
	label: string;
	/** The path segment after the listing's base path; '' for the default. */
	segment: string;
}

export const SORTS: readonly SortOption[] = [
	{ key: 'opening', label: '개막일순', segment: '' },
	{ key: 'closing', label: '마감임박순', segment: 'closing-soon' },
	{ key: 'rating', label: '평점순', segment: 'rating' },
];

/** Four rows of four on a desktop; two columns of eight on a phone. */
export const PAGE_SIZE = 16;

export interface ListingPage {
	sort: SortOption;
	page: number;
	pageCount: number;
	total: number;
	items: PerformanceSummary[];
}

const comparators: Readonly<
	Record<ListingSort, (a: PerformanceSummary, b: PerformanceSummary) => number>
> = {
	// Newest opening first: what just opened or opens next leads, long runs sink.
	opening: (a, b) => b.startDate.localeCompare(a.startDate) || a.id.localeCompare(b.id),
	closing: (a, b) => a.endDate.localeCompare(b.endDate) || a.id.localeCompare(b.id),
	// Rated shows by average, ties by number of reviews; unrated last by opening date.
	rating: (a, b) =>
		(b.rating?.average ?? -1) - (a.rating?.average ?? -1) ||
		(b.rating?.count ?? 0) - (a.rating?.count ?? 0) ||
		b.startDate.localeCompare(a.startDate) ||
		a.id.localeCompare(b.id),
};

/** The path segment(s) after the base path: '', '2/', 'rating/', 'rating/3/'. */
export function listingSegment(sort: SortOption, page: number): string | undefined {
	const parts = [sort.segment, page > 1 ? String(page) : ''].filter((part) => part !== '');
	return parts.length === 0 ? undefined : parts.join('/');
}

export function listingPath(basePath: string, sort: SortOption, page: number): string {
	const segment = listingSegment(sort, page);
	return segment === undefined ? basePath : `${basePath}${segment}/`;
}

/** Every page of every sort of a list: what getStaticPaths renders. */
export function paginate(items: readonly PerformanceSummary[]): ListingPage[] {
	const pages: ListingPage[] = [];
	const pageCount = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
	for (const sort of SORTS) {
		const sorted = [...items].sort(comparators[sort.key]);
		for (let page = 1; page <= pageCount; page += 1) {
			pages.push({
				sort,
				page,
				pageCount,
				total: items.length,
				items: sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
			});
		}
	}
	return pages;
}
