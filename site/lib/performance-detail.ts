/** Everything a performance page shows, assembled from a loaded catalogue. */

import type { RatingSummary } from '../../core/ratings.ts';
import type { PriceTier } from '../../db/schema/catalog.ts';
import type { Catalog, PerformanceRow, PerformanceSummary, VenueWithHalls } from './catalog.ts';
import { compareForListing, indexCatalog } from './catalog-index.ts';
import { type Picture, pictureOf, shareImageUrl, variantUrl } from './images.ts';
import { parseCredit, personPath, personSlug } from './people.ts';
import { groupSchedule, type ScheduleRow } from './schedule.ts';
import { searchMonths } from './search/search-options.ts';
import { paragraphs, present, safeHttpUrl } from './text.ts';

export interface PersonCredit {
	name: string;
	/** The part played or the job (`작곡`), when KOPIS gives it. */
	role: string | null;
	/** Null when the name has no usable URL form. */
	path: string | null;
}

export interface LabelledValue {
	label: string;
	value: string;
}

export interface SharedCastPerformance {
	performance: PerformanceSummary;
	sharedNames: string[];
}

export interface PerformanceDetail {
	summary: PerformanceSummary;
	/** Site path of the largest poster variant, for Open Graph and JSON-LD. */
	shareImage: string | null;
	/** A small poster variant for search results. */
	thumbnail: string | null;
	gallery: Picture[];
	venue: VenueWithHalls | null;
	hall: { id: string; name: string; seatScale: number | null } | null;
	venueHallText: string | null;
	area: string | null;
	runtime: string | null;
	age: string | null;
	schedule: ScheduleRow[];
	scheduleText: string | null;
	prices: PriceTier[];
	priceText: string | null;
	cast: PersonCredit[];
	crew: PersonCredit[];
	/** KOPIS's list ends in 등: more people than named. */
	castIsPartial: boolean;
	producers: LabelledValue[];
	bookingLinks: { name: string; url: string }[];
	hashtags: string[];
	rating: RatingSummary | null;
	synopsis: string[];
	flags: string[];
	sameVenue: PerformanceSummary[];
	sameCast: SharedCastPerformance[];
	kopisUpdatedAt: string | null;
	/** Names and titles whose partial words the search index should match (see search/). */
	searchTerms: string[];
	/** `YYYY-MM` values of the search page's month filter. */
	searchMonths: string[];
}

/** How many related performances a page lists per section. */
export const RELATED_LIMIT = 8;

/** Search result thumbnails are shown about 80 CSS px wide: 2x density. */
const SEARCH_THUMBNAIL_WIDTH = 160;

function credits(entries: readonly string[]): PersonCredit[] {
	return entries.map((entry) => {
		const { name, role } = parseCredit(entry);
		const slug = personSlug(name);
		return { name, role, path: slug === null ? null : personPath(slug) };
	});
}

function producersOf(row: PerformanceRow): LabelledValue[] {
	const fields: [string, string | null][] = [
		['제작사', row.productionCompany],
		['기획사', row.planningCompany],
		['주최', row.host],
		['주관', row.organizer],
	];
	const listed = fields.flatMap(([label, value]) => {
		const text = present(value);
		return text === null ? [] : [{ label, value: text }];
	});
	const combined = present(row.producerText);
	// entrpsnm repeats the split fields when they exist; show it only when it adds something.
	if (combined !== null && !listed.some((item) => combined.includes(item.value))) {
		listed.unshift({ label: '기획·제작', value: combined });
	}
	return listed;
}

function flagsOf(row: PerformanceRow): string[] {
	const flags: [boolean | null, string][] = [
		[row.isOpenRun, '오픈런'],
		[row.isVisiting, '내한공연'],
		[row.isChild, '아동'],
		[row.isDaehakro, '대학로'],
		[row.isFestival, '축제'],
		[row.isMusicalLicense, '라이선스'],
		[row.isMusicalCreate, '창작'],
	];
	return flags.filter(([on]) => on === true).map(([, label]) => label);
}

