/** Reviews for tests: a few viewers rating the first running performances. */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { performances } from '../../db/schema/catalog.ts';
import { reviews } from '../../db/schema/reviews.ts';

/** Half-star ratings the viewers give, one per viewer: average 3.9 stars. */
export const RATINGS = [10, 9, 8, 7, 5] as const;

export async function reviewOnFirstPerformances(db: Database, count: number): Promise<string[]> {
	const now = new Date();
	const viewers = RATINGS.map((_, index) => ({
		id: `test-viewer-${index}`,
		email: `viewer${index}@example.com`,
		username: `관객${index}`,
		passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$dGVzdA$dGVzdA',
		createdAt: now,
		updatedAt: now,
	}));
	await db.insert(users).values(viewers).onConflictDoNothing();
	const targets = await db
		.select({ id: performances.id })
		.from(performances)
		.where(eq(performances.state, 'running'))
		.orderBy(asc(performances.id))
		.limit(count);
	for (const { id } of targets) {
		await db
			.insert(reviews)
			.values(
				viewers.map((viewer, index) => ({
					userId: viewer.id,
					performanceId: id,
					ratingHalves: RATINGS[index] ?? 6,
					title: '좋은 공연',
					body: '다시 보고 싶어요.',
					createdAt: now,
					updatedAt: now,
				})),
			)
			.onConflictDoNothing();
	}
	return targets.map((target) => target.id);
}
