/**
 * Review queries, prepared once per app: the public list is the hot path (every performance page
 * asks for it), so its statements are parsed once and run with bound values only. The list's two
 * queries run on `reads`: on an embedded file the read connection (db/read-connection.ts), whose
 * statements are prepared once on the native driver; else the main client. Either way the query
 * is the one built here.
 */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { summariseRatings } from '../../core/ratings.ts';
import type { Database } from '../../db/client.ts';
import { prepareRead, type ReadConnection } from '../../db/read-connection.ts';
import { performances, reviews, users } from '../../db/schema/index.ts';
import type { ReviewSort } from './fields.ts';
import type { RatingSummary } from './rating-summary.ts';

export type ReviewRow = typeof reviews.$inferSelect;

/** A review as lists show it: the author's username only, never their id or email. */
export interface PublicReviewRow {
	id: number;
	performanceId: string;
	username: string;
	ratingHalves: number;
	title: string | null;
	body: string | null;
	seenOn: string | null;
	hasSpoilers: boolean;
	createdAt: Date;
	updatedAt: Date;
}

export interface NewReview {
	userId: string;
	performanceId: string;
	ratingHalves: number;
	title: string | null;
	body: string | null;
	seenOn: string | null;
	hasSpoilers: boolean;
	at: Date;
}

export type ReviewChanges = Partial<
	Pick<ReviewRow, 'ratingHalves' | 'title' | 'body' | 'seenOn' | 'hasSpoilers'>
>;

export interface ReviewStore {
	/** The rating summary, or null when the performance does not exist. */
	summary(performanceId: string): Promise<RatingSummary | null>;
	page(
		performanceId: string,
		sort: ReviewSort,
		limit: number,
		offset: number,
	): Promise<PublicReviewRow[]>;
	/** One review as the public sees it. */
	find(id: number): Promise<PublicReviewRow | null>;
	/** Who owns a review, for the edit and delete checks. */
	owner(id: number): Promise<string | null>;
	/** The user's review of a performance, if any. */
	mine(userId: string, performanceId: string): Promise<PublicReviewRow | null>;
	performanceExists(performanceId: string): Promise<boolean>;
	/** Inserts and returns the id; throws `ReviewExistsError` on the unique index. */
	create(review: NewReview): Promise<number>;
	/** Both take the author too: a review changes only where id and owner match. */
	update(id: number, userId: string, changes: ReviewChanges, at: Date): Promise<boolean>;
	remove(id: number, userId: string): Promise<boolean>;
}

/** A second review of the same performance by the same user; carries the first one's id. */
export class ReviewExistsError extends Error {
	override name = 'ReviewExistsError';
	readonly reviewId: number;
	constructor(reviewId: number, options?: ErrorOptions) {
		super(`The user already reviewed this performance (review ${reviewId})`, options);
		this.reviewId = reviewId;
	}
}

/** What a public review shows. */
const PUBLIC_REVIEW_COLUMNS = {
	id: reviews.id,
	performanceId: reviews.performanceId,
	username: users.username,
	ratingHalves: reviews.ratingHalves,
	title: reviews.title,
	body: reviews.body,
	seenOn: reviews.seenOn,
	hasSpoilers: reviews.hasSpoilers,
	createdAt: reviews.createdAt,
	updatedAt: reviews.updatedAt,
};

/** Newest first breaks rating ties, and the id breaks same-millisecond ties: a stable order. */
const ORDERS = {
	newest: [desc(reviews.createdAt), desc(reviews.id)],
	highest: [desc(reviews.ratingHalves), desc(reviews.createdAt), desc(reviews.id)],
	lowest: [asc(reviews.ratingHalves), desc(reviews.createdAt), desc(reviews.id)],
} as const;

function isUniqueViolation(error: unknown): boolean {
	for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
		if (/UNIQUE constraint failed: reviews\.user_id, reviews\.performance_id/.test(cause.message)) {
			return true;
		}
	}
	return false;
}

/** One statement answers both "does the performance exist" (no row) and its histogram. */
function summaryQuery(db: Database) {
	return db
		.select({ ratingHalves: reviews.ratingHalves, count: count(reviews.id) })
		.from(performances)
		.leftJoin(reviews, eq(reviews.performanceId, performances.id))
		.where(eq(performances.id, sql.placeholder('performanceId')))
		.groupBy(reviews.ratingHalves);
}

