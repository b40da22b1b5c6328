import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { boxOfficeEntries } from '../../db/schema/box-office.ts';
import { ingestRuns } from '../../db/schema/ingest.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { createCatalogCache } from './catalog-cache.ts';
import { loadCatalogSnapshot, producersOf } from './catalog-loader.ts';
import { loadUserHistory } from './history.ts';
import { recommend } from './recommend.ts';
import { insertCatalog, insertHistory, insertUser, item, TODAY } from './testing.ts';

let database: TestDatabase;

beforeEach(async () => {
	database = await createTestDatabase();
});
afterEach(() => {
	database.destroy();
});

function rankRow(performanceId: string, genreCode: string, rank: number, endDate = '2026-04-30') {
	return {
		period: 'week' as const,
		startDate: '2026-04-24',
		endDate,
		genreCode,
		rank,
		performanceId,
		title: performanceId,
	};
}

async function finishRun(id: number, finishedAt: number): Promise<void> {
	await database.db.insert(ingestRuns).values({
		id,
		kind: 'incremental',
		source: 'http://127.0.0.1/',
		startedAt: new Date(finishedAt - 1000),
		finishedAt: new Date(finishedAt),
		status: 'succeeded',
		counts: {},
		warnings: [],
	});
}

describe('loadCatalogSnapshot', () => {
	test('reads tags, cast, producers, venue and flags into comparable features', async () => {
		const shared = {
			tags: ['로맨틱', '코믹한'],
			cast: ['홍광호'],
			venueId: 'FC000001',
			flags: ['child'],
		};
		const a = item({ ...shared, producers: ['(주)쇼노트'] });
		const b = item({ ...shared, producers: ['쇼노트'] });
		await insertCatalog(database.db, [a, b]);

		const snapshot = await loadCatalogSnapshot(database.db);

		const labels = (id: string): string[] =>
			[...(snapshot.entries.get(id)?.vector.ids ?? [])].map(
				(feature) => `${snapshot.features.kinds[feature]}:${snapshot.features.labels[feature]}`,
			);
		expect(labels(a.id).sort()).toEqual(
			[
				'tag:로맨틱',
				'tag:코믹한',
				'genre:GGGA',
				'cast:홍광호',
				'producer:쇼노트',
				'venue:FC000001',
				'region:11',
				'flag:child',
			].sort(),
		);
		expect(labels(b.id).sort()).toEqual(labels(a.id).sort());
		expect([...snapshot.vocabulary].sort()).toEqual(['로맨틱', '코믹한']);
	});

	test('takes popularity from the latest weekly ranking and from our users', async () => {
		const [top, genreOnly, stale, loved] = [item(), item(), item(), item()];
		await insertCatalog(database.db, [top, genreOnly, stale, loved]);
		await database.db
			.insert(boxOfficeEntries)
			.values([
				rankRow(top.id, 'ALL', 1),
				rankRow(top.id, 'GGGA', 1),
				rankRow(genreOnly.id, 'GGGA', 2),
				rankRow(stale.id, 'ALL', 1, '2026-04-23'),
			]);
		await insertUser(database.db, 'u1');
		await insertHistory(database.db, 'u1', {
			reviews: [{ performanceId: loved.id, ratingHalves: 8 }],
			favorites: [loved.id],
		});

		const snapshot = await loadCatalogSnapshot(database.db);
		const entry = (id: string) => snapshot.entries.get(id);

		expect(entry(top.id)).toMatchObject({ overallRank: 1, genreRank: 1 });
		expect(entry(genreOnly.id)).toMatchObject({ overallRank: null, genreRank: 2 });
		expect(entry(stale.id)).toMatchObject({ overallRank: null, genreRank: null, prior: 0 });
		const priors = [top, genreOnly, loved, stale].map((show) => entry(show.id)?.prior ?? -1);
		expect([...priors].sort((x, y) => y - x)).toEqual(priors);
		expect(priors[2]).toBeGreaterThan(0);
	});

	test('splits and normalises KOPIS producer text', () => {
		expect(
			producersOf('(주)라온플레이, ㈜하늘이엔티', null, '주식회사 라온플레이 / (재)예술의전당'),
		).toEqual(['라온플레이', '하늘이엔티', '예술의전당']);
	});
});

