/**
 * Loads the catalogue in a few bulk queries and indexes it in memory: a full build renders tens
 * of thousands of pages, and one query per page would dominate its time. The same loader, scoped
 * to a handful of ids, feeds the on-demand page of a performance that is newer than the build.
 */
import { asc, type Column, count, eq, inArray, type SQL } from 'drizzle-orm';
import { stateOn } from '../../core/performance-state.ts';
import { type RatingSummary, summariseRatings } from '../../core/ratings.ts';
import type { Database } from '../../db/client.ts';
import {
	bookingLinks,
	halls,
	performanceImages,
	performancePeople,
	performances,
	venues,
} from '../../db/schema/catalog.ts';
import { hashtags, performanceHashtags } from '../../db/schema/hashtags.ts';
import { reviews } from '../../db/schema/reviews.ts';
import { type Genre, genreOf } from './genres.ts';
import { type Picture, pictureOf } from './images.ts';
import { type Region, regionOf } from './regions.ts';

export type PerformanceRow = typeof performances.$inferSelect;
export type PersonRow = typeof performancePeople.$inferSelect;
export type ImageRow = typeof performanceImages.$inferSelect;
export type BookingLinkRow = typeof bookingLinks.$inferSelect;
export type VenueRow = typeof venues.$inferSelect;
export type HallRow = typeof halls.$inferSelect;

export interface VenueWithHalls extends VenueRow {
	halls: HallRow[];
	region: Region | null;
}

/** What a card, a list row or a search result shows of a performance. */
export interface PerformanceSummary {
	id: string;
	path: string;
	title: string;
	startDate: string;
	endDate: string;
	/** As of the build date, from the dates. */
	state: PerformanceRow['state'];
	genre: Genre;
	region: Region | null;
	venueId: string | null;
	venueName: string;
	hallName: string | null;
	poster: Picture | null;
	rating: RatingSummary | null;
}

export interface Catalog {
	today: string;
	performances: Map<string, PerformanceRow>;
	summaries: Map<string, PerformanceSummary>;
	/** Cast then crew, in KOPIS's order. */
	people: Map<string, PersonRow[]>;
	/** Poster first, then intro images in order. */
	images: Map<string, ImageRow[]>;
	bookingLinks: Map<string, BookingLinkRow[]>;
	hashtags: Map<string, string[]>;
	ratings: Map<string, RatingSummary>;
	venues: Map<string, VenueWithHalls>;
}

export interface CatalogScope {
	/** Load only these performances (and the venues they use); all when absent. */
	performanceIds?: readonly string[];
}

/** SQLite binds at most 32,766 variables; stay far below for scoped loads. */
const ID_CHUNK = 500;

async function inChunks<T>(
	ids: readonly string[] | undefined,
	load: (chunk: string[] | undefined) => Promise<T[]>,
): Promise<T[]> {
	if (ids === undefined) return load(undefined);
	const rows: T[] = [];
	for (let start = 0; start < ids.length; start += ID_CHUNK) {
		rows.push(...(await load(ids.slice(start, start + ID_CHUNK))));
	}
	return rows;
}

/** All rows when loading everything, else only the chunk's ids. */
function where(column: Column, chunk: string[] | undefined): SQL | undefined {
	return chunk === undefined ? undefined : inArray(column, chunk);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) {
		const id = key(row);
		const group = groups.get(id);
		if (group === undefined) groups.set(id, [row]);
		else group.push(row);
	}
	return groups;
}

