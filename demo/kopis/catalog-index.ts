/**
 * What the local KOPIS server looks records up by. Rebuilt whenever the dataset's version
 * changes; list filters scan a pre-sorted array of numbers and lower-cased text, and the
 * matches for each distinct filter are kept, so walking pages costs a slice and a join.
 */

import type { GenreCode } from '../../core/kopis-genres.ts';
import type { PerformanceState } from '../../core/performance-state.ts';
import { dayNumber, timestampDay } from '../dataset/dates.ts';
import {
	type DemoDataset,
	type DemoHall,
	type DemoImage,
	type DemoPerformance,
	type DemoVenue,
	demoPerformanceState,
} from '../dataset/model.ts';

export interface IndexedPerformance {
	record: DemoPerformance;
	venue: DemoVenue | null;
	hall: DemoHall | null;
	start: number;
	end: number;
	/** The later of the registration and update days (what `afterdate` compares). */
	changedDay: number;
	state: PerformanceState;
	title: string;
	venueName: string;
	/** Rendered XML, filled on first use. */
	listXml: string | null;
	detailXml: string | null;
}

export interface IndexedImage {
	image: DemoImage;
	performanceId: string;
}

export interface CatalogIndex {
	version: number;
	today: string;
	/** Newest registered first, the order KOPIS lists in. */
	performances: IndexedPerformance[];
	performanceById: Map<string, IndexedPerformance>;
	/** Sorted by name (code-point order: digits, Latin, Hangul), as KOPIS's facility list. */
	venues: DemoVenue[];
	venueById: Map<string, DemoVenue>;
	venueChangedDay: Map<string, number>;
	images: Map<string, IndexedImage>;
	listCache: Map<string, IndexedPerformance[]>;
	/** Rendered box-office documents by request. */
	boxOfficeCache: Map<string, string>;
}

export interface PerformanceFilter {
	start: number;
	end: number;
	title: string | null;
	venueName: string | null;
	genre: string | null;
	place: string | null;
	region: string | null;
	sigungu: string | null;
	child: boolean | null;
	state: PerformanceState | null;
	openRun: boolean | null;
	afterDay: number | null;
}

export interface VenueFilter {
	name: string | null;
	type: string | null;
	region: string | null;
	sigungu: string | null;
	afterDay: number | null;
}

const LIST_CACHE_LIMIT = 500;

/** `fcltychartr` filter codes to the labels responses carry (docs/kopis/API.md §7.5). */
export const FACILITY_TYPE_CODES: Record<string, string> = {
	'1': '중앙정부',
	'2': '공공(문예회관)',
	'3': '공공(기타)',
	'4': '민간(대학로)',
	'5': '민간(대학로 외)',
	'6': '기타(해외등)',
	'7': '기타(비공연장)',
};

function byText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function buildCatalogIndex(dataset: DemoDataset): CatalogIndex {
	const today = dataset.generatedOn;
	const venueById = new Map(dataset.venues.map((venue) => [venue.id, venue]));
	const hallById = new Map(
		dataset.venues.flatMap((venue) => venue.halls.map((hall) => [hall.id, hall] as const)),
	);
	const images = new Map<string, IndexedImage>();
	const performances = dataset.performances.map((record): IndexedPerformance => {
		for (const image of [record.poster, ...record.introImages]) {
			images.set(image.path, { image, performanceId: record.id });
		}
		const venue = venueById.get(record.venueId) ?? null;
		return {
			record,
			venue,
			hall: hallById.get(record.hallId) ?? null,
			start: dayNumber(record.startDate),
			end: dayNumber(record.endDate),
			changedDay: Math.max(timestampDay(record.registeredAt), timestampDay(record.updatedAt)),
			state: demoPerformanceState(record, today),
			title: record.title.toLowerCase(),
			venueName: (venue?.name ?? '').toLowerCase(),
			listXml: null,
			detailXml: null,
		};
	});
	performances.sort((a, b) => byText(b.record.id, a.record.id));
	const venues = [...dataset.venues].sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
	return {
		version: dataset.version,
		today,
		performances,
		performanceById: new Map(performances.map((entry) => [entry.record.id, entry])),
		venues,
		venueById,
		venueChangedDay: new Map(
			dataset.venues.map((venue) => [
				venue.id,
				Math.max(timestampDay(venue.registeredAt), timestampDay(venue.updatedAt)),
			]),
		),
		images,
		listCache: new Map(),
		boxOfficeCache: new Map(),
	};
}

function matches(entry: IndexedPerformance, filter: PerformanceFilter): boolean {
	// A run is listed in every window it overlaps (docs/kopis/API.md §2).
	if (entry.start > filter.end || entry.end < filter.start) return false;
	if (filter.genre !== null && entry.record.genre !== (filter.genre as GenreCode)) return false;
	if (filter.state !== null && entry.state !== filter.state) return false;
	if (filter.afterDay !== null && entry.changedDay < filter.afterDay) return false;
	if (filter.child !== null && entry.record.child !== filter.child) return false;
	if (filter.openRun !== null && entry.record.openRun !== filter.openRun) return false;
	if (filter.region !== null && entry.venue?.regionCode !== filter.region) return false;
	if (filter.sigungu !== null && entry.venue?.sigunguCode !== filter.sigungu) return false;
	if (filter.place !== null) {
		const field = filter.place.includes('-') ? entry.record.hallId : entry.record.venueId;
		if (field !== filter.place) return false;
	}
	if (filter.title !== null && !entry.title.includes(filter.title.toLowerCase())) return false;
	if (filter.venueName !== null && !entry.venueName.includes(filter.venueName.toLowerCase()))
		return false;
	return true;
}

export function filterPerformances(
	index: CatalogIndex,
	filter: PerformanceFilter,
): IndexedPerformance[] {
	const key = JSON.stringify(filter);
	const cached = index.listCache.get(key);
	if (cached !== undefined) return cached;
	const found = index.performances.filter((entry) => matches(entry, filter));
	if (index.listCache.size >= LIST_CACHE_LIMIT) index.listCache.clear();
	index.listCache.set(key, found);
	return found;
}

export function filterVenues(index: CatalogIndex, filter: VenueFilter): DemoVenue[] {
	const type = filter.type === null ? null : (FACILITY_TYPE_CODES[filter.type] ?? '');
	const name = filter.name?.toLowerCase() ?? null;
	return index.venues.filter(
		(venue) =>
			(name === null || venue.name.toLowerCase().includes(name)) &&
			(type === null || venue.facilityType === type) &&
			(filter.region === null || venue.regionCode === filter.region) &&
			(filter.sigungu === null || venue.sigunguCode === filter.sigungu) &&
			(filter.afterDay === null || (index.venueChangedDay.get(venue.id) ?? 0) >= filter.afterDay),
	);
}
