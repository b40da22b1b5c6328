/**
 * Validated KOPIS records → the insert shapes of db/schema. Pure: the same records (and `today`)
 * always give the same rows, which is what the sync's content hash relies on.
 */

import { htmlToText } from '../../core/html-text.ts';
import { areaCodeFromName, findArea } from '../../core/kopis-areas.ts';
import { genreCodeFromLabel } from '../../core/kopis-genres.ts';
import { stateFromLabel, stateOn } from '../../core/performance-state.ts';
import type { boxOfficeEntries, halls, performances, venues } from '../../db/schema/index.ts';
import { parseAgeMinimum, parsePeople, parseRuntimeMinutes } from './free-text.ts';
import { httpUrl } from './links.ts';
import { parsePriceTiers } from './prices.ts';
import type {
	BoxOfficeRecord,
	PerformanceDetailRecord,
	PerformanceListRecord,
	VenueDetailRecord,
	VenueListRecord,
} from './records.ts';
import { parseSchedule } from './schedule.ts';

export { parseAgeMinimum, parsePeople, parseRuntimeMinutes } from './free-text.ts';
export { type PriceTier, parsePriceTiers } from './prices.ts';
export { parseSchedule, type ScheduleSlot } from './schedule.ts';

type Row<T> = Omit<T, 'contentHash' | 'createdAt' | 'updatedAt'>;

export interface NormalizedPerformance {
	performance: Row<typeof performances.$inferInsert>;
	/** Positions count from 0 within each role. */
	people: { role: 'cast' | 'crew'; position: number; name: string }[];
	bookingLinks: { position: number; sellerName: string | null; url: string }[];
	/** The poster is `poster` position 0; intro images count from 0 too. */
	images: { kind: 'poster' | 'intro'; position: number; sourceUrl: string }[];
}

export interface NormalizedVenue {
	venue: Row<typeof venues.$inferInsert>;
	halls: (typeof halls.$inferInsert)[];
}

/**
 * One performance from its list row, its detail, or both (detail values win where both have
 * one). `today` (ISO, Korea) decides the state when KOPIS gives no label.
 */
