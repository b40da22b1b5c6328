/** The choices of the search page's filters, from what the catalogue holds. */

import { addDays, monthsBetween } from '../../../core/calendar.ts';
import type { Catalog } from '../catalog.ts';
import { compareGenres, type Genre } from '../genres.ts';
import { ALL_REGIONS, type Region } from '../regions.ts';

export interface SearchOptions {
	genres: Genre[];
	regions: Region[];
	/** `YYYY-MM`, oldest first. */
	months: string[];
}

/** How far back and ahead the month filter reaches from the build date. */
const MONTHS_BACK_DAYS = 365;
const MONTHS_AHEAD_DAYS = 730;

/**
 * The months a performance is filed under for the month filter: its run, clipped to the months
 * the filter offers (a ten-year open run would otherwise add 120 filter values to the index).
 */
export function searchMonths(startDate: string, endDate: string, today: string): string[] {
	const floor = addDays(today, -MONTHS_BACK_DAYS);
	const ceiling = addDays(today, MONTHS_AHEAD_DAYS);
	const from = startDate < floor ? floor : startDate;
	const to = endDate > ceiling ? ceiling : endDate;
	return from > to ? [] : monthsBetween(from, to);
}

export function searchOptions(catalog: Catalog): SearchOptions {
	const genres = new Map<string, Genre>();
	const regionCodes = new Set<string>();
	let first: string | null = null;
	let last: string | null = null;
	for (const summary of catalog.summaries.values()) {
		genres.set(summary.genre.code, summary.genre);
		if (summary.region !== null) regionCodes.add(summary.region.code);
		if (first === null || summary.startDate < first) first = summary.startDate;
		if (last === null || summary.endDate > last) last = summary.endDate;
	}
	const floor = addDays(catalog.today, -MONTHS_BACK_DAYS);
	const ceiling = addDays(catalog.today, MONTHS_AHEAD_DAYS);
	const from = first === null || first < floor ? floor : first;
	const to =
		last === null || last > ceiling ? ceiling : last < catalog.today ? catalog.today : last;
	return {
		genres: [...genres.values()].sort(compareGenres),
		regions: ALL_REGIONS.filter((region) => regionCodes.has(region.code)),
		months: monthsBetween(from, to),
	};
}