function pageQuery(db: Database, sort: ReviewSort) {
	return db
		.select(PUBLIC_REVIEW_COLUMNS)
		.from(reviews)
		.innerJoin(users, eq(users.id, reviews.userId))
		.where(eq(reviews.performanceId, sql.placeholder('performanceId')))
		.orderBy(...ORDERS[sort])
		.limit(sql.placeholder('limit'))
		.offset(sql.placeholder('offset'));
}

/** `reads` runs the public list (summary and pages); null: `db` does. */
export function createReviewStore(db: Database, reads: ReadConnection | null = null): ReviewStore {
	const summary = prepareRead(summaryQuery(db), reads);
	const pageQueries = {
		newest: prepareRead(pageQuery(db, 'newest'), reads),
		highest: prepareRead(pageQuery(db, 'highest'), reads),
		lowest: prepareRead(pageQuery(db, 'lowest'), reads),
	};
	const findQuery = db
		.select(PUBLIC_REVIEW_COLUMNS)
		.from(reviews)
		.innerJoin(users, eq(users.id, reviews.userId))
		.where(eq(reviews.id, sql.placeholder('id')))
		.prepare();
	const mineQuery = db
		.select(PUBLIC_REVIEW_COLUMNS)
		.from(reviews)
		.innerJoin(users, eq(users.id, reviews.userId))
		.where(
			and(
				eq(reviews.userId, sql.placeholder('userId')),
				eq(reviews.performanceId, sql.placeholder('performanceId')),
			),
		)
		.prepare();
	const ownerQuery = db
		.select({ userId: reviews.userId })
		.from(reviews)
		.where(eq(reviews.id, sql.placeholder('id')))
		.prepare();
	const existsQuery = db
		.select({ id: performances.id })
		.from(performances)
		.where(eq(performances.id, sql.placeholder('performanceId')))
		.prepare();

	const store: ReviewStore = {
		async summary(performanceId) {
			const rows = await summary.all({ performanceId });
			return rows.length === 0 ? null : summariseRatings(rows);
		},
		async page(performanceId, sort, limit, offset) {
			return pageQueries[sort].all({ performanceId, limit, offset });
		},
		async find(id) {
			return (await findQuery.all({ id }))[0] ?? null;
		},
		async owner(id) {
			return (await ownerQuery.all({ id }))[0]?.userId ?? null;
		},
		async mine(userId, performanceId) {
			return (await mineQuery.all({ userId, performanceId }))[0] ?? null;
		},
		async performanceExists(performanceId) {
			return (await existsQuery.all({ performanceId })).length > 0;
		},
		async create(review) {
			try {
				const [row] = await db
					.insert(reviews)
					.values({
						userId: review.userId,
						performanceId: review.performanceId,
						ratingHalves: review.ratingHalves,
						title: review.title,
						body: review.body,
						seenOn: review.seenOn,
						hasSpoilers: review.hasSpoilers,
						createdAt: review.at,
						updatedAt: review.at,
					})
					.returning({ id: reviews.id });
				if (row === undefined) throw new Error('INSERT … RETURNING gave no row');
				return row.id;
			} catch (error) {
				if (!isUniqueViolation(error)) throw error;
				const first = await store.mine(review.userId, review.performanceId);
				// Deleted again in between: the conflict is gone, so report the original failure.
				if (first === null) throw error;
				throw new ReviewExistsError(first.id, { cause: error });
			}
		},
		async update(id, userId, changes, at) {
			// createdAt is never in the set: an edit keeps when the review was first written.
			const result = await db
				.update(reviews)
				.set({ ...changes, updatedAt: at })
				.where(and(eq(reviews.id, id), eq(reviews.userId, userId)));
			return result.rowsAffected > 0;
		},
		async remove(id, userId) {
			const result = await db
				.delete(reviews)
				.where(and(eq(reviews.id, id), eq(reviews.userId, userId)));
			return result.rowsAffected > 0;
		},
	};
	return store;
}
