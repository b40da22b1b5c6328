/**
 * The public review list's fast path, as session-reader.ts is for sessions: the summary and page
 * statements prepared once on a dedicated read-only connection of the raw driver. Through
 * @libsql/client and drizzle every call prepares the statement again and builds objects per row;
 * for a 50-review page that was most of the request's time (see bench/reviews.bench.ts).
 *
 * The SQL comes from the same drizzle query builders as review-store.ts, so there is one query.
 * The server opens it beside the database and passes it to createApp; without it (remote
 * databases, some tests) the store answers through drizzle.
 */
import { fileURLToPath } from 'node:url';
import { count, eq, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/sqlite-core';
import Libsql from 'libsql';
import { summariseRatings } from '../../core/ratings.ts';
import { BUSY_TIMEOUT_MS, isLocalUrl } from '../../db/client.ts';
import { performances, reviews, users } from '../../db/schema/index.ts';
import type { ReviewSort } from './fields.ts';
import type { RatingSummary } from './rating-summary.ts';
import { ORDERS, PUBLIC_REVIEW_COLUMNS, type PublicReviewRow } from './review-store.ts';

export interface ReviewReader {
	/** The rating summary, or null when the performance does not exist. */
	summary(performanceId: string): RatingSummary | null;
	page(performanceId: string, sort: ReviewSort, limit: number, offset: number): PublicReviewRow[];
	close(): void;
}

const builder = new QueryBuilder();

export const SUMMARY_SQL = builder
	.select({ ratingHalves: reviews.ratingHalves, count: count(reviews.id) })
	.from(performances)
	.leftJoin(reviews, eq(reviews.performanceId, performances.id))
	.where(eq(performances.id, sql.placeholder('performanceId')))
	.groupBy(reviews.ratingHalves)
	.toSQL().sql;

function pageSql(sort: ReviewSort): string {
	return builder
		.select(PUBLIC_REVIEW_COLUMNS)
		.from(reviews)
		.innerJoin(users, eq(users.id, reviews.userId))
		.where(eq(reviews.performanceId, sql.placeholder('performanceId')))
		.orderBy(...ORDERS[sort])
		.limit(sql.placeholder('limit'))
		.offset(sql.placeholder('offset'))
		.toSQL().sql;
}

type RawReview = [
	id: number,
	performanceId: string,
	username: string,
	ratingHalves: number,
	title: string | null,
	body: string | null,
	seenOn: string | null,
	hasSpoilers: number,
	createdAt: number,
	updatedAt: number,
];

function toRow(raw: RawReview): PublicReviewRow {
	return {
		id: raw[0],
		performanceId: raw[1],
		username: raw[2],
		ratingHalves: raw[3],
		title: raw[4],
		body: raw[5],
		seenOn: raw[6],
		hasSpoilers: raw[7] === 1,
		createdAt: new Date(raw[8]),
		updatedAt: new Date(raw[9]),
	};
}

function databasePath(url: string): string {
	if (url.startsWith('file://')) return fileURLToPath(url);
	return url.replace(/^file:/, '');
}

/** A reader for an embedded database file, or null for remote and in-memory databases. */
export function openReviewReader(databaseUrl: string): ReviewReader | null {
	if (!isLocalUrl(databaseUrl) || databaseUrl === ':memory:' || databaseUrl === 'file::memory:') {
		return null;
	}
	const connection = new Libsql(databasePath(databaseUrl), { timeout: BUSY_TIMEOUT_MS });
	// This connection only ever reads; make that a property of the connection, not a promise.
	connection.exec('PRAGMA query_only = ON');
	const summary = connection.prepare(SUMMARY_SQL).raw(true);
	const pages = {
		newest: connection.prepare(pageSql('newest')).raw(true),
		highest: connection.prepare(pageSql('highest')).raw(true),
		lowest: connection.prepare(pageSql('lowest')).raw(true),
	};
	return {
		summary(performanceId) {
			const rows = summary.all(performanceId) as [number | null, number][];
			if (rows.length === 0) return null;
			return summariseRatings(rows.map(([ratingHalves, n]) => ({ ratingHalves, count: n })));
		},
		page(performanceId, sort, limit, offset) {
			return (pages[sort].all(performanceId, limit, offset) as RawReview[]).map(toRow);
		},
		close() {
			connection.close();
		},
	};
}
