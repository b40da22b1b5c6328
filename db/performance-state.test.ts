/**
 * The SQL state and core's stateOn over the same runs and days: edge days (first, last, the days
 * around them), month and year ends, leap days, one-day runs, then random runs and days.
 */
import { asc, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addDays } from '../core/calendar.ts';
import { stateOn } from '../core/performance-state.ts';
import { performanceStateSql } from './performance-state.ts';
import { performances } from './schema/catalog.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});

afterAll(() => {
	database.destroy();
});

/** Each run's state on `today`, by SQL, in the order the runs were given. */
async function sqlStates(runs: readonly [string, string][], today: string): Promise<string[]> {
	await database.db.delete(performances);
	await database.db.insert(performances).values(
		runs.map(([startDate, endDate], index) => ({
			id: `PF${String(index).padStart(6, '0')}`,
			title: `공연 ${index}`,
			startDate,
			endDate,
			state: 'running' as const,
			genreCode: 'AAAA',
			genreName: '연극',
			venueName: '극장',
			contentHash: `h${index}`,
		})),
	);
	const rows = await database.db
		.select({ state: sql<string>`${performanceStateSql(today)}` })
		.from(performances)
		.orderBy(asc(performances.id));
	return rows.map((row) => row.state);
}

const EDGE_RUNS: [string, string][] = [
	['2026-11-26', '2026-11-26'],
	['2026-11-01', '2026-11-30'],
	['2026-12-31', '2027-01-01'],
	['2027-01-01', '2027-01-31'],
	['2028-02-28', '2028-02-29'],
	['2028-02-29', '2028-03-01'],
	['2027-02-28', '2027-03-01'],
];

test('SQL and TypeScript agree on each run on and around its first and last day', async () => {
	const days = new Set<string>();
	for (const [start, end] of EDGE_RUNS) {
		for (const day of [start, end]) for (const shift of [-1, 0, 1]) days.add(addDays(day, shift));
	}
	let finished = 0;
	let upcoming = 0;
	for (const today of [...days].sort()) {
		const expected = EDGE_RUNS.map(([start, end]) => stateOn(start, end, today));
		expect(await sqlStates(EDGE_RUNS, today), today).toEqual(expected);
		finished += expected.filter((state) => state === 'finished').length;
		upcoming += expected.filter((state) => state === 'upcoming').length;
	}
	// The cases reach every state, so agreement is not agreement on one answer.
	expect(finished).toBeGreaterThan(0);
	expect(upcoming).toBeGreaterThan(0);
});

test('SQL and TypeScript agree on random runs and days', async () => {
	const day = fc.integer({ min: 0, max: 4 * 366 }).map((offset) => addDays('2025-12-20', offset));
	const run = fc
		.tuple(day, fc.integer({ min: 0, max: 400 }))
		.map(([start, length]): [string, string] => [start, addDays(start, length)]);
	await fc.assert(
		fc.asyncProperty(fc.array(run, { minLength: 1, maxLength: 30 }), day, async (runs, today) => {
			const expected = runs.map(([start, end]) => stateOn(start, end, today));
			expect(await sqlStates(runs, today)).toEqual(expected);
		}),
		{ numRuns: 60 },
	);
});
