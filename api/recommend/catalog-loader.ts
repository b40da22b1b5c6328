/**
 * Reads what the engine needs from the database in a few bulk queries (one per table, never one
 * per performance) and builds the snapshot.
 */

import { and, asc, count, eq, max } from 'drizzle-orm';
import { normalizeName } from '../../core/names.ts';
import type { Database } from '../../db/client.ts';
import { ALL_GENRES, boxOfficeEntries } from '../../db/schema/box-office.ts';
import { performancePeople, performances } from '../../db/schema/catalog.ts';
import { hashtags, performanceHashtags } from '../../db/schema/hashtags.ts';
import { favorites, reviews } from '../../db/schema/reviews.ts';
import { buildCatalogSnapshot, type CatalogSnapshot } from './catalog.ts';
import { type CatalogItem, flagsOf } from './features.ts';
import type { PopularitySignals } from './popularity.ts';

/** Corporate suffixes KOPIS writes inconsistently: `(주)쇼노트`, `㈜쇼노트`, `주식회사 쇼노트`. */
const CORPORATE_FORM = /\(주\)|㈜|주식회사|\(재\)|\(사\)/g;

/** Company names from KOPIS's comma-separated producer fields, forms stripped, deduplicated. */
export function producersOf(...fields: (string | null)[]): string[] {
	const names = fields
		.flatMap((field) => (field ?? '').split(/[,/]/))
		.map((name) => normalizeName(name.replace(CORPORATE_FORM, '')))
		.filter((name) => name !== '');
	return [...new Set(names)];
}

function push(groups: Map<string, string[]>, id: string, value: string): void {
	const group = groups.get(id);
	if (group === undefined) groups.set(id, [value]);
	else group.push(value);
}

async function loadPopularity(db: Database): Promise<PopularitySignals> {
	const [latest] = await db
		.select({ endDate: max(boxOfficeEntries.endDate) })
		.from(boxOfficeEntries)
		.where(eq(boxOfficeEntries.period, 'week'));
	const overallRanks = new Map<string, number>();
	const genreRanks = new Map<string, number>();
	if (latest?.endDate != null) {
		const ranked = await db
			.select({
				performanceId: boxOfficeEntries.performanceId,
				genreCode: boxOfficeEntries.genreCode,
				rank: boxOfficeEntries.rank,
			})
			.from(boxOfficeEntries)
			.where(
				and(eq(boxOfficeEntries.period, 'week'), eq(boxOfficeEntries.endDate, latest.endDate)),
			);
		for (const row of ranked) {
			const ranks = row.genreCode === ALL_GENRES ? overallRanks : genreRanks;
			ranks.set(row.performanceId, Math.min(ranks.get(row.performanceId) ?? row.rank, row.rank));
		}
	}
	const communityCounts = new Map<string, number>();
	for (const table of [reviews, favorites]) {
		const rows = await db
			.select({ performanceId: table.performanceId, count: count() })
			.from(table)
			.groupBy(table.performanceId);
		for (const row of rows) {
			communityCounts.set(
				row.performanceId,
				(communityCounts.get(row.performanceId) ?? 0) + row.count,
			);
		}
	}
	return { overallRanks, genreRanks, communityCounts };
}

export async function loadCatalogSnapshot(db: Database): Promise<CatalogSnapshot> {
	const rows = await db
		.select({
			id: performances.id,
			title: performances.title,
			startDate: performances.startDate,
			endDate: performances.endDate,
			genreCode: performances.genreCode,
			genreName: performances.genreName,
			venueId: performances.venueId,
			areaCode: performances.areaCode,
			producerText: performances.producerText,
			productionCompany: performances.productionCompany,
			planningCompany: performances.planningCompany,
			isChild: performances.isChild,
			isVisiting: performances.isVisiting,
			isDaehakro: performances.isDaehakro,
			isFestival: performances.isFestival,
			isMusicalLicense: performances.isMusicalLicense,
			isMusicalCreate: performances.isMusicalCreate,
		})
		.from(performances);
	const people = await db
		.select({
			performanceId: performancePeople.performanceId,
			role: performancePeople.role,
			name: performancePeople.name,
		})
		.from(performancePeople)
		.orderBy(
			asc(performancePeople.performanceId),
			asc(performancePeople.role),
			asc(performancePeople.position),
		);
	const tagRows = await db
		.select({ performanceId: performanceHashtags.performanceId, name: hashtags.name })
		.from(performanceHashtags)
		.innerJoin(hashtags, eq(hashtags.id, performanceHashtags.hashtagId))
		.orderBy(asc(performanceHashtags.performanceId), asc(hashtags.name));
	const vocabulary = await db
		.select({ name: hashtags.name })
		.from(hashtags)
		.orderBy(asc(hashtags.name));
	const popularity = await loadPopularity(db);

	const cast = new Map<string, string[]>();
	const crew = new Map<string, string[]>();
	for (const person of people)
		push(person.role === 'cast' ? cast : crew, person.performanceId, person.name);
	const tags = new Map<string, string[]>();
	for (const tag of tagRows) push(tags, tag.performanceId, tag.name);

	const items = rows.map(
		(row): CatalogItem => ({
			id: row.id,
			title: row.title,
			startDate: row.startDate,
			endDate: row.endDate,
			genreCode: row.genreCode,
			genreName: row.genreName,
			venueId: row.venueId,
			areaCode: row.areaCode,
			tags: tags.get(row.id) ?? [],
			cast: cast.get(row.id) ?? [],
			crew: crew.get(row.id) ?? [],
			producers: producersOf(row.productionCompany, row.planningCompany, row.producerText),
			flags: flagsOf(row),
		}),
	);
	return buildCatalogSnapshot(
		items,
		popularity,
		vocabulary.map((row) => row.name),
	);
}
