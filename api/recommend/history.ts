/** The one per-request query: what this user reviewed (with ratings) and favorited. */
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { favorites, reviews } from '../../db/schema/reviews.ts';
import type { UserHistory } from './taste.ts';

export async function loadUserHistory(db: Database, userId: string): Promise<UserHistory> {
	const [reviewRows, favoriteRows] = await Promise.all([
		db
			.select({ performanceId: reviews.performanceId, ratingHalves: reviews.ratingHalves })
			.from(reviews)
			.where(eq(reviews.userId, userId)),
		db
			.select({ performanceId: favorites.performanceId })
			.from(favorites)
			.where(eq(favorites.userId, userId)),
	]);
	return { reviews: reviewRows, favorites: favoriteRows.map((row) => row.performanceId) };
}
