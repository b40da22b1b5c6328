/** Small factories for engine tests: a performance with only what the test is about. */
import { buildCatalogSnapshot, type CatalogSnapshot } from './catalog.ts';
import type { CatalogItem } from './features.ts';
import { NO_POPULARITY, type PopularitySignals } from './popularity.ts';

export const TODAY = '2026-05-01';

let counter = 0;

/** A musical in Seoul running over TODAY, with a fresh id unless given. */
export function item(fields: Partial<CatalogItem> = {}): CatalogItem {
	counter += 1;
	const id = fields.id ?? `PF${String(900_000 + counter)}`;
	return {
		id,
		title: `공연 ${id}`,
		startDate: '2026-04-01',
		endDate: '2026-06-30',
		genreCode: 'GGGA',
		genreName: '뮤지컬',
		venueId: null,
		areaCode: '11',
		tags: [],
		cast: [],
		crew: [],
		producers: [],
		flags: [],
		...fields,
	};
}

/** A snapshot whose vocabulary is every tag the items carry plus `extraTags`. */
export function catalogOf(
	items: readonly CatalogItem[],
	popularity: Partial<PopularitySignals> = {},
	extraTags: readonly string[] = [],
): CatalogSnapshot {
	const vocabulary = [...new Set([...items.flatMap((entry) => entry.tags), ...extraTags])].sort();
	return buildCatalogSnapshot(items, { ...NO_POPULARITY, ...popularity }, vocabulary);
}