function sameVenueOf(catalog: Catalog, row: PerformanceRow): PerformanceSummary[] {
	if (row.venueId === null) return [];
	const ids = indexCatalog(catalog).byVenue.get(row.venueId) ?? [];
	return ids
		.filter((id) => id !== row.id)
		.flatMap((id) => catalog.summaries.get(id) ?? [])
		.sort(compareForListing)
		.slice(0, RELATED_LIMIT);
}

function sameCastOf(
	catalog: Catalog,
	row: PerformanceRow,
	cast: string[],
): SharedCastPerformance[] {
	const byCastName = indexCatalog(catalog).byCastName;
	const shared = new Map<string, string[]>();
	for (const name of new Set(cast)) {
		for (const id of byCastName.get(name) ?? []) {
			if (id === row.id) continue;
			const names = shared.get(id);
			if (names === undefined) shared.set(id, [name]);
			else names.push(name);
		}
	}
	return [...shared]
		.flatMap(([id, sharedNames]) => {
			const performance = catalog.summaries.get(id);
			return performance === undefined ? [] : [{ performance, sharedNames }];
		})
		.sort(
			(a, b) =>
				b.sharedNames.length - a.sharedNames.length ||
				compareForListing(a.performance, b.performance),
		)
		.slice(0, RELATED_LIMIT);
}

/** The detail of one performance, or null when the catalogue does not hold it. */
export function performanceDetail(catalog: Catalog, id: string): PerformanceDetail | null {
	const row = catalog.performances.get(id);
	const summary = catalog.summaries.get(id);
	if (row === undefined || summary === undefined) return null;
	const people = catalog.people.get(id) ?? [];
	const creditsOf = (role: 'cast' | 'crew'): PersonCredit[] =>
		credits(people.filter((person) => person.role === role).map((person) => person.name));
	const cast = creditsOf('cast');
	const crew = creditsOf('crew');
	const images = catalog.images.get(id) ?? [];
	const poster = images.find((image) => image.kind === 'poster');
	const venue = row.venueId === null ? null : (catalog.venues.get(row.venueId) ?? null);
	const hall = venue?.halls.find((candidate) => candidate.id === row.hallId) ?? null;
	const producers = producersOf(row);
	return {
		summary,
		shareImage: poster === undefined ? null : shareImageUrl(poster),
		thumbnail: poster === undefined ? null : variantUrl(poster, SEARCH_THUMBNAIL_WIDTH),
		gallery: images
			.filter((image) => image.kind === 'intro')
			.flatMap((image) => pictureOf(image) ?? []),
		venue,
		hall: hall === null ? null : { id: hall.id, name: hall.name.trim(), seatScale: hall.seatScale },
		venueHallText: present(row.venueHallText),
		area: present(row.area) ?? summary.region?.name ?? null,
		runtime: present(row.runtimeText),
		age: present(row.ageText),
		schedule: groupSchedule(row.scheduleSlots),
		scheduleText: present(row.scheduleText),
		prices: row.priceTiers,
		priceText: present(row.priceText),
		cast,
		crew,
		castIsPartial: /등\s*$/.test(row.castText ?? ''),
		producers,
		bookingLinks: (catalog.bookingLinks.get(id) ?? []).flatMap((link) => {
			const url = safeHttpUrl(link.url);
			if (url === null) return [];
			return [{ name: present(link.sellerName) ?? new URL(url).hostname, url }];
		}),
		hashtags: catalog.hashtags.get(id) ?? [],
		rating: summary.rating,
		synopsis: paragraphs(row.synopsis),
		flags: flagsOf(row),
		sameVenue: sameVenueOf(catalog, row),
		sameCast: sameCastOf(
			catalog,
			row,
			cast.map((person) => person.name),
		),
		kopisUpdatedAt: row.kopisUpdatedAt,
		searchMonths: searchMonths(summary.startDate, summary.endDate, catalog.today),
		searchTerms: [
			summary.title,
			summary.venueName,
			...(summary.hallName === null ? [] : [summary.hallName]),
			...cast.map((person) => person.name),
			...crew.map((person) => person.name),
			...producers.map((producer) => producer.value),
		],
	};
}
