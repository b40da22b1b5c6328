/** The home page's sections, chosen from the catalogue as of the build date. */

import { addDays, overlaps, weekendOf } from '../../core/calendar.ts';
import type { Catalog, PerformanceSummary } from './catalog.ts';
import { compareGenres, type Genre } from './genres.ts';
import type { Region } from './regions.ts';

export interface HomeSections {
	weekend: { saturday: string; sunday: string; items: PerformanceSummary[] };
	nowShowing: PerformanceSummary[];
	openingSoon: PerformanceSummary[];
	closingSoon: PerformanceSummary[];
	genres: { genre: Genre; count: number }[];
	regions: { region: Region; count: number }[];
}

export const SECTION_SIZE = 8;
/** "Soon" on the home page: within two weeks. */
export const SOON_DAYS = 14;

function byPopularity(a: PerformanceSummary, b: PerformanceSummary): number {
	// Reviewed shows first, then the poster-bearing ones: a home page of grey boxes helps nobody.
	return (
		(b.rating?.count ?? 0) - (a.rating?.count ?? 0) ||
		Number(b.poster !== null) - Number(a.poster !== null) ||
		a.endDate.localeCompare(b.endDate) ||
		a.id.localeCompare(b.id)
	);
}

export function homeSections(catalog: Catalog): HomeSections {
	const today = catalog.today;
	const all = [...catalog.summaries.values()];
	const playsOnWeekend = (weekendRow: PerformanceSummary): boolean => {
		const row = catalog.performances.get(weekendRow.id);
		const slots = row?.scheduleSlots ?? [];
		// Without a parsed schedule the dates are all we know; with one, it must list a weekend day.
		return slots.length === 0 || slots.some((slot) => slot.day === 'sat' || slot.day === 'sun');
	};
	const weekend = weekendOf(today);
	const active = all.filter((item) => item.state !== 'finished');
	const genreCounts = new Map<string, { genre: Genre; count: number }>();
	const regionCounts = new Map<string, { region: Region; count: number }>();
	for (const item of active) {
		const genre = genreCounts.get(item.genre.code) ?? { genre: item.genre, count: 0 };
		genre.count += 1;
		genreCounts.set(item.genre.code, genre);
		if (item.region !== null) {
			const region = regionCounts.get(item.region.code) ?? { region: item.region, count: 0 };
			region.count += 1;
			regionCounts.set(item.region.code, region);
		}
	}
	return {
		weekend: {
			...weekend,
			items: all
				.filter(
					(item) =>
						overlaps(item.startDate, item.endDate, weekend.saturday, weekend.sunday) &&
						playsOnWeekend(item),
				)
				.sort(byPopularity)
				.slice(0, SECTION_SIZE),
		},
		nowShowing: all
			.filter((item) => item.state === 'running')
			.sort(byPopularity)
			.slice(0, SECTION_SIZE),
		openingSoon: all
			.filter((item) => item.startDate > today && item.startDate <= addDays(today, SOON_DAYS))
			.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id))
			.slice(0, SECTION_SIZE),
		closingSoon: all
			.filter((item) => item.state === 'running' && item.endDate <= addDays(today, SOON_DAYS))
			.sort((a, b) => a.endDate.localeCompare(b.endDate) || a.id.localeCompare(b.id))
			.slice(0, SECTION_SIZE),
		genres: [...genreCounts.values()].sort((a, b) => compareGenres(a.genre, b.genre)),
		regions: [...regionCounts.values()].sort((a, b) => b.count - a.count),
	};
}
