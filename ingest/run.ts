/**
 * One ingest run: take the lease, record the run, fetch everything KOPIS has for the run's scope
 * (staged in memory), write it in ONE write transaction — so a failure or kill -9 leaves either the
 * old or the new catalogue, never a mix — then run the follow-up steps (images, hashtags), which are
 * idempotent per record. The run row says how it ended.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { addDays } from '../core/calendar.ts';
import { koreanToday } from '../core/korean-today.ts';
import type { Database } from '../db/client.ts';
import { performanceStateSql } from '../db/performance-state.ts';
import {
	type IngestCounts,
	type IngestRunKind,
	ingestRuns,
	performances,
	venues,
} from '../db/schema/index.ts';
import type { KopisClient } from './kopis/client.ts';
import { acquireLease, type Lease } from './lock.ts';
import type { ProgressReporter } from './progress.ts';
import { applyBoxOffice, fetchBoxOffice } from './sync/box-office.ts';
import {
	applyPerformances,
	fetchPerformances,
	listOnlyPerformanceIds,
	type Transaction,
} from './sync/performances.ts';
import { applyVenues, fetchVenues, storedVenueStatuses } from './sync/venues.ts';

/** A follow-up step after the catalogue is written (image pipeline, hashtags). */
export interface IngestStep {
	name: string;
	run(context: {
		db: Database;
		progress: ProgressReporter;
		warn(message: string): void;
	}): Promise<Record<string, number>>;
}

export interface IngestRunOptions {
	db: Database;
	client: KopisClient;
	/** Where the data comes from, without the key (recorded on the run). */
	source: string;
	/** `auto`: incremental after a successful run, full before the first one. */
	mode: IngestRunKind | 'auto';
	ids?: readonly string[];
	/** The performance date range to walk; default: 60 days back to a year ahead. */
	range?: { from: string; to: string };
	steps?: readonly IngestStep[];
	progress: ProgressReporter;
	now?: () => number;
	holder?: string;
	/**
	 * A lease the caller took first, so it can refuse a second ingest before starting anything
	 * (the demo server, for one). The run renews and releases it; without it the run takes its own.
	 */
	lease?: Lease;
}

export interface IngestRunResult {
	runId: number;
	kind: IngestRunKind;
	status: 'succeeded' | 'failed';
	counts: IngestCounts;
	warnings: string[];
	error: string | null;
	durationMs: number;
}

/** The default window: what was on recently, what is on, and what opens within a year. */
export function defaultRange(today: string): { from: string; to: string } {
	return { from: addDays(today, -60), to: addDays(today, 365) };
}

/**
 * KOPIS does not touch `updatedate` when a show simply opens or closes, so an incremental run would
 * keep yesterday's state: states follow the dates instead. Only rows that change are written.
 */
async function refreshStates(tx: Transaction, today: string): Promise<void> {
	const expected = performanceStateSql(today);
	await tx
		.update(performances)
		.set({ state: sql`${expected}` })
		.where(sql`${performances.state} <> ${expected}`);
}