describe('loadUserHistory', () => {
	test('returns only this user’s reviews and favorites', async () => {
		const [a, b, c] = [item(), item(), item()];
		await insertCatalog(database.db, [a, b, c]);
		await insertUser(database.db, 'me');
		await insertUser(database.db, 'other');
		await insertHistory(database.db, 'me', {
			reviews: [{ performanceId: a.id, ratingHalves: 3 }],
			favorites: [b.id],
		});
		await insertHistory(database.db, 'other', {
			reviews: [{ performanceId: c.id, ratingHalves: 10 }],
			favorites: [c.id],
		});

		expect(await loadUserHistory(database.db, 'me')).toEqual({
			reviews: [{ performanceId: a.id, ratingHalves: 3 }],
			favorites: [b.id],
		});
		expect(await loadUserHistory(database.db, 'nobody')).toEqual({ reviews: [], favorites: [] });
	});
});

describe('createCatalogCache', () => {
	test('keeps one snapshot until an ingest run finishes, then rebuilds in the background', async () => {
		await insertCatalog(database.db, [item({ id: 'PF000001' })]);
		const cache = createCatalogCache(database.db, { now: () => 0 });
		const first = await cache.get();

		await insertCatalog(database.db, [item({ id: 'PF000002' })]);
		expect(await cache.get()).toBe(first);
		await cache.settled();
		expect(await cache.get()).toBe(first);

		await finishRun(1, 1_000);
		// The request that notices the run still gets the old snapshot; the next gets the new one.
		expect(await cache.get()).toBe(first);
		await cache.settled();
		const second = await cache.get();
		expect(second).not.toBe(first);
		expect([...second.entries.keys()]).toEqual(['PF000001', 'PF000002']);
		await cache.settled();
		expect(await cache.get()).toBe(second);
	});

	test('rebuilds once the snapshot is older than its maximum age', async () => {
		let clock = 0;
		const cache = createCatalogCache(database.db, { maxAgeMs: 1_000, now: () => clock });
		const first = await cache.get();

		clock = 999;
		expect(await cache.get()).toBe(first);
		await cache.settled();
		expect(await cache.get()).toBe(first);
		clock = 1_000;
		await cache.get();
		await cache.settled();
		expect(await cache.get()).not.toBe(first);
	});

	test('keeps serving the last snapshot when a background rebuild fails', async () => {
		const errors: unknown[] = [];
		let clock = 0;
		const cache = createCatalogCache(database.db, {
			maxAgeMs: 1_000,
			now: () => clock,
			onError: (error) => errors.push(error),
		});
		const first = await cache.get();
		await database.client.execute('DROP TABLE performance_hashtags');

		clock = 5_000;
		expect(await cache.get()).toBe(first);
		await cache.settled();
		expect(await cache.get()).toBe(first);
		await cache.settled();
		expect(errors.length).toBeGreaterThanOrEqual(1);
	});

	test('shares one rebuild among concurrent requests', async () => {
		const cache = createCatalogCache(database.db);
		const [a, b, c] = await Promise.all([cache.get(), cache.get(), cache.get()]);

		expect(b).toBe(a);
		expect(c).toBe(a);
	});

	test('feeds the engine from the database end to end', async () => {
		const loved = item({
			tags: ['로맨틱'],
			cast: ['김배우'],
			endDate: '2026-02-01',
			startDate: '2026-01-01',
		});
		const like = item({ tags: ['로맨틱'], cast: ['김배우'] });
		const unlike = item({ tags: ['웅장한'], genreCode: 'CCCA', genreName: '서양음악(클래식)' });
		await insertCatalog(database.db, [loved, like, unlike]);
		await insertUser(database.db, 'me');
		await insertHistory(database.db, 'me', {
			reviews: [{ performanceId: loved.id, ratingHalves: 10 }],
			favorites: [],
		});

		const list = recommend(
			await createCatalogCache(database.db).get(),
			await loadUserHistory(database.db, 'me'),
			{
				pickedTags: [],
				limit: 10,
				today: TODAY,
			},
		);

		expect(list.map((entry) => entry.performanceId)).toEqual([like.id, unlike.id]);
	});
});
