/**
 * Box office: KOPIS's top-50 booking ranking per period (day, week, month), overall and per genre.
 * A closed period never changes, so only periods not yet stored are asked for: the first run
 * backfills 12 weeks, a nightly run asks for the newest day, week and month.
 */

import { and, eq } from 'drizzle-orm';
import { addDays } from '../../core/calendar.ts';
import { GENRE_CODES } from '../../core/kopis-genres.ts';
import type { Database } from '../../db/client.ts';
import {
	ALL_GENRES,
	type BoxOfficePeriod,
	boxOfficeEntries,
	boxOfficeFetches,
} from '../../db/schema/index.ts';
import type { KopisClient } from '../kopis/client.ts';
import { normalizeBoxOfficeEntry } from '../kopis/normalize.ts';
import type { ProgressReporter } from '../progress.ts';
import type { Transaction } from './performances.ts';
import { emptyTally, type Tally } from './tally.ts';

/** How far back each period is kept: a week of days, 12 weeks, 3 months. */
const HISTORY: Record<BoxOfficePeriod, { count: number; length: number }> = {
	day: { count: 7, length: 1 },
	week: { count: 12, length: 7 },
	month: { count: 3, length: 30 },
};

export interface BoxOfficeRequest {
	period: BoxOfficePeriod;
	startDate: string;
	endDate: string;
	genreCode: string;
}

/** Every period that should be stored, ending yesterday (today's bookings are not complete). */
export function plannedBoxOfficeRequests(today: string): BoxOfficeRequest[] {
	const yesterday = addDays(today, -1);
	const requests: BoxOfficeRequest[] = [];
	for (const period of ['day', 'week', 'month'] as const) {
		const { count, length } = HISTORY[period];
		for (let index = 0; index < count; index += 1) {
			const endDate = addDays(yesterday, -index * length);
			const startDate = addDays(endDate, -(length - 1));
			// Overall, then every genre: each has a ranking of its own (KOPIS `catecode`).
			for (const genreCode of [ALL_GENRES, ...GENRE_CODES]) {
				requests.push({ period, startDate, endDate, genreCode });
			}
		}
	}
	return requests;
}

export interface StagedBoxOffice {
	rankings: { request: BoxOfficeRequest; entries: ReturnType<typeof normalizeBoxOfficeEntry>[] }[];
	tally: Tally;
}

export async function fetchBoxOffice(
	db: Database,
	client: KopisClient,
	options: { today: string; progress: ProgressReporter },
): Promise<StagedBoxOffice> {
	const tally = emptyTally();
	const stored = await db
		.select({
			period: boxOfficeFetches.period,
			endDate: boxOfficeFetches.endDate,
			genreCode: boxOfficeFetches.genreCode,
		})
		.from(boxOfficeFetches);
	const have = new Set(stored.map((row) => `${row.period}|${row.endDate}|${row.genreCode}`));
	const planned = plannedBoxOfficeRequests(options.today);
	const missing = planned.filter(
		(request) => !have.has(`${request.period}|${request.endDate}|${request.genreCode}`),
	);
	tally.unchanged += planned.length - missing.length;

	const stage = options.progress.stage('box office', missing.length);
	const rankings = await Promise.all(
		missing.map(async (request) => {
			const page = await client.boxOffice({
				startDate: request.startDate,
				endDate: request.endDate,
				...(request.genreCode === ALL_GENRES ? {} : { genreCode: request.genreCode }),
			});
			for (const rejected of page.rejected) {
				options.progress.warn(
					`box office ${request.period} ${request.endDate} ${request.genreCode} rank record rejected: ${rejected.reason}`,
				);
			}
			stage.tick();
			return { request, entries: page.records.map(normalizeBoxOfficeEntry) };
		}),
	);
	stage.done();
	return { rankings, tally };
}

export async function applyBoxOffice(
	tx: Transaction,
	staged: StagedBoxOffice['rankings'],
	tally: Tally,
	now: Date,
): Promise<void> {
	for (const { request, entries } of staged) {
		await tx
			.delete(boxOfficeEntries)
			.where(
				and(
					eq(boxOfficeEntries.period, request.period),
					eq(boxOfficeEntries.endDate, request.endDate),
					eq(boxOfficeEntries.genreCode, request.genreCode),
				),
			);
		// KOPIS repeats a rank now and then; the first occurrence wins.
		const byRank = new Map<number, (typeof entries)[number]>();
		for (const entry of entries) if (!byRank.has(entry.rank)) byRank.set(entry.rank, entry);
		if (byRank.size > 0) {
			await tx.insert(boxOfficeEntries).values(
				[...byRank.values()].map((entry) => ({
					...entry,
					period: request.period,
					startDate: request.startDate,
					endDate: request.endDate,
					genreCode: request.genreCode,
				})),
			);
		}
		await tx
			.insert(boxOfficeFetches)
			.values({ ...request, entryCount: byRank.size, fetchedAt: now })
			.onConflictDoUpdate({
				target: [boxOfficeFetches.period, boxOfficeFetches.endDate, boxOfficeFetches.genreCode],
				set: { entryCount: byRank.size, fetchedAt: now },
			});
		tally.new += 1;
	}
}