export function normalizePerformance(
	list: PerformanceListRecord | null,
	detail: PerformanceDetailRecord | null,
	today: string,
): NormalizedPerformance {
	const base = detail ?? list;
	if (base === null) throw new TypeError('normalizePerformance needs a list row or a detail');
	if (list !== null && detail !== null && list.id !== detail.id) {
		throw new TypeError(`list row ${list.id} and detail ${detail.id} are different performances`);
	}
	const area = detail?.area ?? list?.area ?? null;
	const stateLabel = detail?.stateLabel ?? list?.stateLabel ?? null;
	const castText = detail?.castText ?? null;
	const crewText = detail?.crewText ?? null;
	const priceText = detail?.priceText ?? null;
	const priceTiers = parsePriceTiers(priceText);
	const prices = priceTiers.map((tier) => tier.price);
	const scheduleText = detail?.scheduleText ?? null;
	const posterUrl = httpUrl(detail?.posterUrl ?? null) ?? httpUrl(list?.posterUrl ?? null);
	const venueHallText = oneLine(detail?.venueHallText ?? null);
	const cast = parsePeople(castText);
	const crew = parsePeople(crewText);

	const performance: NormalizedPerformance['performance'] = {
		id: base.id,
		title: oneLine(base.title) ?? base.title,
		startDate: base.startDate,
		endDate: base.endDate,
		state:
			(stateLabel === null ? null : stateFromLabel(stateLabel)) ??
			stateOn(base.startDate, base.endDate, today),
		genreCode: genreCodeFromLabel(base.genreName),
		genreName: base.genreName,
		venueId: detail?.venueId ?? null,
		hallId: detail?.hallId ?? null,
		venueName: oneLine(list?.venueName ?? null) ?? facilityFromHallText(venueHallText) ?? '',
		venueHallText,
		area,
		areaCode: areaCodeFromName(area),
		runtimeText: detail?.runtimeText ?? null,
		runtimeMinutes: parseRuntimeMinutes(detail?.runtimeText ?? null),
		ageText: detail?.ageText ?? null,
		ageMinimum: parseAgeMinimum(detail?.ageText ?? null),
		castText,
		cast,
		crewText,
		crew,
		producerText: detail?.producerText ?? null,
		productionCompany: detail?.productionCompany ?? null,
		planningCompany: detail?.planningCompany ?? null,
		host: detail?.host ?? null,
		organizer: detail?.organizer ?? null,
		priceText,
		priceTiers,
		minPrice: prices.length === 0 ? null : Math.min(...prices),
		maxPrice: prices.length === 0 ? null : Math.max(...prices),
		scheduleText,
		scheduleSlots: parseSchedule(scheduleText),
		synopsis: htmlToText(detail?.synopsis ?? null),
		posterUrl,
		isOpenRun: detail?.isOpenRun ?? list?.isOpenRun ?? null,
		isChild: detail?.isChild ?? null,
		isVisiting: detail?.isVisiting ?? null,
		isDaehakro: detail?.isDaehakro ?? null,
		isFestival: detail?.isFestival ?? null,
		isMusicalLicense: detail?.isMusicalLicense ?? null,
		isMusicalCreate: detail?.isMusicalCreate ?? null,
		kopisRegisteredAt: detail?.registeredAt ?? null,
		kopisUpdatedAt: detail?.updatedAt ?? null,
		detailStatus: detail === null ? 'list' : 'complete',
	};

	return {
		performance,
		people: [
			...cast.map((name, position) => ({ role: 'cast' as const, position, name })),
			...crew.map((name, position) => ({ role: 'crew' as const, position, name })),
		],
		bookingLinks: bookingLinks(detail?.bookingLinks ?? []),
		images: [
			...(posterUrl === null
				? []
				: [{ kind: 'poster' as const, position: 0, sourceUrl: posterUrl }]),
			...unique((detail?.introImageUrls ?? []).map(httpUrl)).map((sourceUrl, position) => ({
				kind: 'intro' as const,
				position,
				sourceUrl,
			})),
		],
	};
}

/** One venue from its list row, its detail, or both (detail values win where both have one). */
export function normalizeVenue(
	list: VenueListRecord | null,
	detail: VenueDetailRecord | null,
): NormalizedVenue {
	const base = detail ?? list;
	if (base === null) throw new TypeError('normalizeVenue needs a list row or a detail');
	if (list !== null && detail !== null && list.id !== detail.id) {
		throw new TypeError(`list row ${list.id} and detail ${detail.id} are different venues`);
	}
	const address = oneLine(detail?.address ?? null);
	// The list's short labels are authoritative; without a list row, read them off the address.
	const addressArea = findArea(address);
	const sidoName = list === null ? (addressArea?.short ?? null) : list.sidoName;
	const gugunName = list === null ? gugunFromAddress(address) : list.gugunName;
	const venue: NormalizedVenue['venue'] = {
		id: base.id,
		name: oneLine(base.name) ?? base.name,
		hallCount: detail?.hallCount ?? list?.hallCount ?? null,
		facilityType: detail?.facilityType ?? list?.facilityType ?? null,
		openingYear: detail?.openingYear ?? list?.openingYear ?? null,
		seatScale: detail?.seatScale ?? null,
		phone: detail?.phone ?? null,
		homepage: httpUrl(detail?.homepage ?? null),
		address,
		...coordinates(detail?.latitude ?? null, detail?.longitude ?? null),
		sidoName,
		gugunName,
		areaCode: areaCodeFromName(sidoName) ?? addressArea?.code ?? null,
		hasRestaurant: detail?.hasRestaurant ?? null,
		hasCafe: detail?.hasCafe ?? null,
		hasStore: detail?.hasStore ?? null,
		hasKidsRoom: detail?.hasKidsRoom ?? null,
		hasNursingRoom: detail?.hasNursingRoom ?? null,
		hasParking: detail?.hasParking ?? null,
		barrierFreeParking: detail?.barrierFreeParking ?? null,
		barrierFreeRestroom: detail?.barrierFreeRestroom ?? null,
		barrierFreeRamp: detail?.barrierFreeRamp ?? null,
		barrierFreeElevator: detail?.barrierFreeElevator ?? null,
		detailStatus: detail === null ? 'list' : 'complete',
	};
	// A hall listed twice would break the halls primary key: the first one wins.
	const hallsById = new Map<string, NormalizedVenue['halls'][number]>();
	for (const hall of detail?.halls ?? []) {
		if (hallsById.has(hall.id)) continue;
		hallsById.set(hall.id, { ...hall, name: oneLine(hall.name) ?? hall.name, venueId: base.id });
	}
	return { venue, halls: [...hallsById.values()] };
}