/** Throws LockHeldError at once when another ingest holds the lease. */
export async function runIngest(options: IngestRunOptions): Promise<IngestRunResult> {
	const { db, progress } = options;
	const now = options.now ?? Date.now;
	const lease =
		options.lease ??
		(await acquireLease(db, {
			now,
			...(options.holder === undefined ? {} : { holder: options.holder }),
		}));
	const started = now();
	const warnings: string[] = [];
	const counts: IngestCounts = {};
	let runId = 0;
	let kind: IngestRunKind = 'full';
	try {
		// We hold the lease, so any run still marked running was killed before it could say so.
		await db
			.update(ingestRuns)
			.set({ status: 'failed', error: 'interrupted (the process ended before the run finished)' })
			.where(eq(ingestRuns.status, 'running'));
		const lastSuccess = await db
			.select({ startedAt: ingestRuns.startedAt })
			.from(ingestRuns)
			.where(and(eq(ingestRuns.status, 'succeeded')))
			.orderBy(desc(ingestRuns.startedAt))
			.limit(1)
			.get();
		kind =
			options.mode === 'auto' ? (lastSuccess === undefined ? 'full' : 'incremental') : options.mode;
		const inserted = await db
			.insert(ingestRuns)
			.values({
				kind,
				source: options.source,
				startedAt: new Date(started),
				status: 'running',
				counts: {},
				warnings: [],
			})
			.returning({ id: ingestRuns.id });
		runId = inserted[0]?.id ?? 0;

		const warningProgress: ProgressReporter = {
			...progress,
			warn(message) {
				warnings.push(message);
				progress.warn(message);
			},
		};
		const today = koreanToday(started);
		// KOPIS's afterdate has day granularity and its clock is Korea's: step a day back so
		// nothing changed late in the last run's day is missed.
		const afterDate =
			kind === 'incremental' && lastSuccess !== undefined
				? addDays(koreanToday(lastSuccess.startedAt.getTime()), -1)
				: null;
		if (afterDate !== null) progress.info(`incremental: changes since ${afterDate}`);
		const retryIds = kind === 'ids' ? [] : await listOnlyPerformanceIds(db);

		const stagedPerformances = await fetchPerformances(options.client, {
			range: kind === 'ids' ? null : (options.range ?? defaultRange(today)),
			afterDate,
			extraIds: [...(options.ids ?? []), ...retryIds],
			today,
			progress: warningProgress,
		});
		const referencedIds = new Set(
			stagedPerformances.records.flatMap((record) =>
				record.performance.venueId == null ? [] : [record.performance.venueId],
			),
		);
		const stored = await storedVenueStatuses(db);
		const stagedVenues = await fetchVenues(options.client, {
			referencedIds,
			stored,
			afterDate: kind === 'full' ? null : (afterDate ?? addDays(today, -1)),
			progress: warningProgress,
		});
		const stagedBoxOffice =
			kind === 'ids'
				? null
				: await fetchBoxOffice(db, options.client, { today, progress: warningProgress });

		await lease.assertHeld();
		const writeStage = progress.stage('writing catalogue', null);
		const writtenAt = new Date(now());
		await db.transaction(async (tx) => {
			await applyVenues(tx, stagedVenues.records, stagedVenues.tally, writtenAt);
			const known = new Set((await tx.select({ id: venues.id }).from(venues)).map((row) => row.id));
			await applyPerformances(
				tx,
				stagedPerformances.records,
				known,
				stagedPerformances.tally,
				writtenAt,
			);
			if (stagedBoxOffice !== null) {
				await applyBoxOffice(tx, stagedBoxOffice.rankings, stagedBoxOffice.tally, writtenAt);
			}
			await refreshStates(tx, today);
		});
		writeStage.done();
		counts.performances = { ...stagedPerformances.tally };
		counts.venues = { ...stagedVenues.tally };
		if (stagedBoxOffice !== null) counts.boxOffice = { ...stagedBoxOffice.tally };

		for (const step of options.steps ?? []) {
			await lease.assertHeld();
			counts[step.name] = await step.run({
				db,
				progress: warningProgress,
				warn: (message) => warningProgress.warn(message),
			});
		}

		const finished = now();
		await db
			.update(ingestRuns)
			.set({ status: 'succeeded', finishedAt: new Date(finished), counts, warnings })
			.where(eq(ingestRuns.id, runId));
		return {
			runId,
			kind,
			status: 'succeeded',
			counts,
			warnings,
			error: null,
			durationMs: finished - started,
		};
	} catch (error) {
		const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		const finished = now();
		if (runId !== 0) {
			await db
				.update(ingestRuns)
				.set({ status: 'failed', finishedAt: new Date(finished), counts, warnings, error: message })
				.where(eq(ingestRuns.id, runId));
		}
		return {
			runId,
			kind,
			status: 'failed',
			counts,
			warnings,
			error: message,
			durationMs: finished - started,
		};
	} finally {
		await lease.release();
	}
}
