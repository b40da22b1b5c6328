import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export type IngestRunKind = 'full' | 'incremental' | 'ids';
export type IngestRunStatus = 'running' | 'succeeded' | 'failed';

/**
 * Figures per kind of work: records count new / updated / unchanged / failed, e.g.
 * { performances: { new: 3, updated: 1, unchanged: 1490, failed: 0 } }; the image and hashtag steps
 * add their own figures under their names.
 */
export type IngestCounts = Record<string, Record<string, number>>;

export const ingestRuns = sqliteTable(
	'ingest_runs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind').$type<IngestRunKind>().notNull(),
		/** Where the data came from (KOPIS base URL without the key). */
		source: text('source').notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
		status: text('status').$type<IngestRunStatus>().notNull(),
		counts: text('counts', { mode: 'json' }).$type<IngestCounts>().notNull(),
		/** Skipped records and images, each one line. */
		warnings: text('warnings', { mode: 'json' }).$type<string[]>().notNull(),
		error: text('error'),
	},
	(t) => [index('ingest_runs_status_started_idx').on(t.status, t.startedAt)],
);

/**
 * A lease, not a process lock: it works the same against a remote libSQL server, and a crashed
 * holder's lease simply expires. The holder renews it while it works.
 */
export const ingestLocks = sqliteTable('ingest_locks', {
	name: text('name').primaryKey(),
	holder: text('holder').notNull(),
	acquiredAt: integer('acquired_at', { mode: 'timestamp_ms' }).notNull(),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});
