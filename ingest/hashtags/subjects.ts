/** What the hashtag step reads about each performance, and how it writes a performance's tags. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
	type HashtagSource,
	halls,
	hashtags,
	type ImageVariant,
	performanceHashtags,
	performanceImages,
	performances,
	venues,
} from '../../db/schema/index.ts';
import type { LocalTaggingInput } from './local-tagger.ts';

export interface TaggingSubject extends LocalTaggingInput {
	id: string;
	/** The poster when the image step made it ready; null otherwise (the model gets text only). */
	poster: { sourceHash: string; variants: ImageVariant[] } | null;
}

export interface CurrentTags {
	names: string[];
	source: HashtagSource;
	answerKey: string | null;
}

/**
 * Every performance, what people see first first (running, then upcoming, newest start first), so
 * a call cap spends the budget where it matters.
 */
export async function loadSubjects(db: Database): Promise<TaggingSubject[]> {
	const rows = await db
		.select({
			id: performances.id,
			title: performances.title,
			genreCode: performances.genreCode,
			genreName: performances.genreName,
			synopsis: performances.synopsis,
			ageMinimum: performances.ageMinimum,
			runtimeMinutes: performances.runtimeMinutes,
			isChild: performances.isChild,
			isVisiting: performances.isVisiting,
			isDaehakro: performances.isDaehakro,
			isFestival: performances.isFestival,
			hallSeats: halls.seatScale,
			venueSeats: venues.seatScale,
			venueHalls: venues.hallCount,
			posterStatus: performanceImages.status,
			posterHash: performanceImages.sourceHash,
			posterVariants: performanceImages.variants,
		})
		.from(performances)
		.leftJoin(venues, eq(venues.id, performances.venueId))
		.leftJoin(halls, eq(halls.id, performances.hallId))
		.leftJoin(
			performanceImages,
			and(
				eq(performanceImages.performanceId, performances.id),
				eq(performanceImages.kind, 'poster'),
				eq(performanceImages.position, 0),
			),
		)
		.orderBy(
			sql`CASE ${performances.state} WHEN 'running' THEN 0 WHEN 'upcoming' THEN 1 ELSE 2 END`,
			desc(performances.startDate),
			performances.id,
		);
	return rows.map(
		({ hallSeats, venueSeats, venueHalls, posterStatus, posterHash, posterVariants, ...row }) => ({
			...row,
			// A venue's seat scale sums all its halls: it only says how big the room is when there is one.
			seats: hallSeats ?? (venueHalls === 1 ? venueSeats : null),
			poster:
				posterStatus === 'ready' && posterHash !== null && posterVariants !== null
					? { sourceHash: posterHash, variants: posterVariants }
					: null,
		}),
	);
}

export async function loadCurrentTags(db: Database): Promise<Map<string, CurrentTags>> {
	const rows = await db
		.select({
			performanceId: performanceHashtags.performanceId,
			name: hashtags.name,
			source: performanceHashtags.source,
			answerKey: performanceHashtags.answerKey,
		})
		.from(performanceHashtags)
		.innerJoin(hashtags, eq(hashtags.id, performanceHashtags.hashtagId))
		.orderBy(performanceHashtags.performanceId, hashtags.id);
	const current = new Map<string, CurrentTags>();
	for (const row of rows) {
		const tags = current.get(row.performanceId);
		if (tags === undefined) {
			current.set(row.performanceId, {
				names: [row.name],
				source: row.source,
				answerKey: row.answerKey,
			});
		} else {
			tags.names.push(row.name);
			// Mixed rows cannot come from one write; call them local so they get rewritten.
			if (tags.source !== row.source || tags.answerKey !== row.answerKey) tags.source = 'local';
		}
	}
	return current;
}

/** Replaces a performance's tags in one transaction: a crash leaves the old set or the new one. */
export async function replaceTags(
	db: Database,
	performanceId: string,
	tagIds: readonly number[],
	source: HashtagSource,
	answerKey: string | null,
): Promise<void> {
	await db.transaction(
		async (tx) => {
			await tx
				.delete(performanceHashtags)
				.where(eq(performanceHashtags.performanceId, performanceId));
			await tx
				.insert(performanceHashtags)
				.values(tagIds.map((hashtagId) => ({ performanceId, hashtagId, source, answerKey })));
		},
		{ behavior: 'immediate' },
	);
}
