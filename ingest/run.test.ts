import { and, count, eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
	bookingLinks,
	boxOfficeEntries,
	halls,
	ingestRuns,
	performanceImages,
	performancePeople,
	performances,
	venues,
} from '../db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { addDemoPerformance, updateDemoPerformance } from '../demo/dataset/generate.ts';
import { LockHeldError } from './lock.ts';
import { runIngest } from './run.ts';
import {
	catalogueSnapshot,
	performancesInRange,
	runOptions,
	startTestSource,
	type TestSource,
} from './testing.ts';

let database: TestDatabase;
let source: TestSource;
beforeEach(async () => {
	database = await createTestDatabase();
	source = await startTestSource();
});
afterEach(async () => {
	await source.close();
	database.destroy();
});

async function total(table: SQLiteTable): Promise<number> {
	const [row] = await database.db.select({ total: count() }).from(table);
	return row?.total ?? 0;
}

describe('a full run over the small demo dataset', () => {
	test('stores every listed performance with its venue, people, links and images', async () => {
		const result = await runIngest(runOptions(database.db, source, 'full'));
		expect(result.status).toBe('succeeded');
		expect(result.error).toBeNull();

		const expected = performancesInRange(source);
		const failing = expected.filter((performance) => performance.detailFailure !== null);
		expect(failing.length).toBeGreaterThan(0);
		expect(await total(performances)).toBe(expected.length);
		expect(result.counts.performances).toEqual({
			new: expected.length,
			updated: 0,
			unchanged: 0,
			failed: failing.length,
		});

		// Records KOPIS lists but cannot detail are kept from their list data, flagged for retry.
		const listOnly = await database.db
			.select({ id: performances.id })
			.from(performances)
			.where(eq(performances.detailStatus, 'list'));
		expect(listOnly.map((row) => row.id).sort()).toEqual(failing.map((p) => p.id).sort());

		// A complete record: every field normalised from KOPIS's text.
		const demo = expected.find(
			(p) => p.detailFailure === null && p.bookingLinks.length > 1 && p.introImages.length > 0,
		);
		if (demo === undefined) throw new Error('the demo dataset lacks a rich performance');
		const stored = await database.db
			.select()
			.from(performances)
			.where(eq(performances.id, demo.id))
			.get();
		expect(stored).toMatchObject({
			title: demo.title,
			startDate: demo.startDate,
			endDate: demo.endDate,
			genreCode: demo.genre,
			venueId: demo.venueId,
			hallId: demo.hallId,
			detailStatus: 'complete',
			isOpenRun: demo.openRun,
			isVisiting: demo.visit,
		});
		expect(stored?.runtimeMinutes).toBeGreaterThan(0);
		expect(stored?.priceTiers.length).toBeGreaterThan(0);
		expect(stored?.scheduleSlots.length).toBeGreaterThan(0);
		const links = await database.db
			.select()
			.from(bookingLinks)
			.where(eq(bookingLinks.performanceId, demo.id));
		expect(links).toHaveLength(demo.bookingLinks.length);
		const images = await database.db
			.select()
			.from(performanceImages)
			.where(eq(performanceImages.performanceId, demo.id));
		expect(images.filter((image) => image.kind === 'poster')).toHaveLength(1);
		expect(images.filter((image) => image.kind === 'intro')).toHaveLength(demo.introImages.length);
		expect(images.every((image) => image.status === 'pending')).toBe(true);
		const people = await database.db
			.select()
			.from(performancePeople)
			.where(and(eq(performancePeople.performanceId, demo.id), eq(performancePeople.role, 'cast')));
		expect(people.map((person) => person.name)).toEqual(stored?.cast);

		// Venues are joined by id and detailed, with their halls.
		const venueIds = new Set(
			expected.filter((p) => p.detailFailure === null).map((p) => p.venueId),
		);
		const storedVenues = await database.db.select().from(venues);
		for (const id of venueIds) expect(storedVenues.map((venue) => venue.id)).toContain(id);
		expect(await total(halls)).toBeGreaterThanOrEqual(venueIds.size);
		const venue = storedVenues.find((candidate) => candidate.id === demo.venueId);
		expect(venue?.latitude).toBeTypeOf('number');
		expect(venue?.address).toBeTruthy();

		// 12 weeks of weekly box office, overall and per genre.
		const weekly = await database.db
			.selectDistinct({ endDate: boxOfficeEntries.endDate })
			.from(boxOfficeEntries)
			.where(and(eq(boxOfficeEntries.period, 'week'), eq(boxOfficeEntries.genreCode, 'ALL')));
		expect(weekly).toHaveLength(12);

		const run = await database.db.select().from(ingestRuns).get();
		expect(run).toMatchObject({ status: 'succeeded', kind: 'full' });
		expect(run?.finishedAt).toBeInstanceOf(Date);
	});

	test('a second run over the same data changes nothing', async () => {
		await runIngest(runOptions(database.db, source, 'full'));
		const before = await catalogueSnapshot(database.db);
		const second = await runIngest(runOptions(database.db, source, 'full'));
		expect(second.status).toBe('succeeded');
		expect(second.counts.performances?.new).toBe(0);
		expect(second.counts.performances?.updated).toBe(0);
		expect(second.counts.venues?.new).toBe(0);
		expect(second.counts.venues?.updated).toBe(0);
		expect(second.counts.boxOffice?.new).toBe(0);
		expect(await catalogueSnapshot(database.db)).toEqual(before);
	});
});

