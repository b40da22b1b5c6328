/** Small factories for engine tests: a performance with only what the test is about. */
import { stateOn } from '../../core/performance-state.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { performancePeople, performances, venues } from '../../db/schema/catalog.ts';
import { hashtags, performanceHashtags } from '../../db/schema/hashtags.ts';
import { favorites, reviews } from '../../db/schema/reviews.ts';
import { buildCatalogSnapshot, type CatalogSnapshot } from './catalog.ts';
import type { CatalogItem } from './features.ts';
import { NO_POPULARITY, type PopularitySignals } from './popularity.ts';
import type { UserHistory } from './taste.ts';

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

const INSERT_CHUNK = 500;

async function insertChunked<T>(
	rows: readonly T[],
	insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
	for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
		await insert(rows.slice(start, start + INSERT_CHUNK));
	}
}

/**
 * Writes items as the ingest would store them: performances with their venues, cast and crew
 * rows, producers as KOPIS's comma-separated text, and hashtags through the vocabulary table.
 */
export async function insertCatalog(db: Database, items: readonly CatalogItem[]): Promise<void> {
	const venueIds = [
		...new Set(items.flatMap((entry) => (entry.venueId === null ? [] : [entry.venueId]))),
	];
	const tagNames = [...new Set(items.flatMap((entry) => entry.tags))].sort();
	await db.transaction(async (tx) => {
		await insertChunked(venueIds, (chunk) =>
			tx
				.insert(venues)
				.values(chunk.map((id) => ({ id, name: `공연장 ${id}`, contentHash: id })))
				.onConflictDoNothing(),
		);
		await insertChunked(tagNames, (chunk) =>
			tx
				.insert(hashtags)
				.values(chunk.map((name) => ({ name, vocabularyVersion: 1 })))
				.onConflictDoNothing(),
		);
		const tagIds = new Map(
			(await tx.select({ id: hashtags.id, name: hashtags.name }).from(hashtags)).map((row) => [
				row.name,
				row.id,
			]),
		);
		await insertChunked(items, (chunk) =>
			tx.insert(performances).values(
				chunk.map((entry) => ({
					id: entry.id,
					title: entry.title,
					startDate: entry.startDate,
					endDate: entry.endDate,
					state: stateOn(entry.startDate, entry.endDate, TODAY),
					genreCode: entry.genreCode,
					genreName: entry.genreName,
					venueId: entry.venueId,
					venueName: entry.venueId === null ? '미정' : `공연장 ${entry.venueId}`,
					areaCode: entry.areaCode,
					productionCompany: entry.producers.length === 0 ? null : entry.producers.join(', '),
					isChild: entry.flags.includes('child'),
					isVisiting: entry.flags.includes('visiting'),
					contentHash: entry.id,
				})),
			),
		);
		const people = items.flatMap((entry) => [
			...entry.cast.map((name, position) => ({
				performanceId: entry.id,
				role: 'cast' as const,
				position,
				name,
			})),
			...entry.crew.map((name, position) => ({
				performanceId: entry.id,
				role: 'crew' as const,
				position,
				name,
			})),
		]);
		await insertChunked(people, (chunk) => tx.insert(performancePeople).values(chunk));
		const tagged = items.flatMap((entry) =>
			entry.tags.map((name) => ({
				performanceId: entry.id,
				hashtagId: tagIds.get(name) as number,
				source: 'local' as const,
			})),
		);
		await insertChunked(tagged, (chunk) => tx.insert(performanceHashtags).values(chunk));
	});
}

/** A user row; reviews and favorites need one. */
export async function insertUser(db: Database, id: string): Promise<void> {
	const now = new Date();
	await db.insert(users).values({
		id,
		email: `${id}@example.com`,
		username: id,
		passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$unused$unused',
		createdAt: now,
		updatedAt: now,
	});
}

/** Writes a user's reviews and favorites (the user must exist). */
export async function insertHistory(
	db: Database,
	userId: string,
	history: UserHistory,
): Promise<void> {
	const now = new Date();
	await insertChunked(history.reviews, (chunk) =>
		db
			.insert(reviews)
			.values(chunk.map((review) => ({ userId, ...review, createdAt: now, updatedAt: now }))),
	);
	await insertChunked(history.favorites, (chunk) =>
		db
			.insert(favorites)
			.values(chunk.map((performanceId) => ({ userId, performanceId, createdAt: now }))),
	);
}