/** One ranked row; the sync adds the period, dates and genre of the request it came from. */
export function normalizeBoxOfficeEntry(
	record: BoxOfficeRecord,
): Omit<typeof boxOfficeEntries.$inferInsert, 'period' | 'startDate' | 'endDate' | 'genreCode'> {
	return {
		rank: record.rank,
		performanceId: record.performanceId,
		title: oneLine(record.title) ?? record.title,
		genreName: record.genreName,
		runStart: record.runStart,
		runEnd: record.runEnd,
		venueHallText: oneLine(record.venueHallText),
		areaName: record.areaName,
		seatCount: record.seatCount,
		showCount: record.showCount,
		posterUrl: httpUrl(record.posterUrl),
	};
}

/** Runs of whitespace (KOPIS's double spaces in `fcltynm`) become one space; blank → null. */
function oneLine(text: string | null): string | null {
	if (text === null) return null;
	const collapsed = text.replace(/\s+/g, ' ').trim();
	return collapsed === '' ? null : collapsed;
}

/** `예술의전당 [서울] (콘서트홀)` → `예술의전당 [서울]`: the detail's text minus its last (hall) group. */
export function facilityFromHallText(text: string | null): string | null {
	if (text === null) return null;
	const facility = text.replace(/\s*\([^()]*\)\s*$/, '').trim();
	return facility === '' ? text : facility;
}

/** `서울특별시 송파구 올림픽로 424` → `송파구`; `경기도 수원시 팔달구 …` → `수원시` (KOPIS's gugunnm). */
function gugunFromAddress(address: string | null): string | null {
	const second = address?.split(' ')[1];
	return second !== undefined && /[시군구]$/.test(second) ? second : null;
}

/** KOPIS writes 0 or nonsense for unknown coordinates; keep only a point on the globe that isn't 0,0. */
function coordinates(
	latitude: number | null,
	longitude: number | null,
): { latitude: number | null; longitude: number | null } {
	const valid =
		latitude !== null &&
		longitude !== null &&
		Math.abs(latitude) <= 90 &&
		Math.abs(longitude) <= 180 &&
		!(latitude === 0 && longitude === 0);
	return valid ? { latitude, longitude } : { latitude: null, longitude: null };
}

function bookingLinks(
	links: PerformanceDetailRecord['bookingLinks'],
): NormalizedPerformance['bookingLinks'] {
	const seen = new Set<string>();
	const result: NormalizedPerformance['bookingLinks'] = [];
	for (const link of links) {
		const url = httpUrl(link.url);
		if (url === null || seen.has(url)) continue;
		seen.add(url);
		result.push({ position: result.length, sellerName: oneLine(link.sellerName), url });
	}
	return result;
}

function unique(values: (string | null)[]): string[] {
	return [...new Set(values.filter((value) => value !== null))];
}