test('an incremental run picks up a changed and a new performance, and nothing else', async () => {
	await runIngest(runOptions(database.db, source, 'full'));
	const target = performancesInRange(source).find((p) => p.detailFailure === null);
	if (target === undefined) throw new Error('no complete performance');
	updateDemoPerformance(source.dataset, target.id, { title: '바뀐 제목의 공연' }, source.today);
	const added = addDemoPerformance(source.dataset, source.today);

	const result = await runIngest(runOptions(database.db, source, 'auto'));
	expect(result.kind).toBe('incremental');
	expect(result.status).toBe('succeeded');
	expect(result.counts.performances).toMatchObject({ new: 1, updated: 1 });
	const titles = await database.db
		.select({ id: performances.id, title: performances.title })
		.from(performances)
		.where(eq(performances.id, target.id));
	expect(titles[0]?.title).toBe('바뀐 제목의 공연');
	const fresh = await database.db
		.select({ detailStatus: performances.detailStatus })
		.from(performances)
		.where(eq(performances.id, added.id))
		.get();
	expect(fresh?.detailStatus).toBe('complete');
	// Only what KOPIS reported as changed was asked for in detail (plus the list-only retries).
	const detailCalls = source.server.requests.filter((request) => /pblprfr\/PF/.test(request));
	expect(detailCalls.length).toBeLessThan(performancesInRange(source).length * 2);
});

test('a changed poster URL sends its image back to pending in place, keeping what was made', async () => {
	await runIngest(runOptions(database.db, source, 'full'));
	const target = performancesInRange(source).find((p) => p.detailFailure === null);
	if (target === undefined) throw new Error('no complete performance');
	const posterRow = and(
		eq(performanceImages.performanceId, target.id),
		eq(performanceImages.kind, 'poster'),
		eq(performanceImages.position, 0),
	);
	// As if the image step had processed it.
	const made = {
		status: 'ready' as const,
		sourceHash: 'a'.repeat(64),
		width: 600,
		height: 840,
		variants: [
			{ format: 'webp' as const, width: 240, height: 336, path: 'posters/x-240.webp', bytes: 900 },
		],
		placeholder: 'data:image/webp;base64,AAAA',
	};
	await database.db.update(performanceImages).set(made).where(posterRow);
	const before = await database.db.select().from(performanceImages).where(posterRow).get();

	const newPath = target.poster.path.replace(/\.(\w+)$/, '_v2.$1');
	updateDemoPerformance(
		source.dataset,
		target.id,
		{ poster: { ...target.poster, path: newPath } },
		source.today,
	);
	const result = await runIngest(runOptions(database.db, source, 'auto'));
	expect(result.counts.performances).toMatchObject({ updated: 1 });

	const after = await database.db.select().from(performanceImages).where(posterRow).get();
	expect(after?.sourceUrl).toMatch(/_v2\.\w+$/);
	expect(after?.sourceUrl).not.toBe(before?.sourceUrl);
	expect(after).toMatchObject({ ...made, status: 'pending', error: null });
});

describe('a failure in the middle leaves the previous data intact and the run marked failed', () => {
	test('KOPIS starts answering 500', async () => {
		await runIngest(runOptions(database.db, source, 'full'));
		const target = performancesInRange(source).find((p) => p.detailFailure === null);
		if (target === undefined) throw new Error('no complete performance');
		updateDemoPerformance(
			source.dataset,
			target.id,
			{ title: '실패 전에 바뀐 제목' },
			source.today,
		);
		const before = await catalogueSnapshot(database.db);

		source.server.setFault({ kind: 'http500', path: /pblprfr\/PF/, afterRequests: 3 });
		const failed = await runIngest(runOptions(database.db, source, 'full'));
		expect(failed.status).toBe('failed');
		expect(failed.error).toMatch(/SourceFailingError|KopisHttpError/);
		expect(await catalogueSnapshot(database.db)).toEqual(before);
		const run = await database.db
			.select()
			.from(ingestRuns)
			.where(eq(ingestRuns.id, failed.runId))
			.get();
		expect(run?.status).toBe('failed');
		expect(run?.error).toBeTruthy();

		source.server.setFault(null);
		const recovered = await runIngest(runOptions(database.db, source, 'auto'));
		expect(recovered.status).toBe('succeeded');
		const title = await database.db
			.select({ title: performances.title })
			.from(performances)
			.where(eq(performances.id, target.id))
			.get();
		expect(title?.title).toBe('실패 전에 바뀐 제목');
	});

	test('KOPIS returns malformed XML', async () => {
		await runIngest(runOptions(database.db, source, 'full'));
		const before = await catalogueSnapshot(database.db);
		source.server.setFault({ kind: 'malformed', path: /^\/openApi\/restful\/prfplc\?/ });
		const failed = await runIngest(runOptions(database.db, source, 'full'));
		expect(failed.status).toBe('failed');
		expect(failed.error).toMatch(/KopisParseError/);
		expect(await catalogueSnapshot(database.db)).toEqual(before);

		source.server.setFault(null);
		expect((await runIngest(runOptions(database.db, source, 'full'))).status).toBe('succeeded');
	});
});

test('refuses a second concurrent ingest at once, without recording a run', async () => {
	source.server.setFault({ kind: 'hang', path: /pblprfr\/PF/, afterRequests: 0 });
	const first = runIngest(runOptions(database.db, source, 'full'));
	const deadline = Date.now() + 10_000;
	while (!source.server.requests.some((r) => /pblprfr\/PF/.test(r)) && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	await expect(runIngest(runOptions(database.db, source, 'full'))).rejects.toThrow(LockHeldError);
	expect(await total(ingestRuns)).toBe(1);
	source.server.setFault(null);
	// The hung detail calls time out and are retried; the first run still finishes.
	expect((await first).status).toBe('succeeded');
});
