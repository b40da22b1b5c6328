/**
 * A user's viewing history (the performances they reviewed, with their rating) and statistics
 * over it: reviews by genre, the average rating given, the venue seen most.
 */

import { avg, count, desc, eq, max, min, sql } from 'drizzle-orm';
import { starsFromHalves } from '../../core/ratings.ts';
import type { Database } from '../../db/client.ts';
import { favorites, performanceImages, performances, reviews } from '../../db/schema/index.ts';
import { cardColumns, posterJoin, toCard } from '../performances/card.ts';
import type { ViewingHistory, ViewingStats } from './schemas.ts';

export type HistoryItem = ViewingHistory['history'][number];

export interface HistoryStore {
	/** Newest review first. */
	page(userId: string, limit: number, offset: number, now: number): Promise<HistoryItem[]>;
	total(userId: string): Promise<number>;
	stats(userId: string): Promise<ViewingStats>;
}

export function createHistoryStore(db: Database): HistoryStore {
	const list = db
		.select({
			...cardColumns,
			reviewId: reviews.id,
			ratingHalves: reviews.ratingHalves,
			seenOn: reviews.seenOn,
			reviewedAt: reviews.createdAt,
		})
		.from(reviews)
		.innerJoin(performances, eq(performances.id, reviews.performanceId))
		.leftJoin(performanceImages, posterJoin)
		.where(eq(reviews.userId, sql.placeholder('userId')))
		.orderBy(desc(reviews.createdAt), desc(reviews.id))
		.limit(sql.placeholder('limit'))
		.offset(sql.placeholder('offset'))
		.prepare();
	const totals = db
		.select({ count: count(), averageHalves: avg(reviews.ratingHalves) })
		.from(reviews)
		.where(eq(reviews.userId, sql.placeholder('userId')))
		.prepare();
	const favoriteTotal = db
		.select({ count: count() })
		.from(favorites)
		.where(eq(favorites.userId, sql.placeholder('userId')))
		.prepare();
	const genreCount = count().as('genre_count');
	const byGenre = db
		.select({ genreName: performances.genreName, count: genreCount })
		.from(reviews)
		.innerJoin(performances, eq(performances.id, reviews.performanceId))
		.where(eq(reviews.userId, sql.placeholder('userId')))
		.groupBy(performances.genreName)
		.orderBy(desc(genreCount), performances.genreName)
		.prepare();
	// A venue is its KOPIS id when known; performances whose detail never arrived have only the
	// list's facility name, so those are grouped by name.
	const venueKey = sql`coalesce(${performances.venueId}, ${performances.venueName})`;
	const venueCount = count().as('venue_count');
	const lastVisit = max(reviews.createdAt).as('last_visit');
	const topVenue = db
		.select({
			id: performances.venueId,
			name: min(performances.venueName),
			count: venueCount,
			lastVisit,
		})
		.from(reviews)
		.innerJoin(performances, eq(performances.id, reviews.performanceId))
		.where(eq(reviews.userId, sql.placeholder('userId')))
		.groupBy(venueKey)
		.orderBy(desc(venueCount), desc(lastVisit))
		.limit(1)
		.prepare();

	return {
		async page(userId, limit, offset, now) {
			const rows = await list.all({ userId, limit, offset });
			return rows.map((row) => ({
				reviewId: row.reviewId,
				performance: toCard(row, now),
				rating: starsFromHalves(row.ratingHalves),
				seenOn: row.seenOn,
				reviewedAt: row.reviewedAt.toISOString(),
			}));
		},
		async total(userId) {
			return (await totals.all({ userId }))[0]?.count ?? 0;
		},
		async stats(userId) {
			const [[total], [favorite], genres, [venue]] = await Promise.all([
				totals.all({ userId }),
				favoriteTotal.all({ userId }),
				byGenre.all({ userId }),
				topVenue.all({ userId }),
			]);
			const reviewCount = total?.count ?? 0;
			const averageHalves = total?.averageHalves ?? null;
			return {
				reviewCount,
				favoriteCount: favorite?.count ?? 0,
				averageRating:
					reviewCount === 0 || averageHalves === null
						? null
						: starsFromHalves(Number(averageHalves)),
				byGenre: genres,
				topVenue:
					venue === undefined || venue.name === null
						? null
						: { id: venue.id, name: venue.name, count: venue.count },
			};
		},
	};
}
