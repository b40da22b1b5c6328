/**
 * Favorites (찜): a set of (user, performance) pairs. Adding and removing are idempotent, and the
 * happy path of each is one statement (the toggle is the other hot path after the review list).
 */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { favorites, performanceImages, performances } from '../../db/schema/index.ts';
import { cardColumns, posterJoin, toCard } from '../performances/card.ts';
import type { FavoriteList } from './schemas.ts';

export type FavoriteItem = FavoriteList['favorites'][number];

export interface FavoriteStore {
	/** True when added now or before; false when the performance does not exist. */
	add(userId: string, performanceId: string, at: Date): Promise<boolean>;
	/** False when the performance does not exist (removing a non-favorite is fine). */
	remove(userId: string, performanceId: string): Promise<boolean>;
	/** Null when the performance does not exist. */
	isFavorite(userId: string, performanceId: string): Promise<boolean | null>;
	/** Newest first. */
	page(userId: string, limit: number, offset: number, now: number): Promise<FavoriteItem[]>;
	total(userId: string): Promise<number>;
}

function isForeignKeyViolation(error: unknown): boolean {
	for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
		if (/FOREIGN KEY constraint failed/.test(cause.message)) return true;
	}
	return false;
}

export function createFavoriteStore(db: Database): FavoriteStore {
	const pair = and(
		eq(favorites.userId, sql.placeholder('userId')),
		eq(favorites.performanceId, sql.placeholder('performanceId')),
	);
	// A second add keeps the first time: the list stays ordered by when it was first favorited.
	const insert = db
		.insert(favorites)
		.values({
			userId: sql.placeholder('userId'),
			performanceId: sql.placeholder('performanceId'),
			createdAt: sql.placeholder('createdAt'),
		})
		.onConflictDoNothing()
		.prepare();
	const remove = db.delete(favorites).where(pair).prepare();
	const state = db
		.select({
			performanceId: performances.id,
			addedAt: favorites.createdAt,
		})
		.from(performances)
		.leftJoin(
			favorites,
			and(
				eq(favorites.performanceId, performances.id),
				eq(favorites.userId, sql.placeholder('userId')),
			),
		)
		.where(eq(performances.id, sql.placeholder('performanceId')))
		.prepare();
	const exists = db
		.select({ id: performances.id })
		.from(performances)
		.where(eq(performances.id, sql.placeholder('performanceId')))
		.prepare();
	const list = db
		.select({ ...cardColumns, addedAt: favorites.createdAt })
		.from(favorites)
		.innerJoin(performances, eq(performances.id, favorites.performanceId))
		.leftJoin(performanceImages, posterJoin)
		.where(eq(favorites.userId, sql.placeholder('userId')))
		.orderBy(desc(favorites.createdAt), desc(favorites.performanceId))
		.limit(sql.placeholder('limit'))
		.offset(sql.placeholder('offset'))
		.prepare();
	const totalQuery = db
		.select({ total: count() })
		.from(favorites)
		.where(eq(favorites.userId, sql.placeholder('userId')))
		.prepare();

	return {
		async add(userId, performanceId, at) {
			try {
				// A Date: the placeholder's value still goes through the column's timestamp mapping.
				await insert.run({ userId, performanceId, createdAt: at });
				return true;
			} catch (error) {
				// foreign_keys=ON on every connection (db/client.ts): an unknown id fails here.
				if (isForeignKeyViolation(error)) return false;
				throw error;
			}
		},
		async remove(userId, performanceId) {
			const result = await remove.run({ userId, performanceId });
			if (result.rowsAffected > 0) return true;
			return (await exists.all({ performanceId })).length > 0;
		},
		async isFavorite(userId, performanceId) {
			const row = (await state.all({ userId, performanceId }))[0];
			if (row === undefined) return null;
			return row.addedAt !== null;
		},
		async page(userId, limit, offset, now) {
			const rows = await list.all({ userId, limit, offset });
			return rows.map((row) => ({
				performance: toCard(row, now),
				addedAt: row.addedAt.toISOString(),
			}));
		},
		async total(userId) {
			return (await totalQuery.all({ userId }))[0]?.total ?? 0;
		},
	};
}