export async function loadCatalog(
	db: Database,
	today: string,
	scope: CatalogScope = {},
): Promise<Catalog> {
	const ids = scope.performanceIds;

	const performanceRows = await inChunks(ids, (chunk) =>
		db.select().from(performances).where(where(performances.id, chunk)),
	);
	const peopleRows = await inChunks(ids, (chunk) =>
		db
			.select()
			.from(performancePeople)
			.where(where(performancePeople.performanceId, chunk))
			.orderBy(asc(performancePeople.role), asc(performancePeople.position)),
	);
	const imageRows = await inChunks(ids, (chunk) =>
		db
			.select()
			.from(performanceImages)
			.where(where(performanceImages.performanceId, chunk))
			.orderBy(asc(performanceImages.kind), asc(performanceImages.position)),
	);
	const linkRows = await inChunks(ids, (chunk) =>
		db
			.select()
			.from(bookingLinks)
			.where(where(bookingLinks.performanceId, chunk))
			.orderBy(asc(bookingLinks.position)),
	);
	const tagRows = await inChunks(ids, (chunk) =>
		db
			.select({ performanceId: performanceHashtags.performanceId, name: hashtags.name })
			.from(performanceHashtags)
			.innerJoin(hashtags, eq(hashtags.id, performanceHashtags.hashtagId))
			.where(where(performanceHashtags.performanceId, chunk))
			.orderBy(asc(hashtags.name)),
	);
	const ratingRows = await inChunks(ids, (chunk) =>
		db
			.select({
				performanceId: reviews.performanceId,
				ratingHalves: reviews.ratingHalves,
				count: count(),
			})
			.from(reviews)
			.where(where(reviews.performanceId, chunk))
			.groupBy(reviews.performanceId, reviews.ratingHalves),
	);
	const venueIds =
		ids === undefined
			? undefined
			: [...new Set(performanceRows.flatMap((row) => (row.venueId === null ? [] : [row.venueId])))];
	const venueRows = await inChunks(venueIds, (chunk) =>
		db.select().from(venues).where(where(venues.id, chunk)),
	);
	const hallRows = await inChunks(venueIds, (chunk) =>
		db.select().from(halls).where(where(halls.venueId, chunk)).orderBy(asc(halls.id)),
	);

	const hallsByVenue = groupBy(hallRows, (hall) => hall.venueId);
	const venueMap = new Map<string, VenueWithHalls>(
		venueRows.map((venue) => [
			venue.id,
			{
				...venue,
				halls: hallsByVenue.get(venue.id) ?? [],
				region: regionOf(venue.areaCode, venue.sidoName ?? venue.address),
			},
		]),
	);
	const images = groupBy(imageRows, (image) => image.performanceId);
	for (const list of images.values()) {
		// 'intro' sorts before 'poster' alphabetically; the poster leads.
		list.sort((a, b) =>
			a.kind === b.kind ? a.position - b.position : a.kind === 'poster' ? -1 : 1,
		);
	}
	const ratings = new Map<string, RatingSummary>();
	for (const [performanceId, rows] of groupBy(ratingRows, (row) => row.performanceId)) {
		ratings.set(performanceId, summariseRatings(rows));
	}
	const hallById = new Map(hallRows.map((hall) => [hall.id, hall]));

	const summaries = new Map<string, PerformanceSummary>();
	for (const row of performanceRows) {
		const venue = row.venueId === null ? undefined : venueMap.get(row.venueId);
		const poster = images.get(row.id)?.find((image) => image.kind === 'poster');
		summaries.set(row.id, {
			id: row.id,
			path: `/performances/${row.id}/`,
			title: row.title.trim(),
			startDate: row.startDate,
			endDate: row.endDate,
			state: stateOn(row.startDate, row.endDate, today),
			genre: genreOf(row.genreCode, row.genreName),
			region: regionOf(row.areaCode, row.area) ?? venue?.region ?? null,
			venueId: venue === undefined ? null : venue.id,
			venueName: venue?.name.trim() ?? row.venueName.trim(),
			hallName: row.hallId === null ? null : (hallById.get(row.hallId)?.name.trim() ?? null),
			poster: poster === undefined ? null : pictureOf(poster),
			rating: ratings.get(row.id) ?? null,
		});
	}

	return {
		today,
		performances: new Map(performanceRows.map((row) => [row.id, row])),
		summaries,
		people: groupBy(peopleRows, (person) => person.performanceId),
		images,
		bookingLinks: groupBy(linkRows, (link) => link.performanceId),
		hashtags: new Map(
			[...groupBy(tagRows, (tag) => tag.performanceId)].map(([id, tags]) => [
				id,
				tags.map((tag) => tag.name),
			]),
		),
		ratings,
		venues: venueMap,
	};
}
