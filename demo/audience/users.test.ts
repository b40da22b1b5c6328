import { verify } from '@node-rs/argon2';
import { count, eq } from 'drizzle-orm';
import { afterEach, expect, test } from 'vitest';
import type { Database } from '../../db/client.ts';
import { favorites, ingestRuns, performances, reviews, users } from '../../db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { DEMO_ACCOUNT, NotDemoDatabaseError, seedDemoUsers } from './users.ts';

const TODAY = '2026-05-01';
const databases: TestDatabase[] = [];
afterEach(() => {
	for (const database of databases.splice(0)) database.destroy();
});

/** 60 shows: a third finished, a third running, a third still to come on TODAY. */
async function demoCatalogue(source = 'demo:small'): Promise<Database> {
	const database = await createTestDatabase();
	databases.push(database);
	const rows = Array.from({ length: 60 }, (_, n) => {
		const phase = n % 3;
		const [startDate, endDate] =
			phase === 0
				? ['2026-01-10', '2026-02-20']
				: phase === 1
					? ['2026-04-01', '2026-06-30']
					: ['2026-05-01', '2026-07-31'];
		return {
			id: `PF${200_000 + n}`,
			title: `데모 공연 ${n}`,
			startDate,
			endDate,
			state: 'running' as const,
			genreCode: 'AAAA',
			genreName: '연극',
			venueName: `공연장 ${n % 7}`,
			contentHash: String(n),
		};
	});
	await database.db.insert(performances).values(rows);
	const at = new Date(Date.UTC(2026, 3, 30));
	await database.db.insert(ingestRuns).values({
		kind: 'full',
		source,
		startedAt: at,
		finishedAt: at,
		status: 'succeeded',
		counts: {},
		warnings: [],
	});
	return database.db;
}

async function totals(db: Database) {
	const [[u], [r], [f]] = await Promise.all([
		db.select({ n: count() }).from(users),
		db.select({ n: count() }).from(reviews),
		db.select({ n: count() }).from(favorites),
	]);
	return { users: u?.n, reviews: r?.n, favorites: f?.n };
}

test('adds users with reviews and favorites and a demo account that can log in', async () => {
	const db = await demoCatalogue();
	const result = await seedDemoUsers(db, { seed: 7, today: TODAY, users: 40 });
	expect(result).toMatchObject({ users: 41, skipped: false });
	expect(result.reviews).toBeGreaterThan(200);
	expect(result.favorites).toBeGreaterThan(60);
	expect(await totals(db)).toEqual({
		users: 41,
		reviews: result.reviews,
		favorites: result.favorites,
	});

	const [demo] = await db.select().from(users).where(eq(users.email, DEMO_ACCOUNT.email));
	if (demo === undefined) throw new Error('no demo account');
	expect(demo.username).toBe(DEMO_ACCOUNT.username);
	expect(demo.id).toMatch(/^[a-z2-7]{24}$/);
	expect(demo.passwordHash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
	expect(await verify(demo.passwordHash, DEMO_ACCOUNT.password)).toBe(true);
	const demoReviews = await db.select().from(reviews).where(eq(reviews.userId, demo.id));
	expect(demoReviews).toHaveLength(6);

	const shows = new Map(
		(await db.select().from(performances)).map((row) => [row.id, row] as const),
	);
	for (const row of await db.select().from(reviews)) {
		const show = shows.get(row.performanceId);
		if (show === undefined) throw new Error(`review of unknown ${row.performanceId}`);
		expect(row.ratingHalves).toBeGreaterThanOrEqual(1);
		expect(row.ratingHalves).toBeLessThanOrEqual(10);
		// Only shows that had started by yesterday are reviewed, seen within their run.
		expect(show.startDate < TODAY).toBe(true);
		if (row.seenOn !== null) {
			expect(row.seenOn >= show.startDate && row.seenOn <= show.endDate).toBe(true);
			expect(row.seenOn < TODAY).toBe(true);
		}
		expect(row.createdAt.getTime()).toBeLessThan(Date.parse(`${TODAY}T00:00:00+09:00`));
		expect(row.updatedAt).toEqual(row.createdAt);
		if (row.hasSpoilers) expect(row.body).not.toBeNull();
	}
	// Generated users cannot log in with anything guessable.
	const generated = await db
		.select()
		.from(users)
		.where(eq(users.email, 'audience00001@example.com'));
	expect(await verify(generated[0]?.passwordHash ?? '', DEMO_ACCOUNT.password)).toBe(false);
	// Popular shows gather many reviews, so summaries and sorting have something to show.
	const perShow = await db
		.select({ id: reviews.performanceId, n: count() })
		.from(reviews)
		.groupBy(reviews.performanceId);
	expect(Math.max(...perShow.map((row) => row.n))).toBeGreaterThanOrEqual(10);
});

test('writes the same rows for the same seed and a different set for another', async () => {
	const rowsOf = async (seed: number) => {
		const db = await demoCatalogue();
		await seedDemoUsers(db, { seed, today: TODAY, users: 10 });
		return db
			.select({
				userId: reviews.userId,
				performanceId: reviews.performanceId,
				ratingHalves: reviews.ratingHalves,
				title: reviews.title,
				body: reviews.body,
				seenOn: reviews.seenOn,
				createdAt: reviews.createdAt,
			})
			.from(reviews)
			.orderBy(reviews.userId, reviews.performanceId);
	};
	const first = await rowsOf(11);
	expect(await rowsOf(11)).toEqual(first);
	expect(await rowsOf(12)).not.toEqual(first);
});

test('runs once: a second call writes nothing', async () => {
	const db = await demoCatalogue();
	await seedDemoUsers(db, { seed: 7, today: TODAY, users: 5 });
	const before = await totals(db);
	expect(await seedDemoUsers(db, { seed: 8, today: TODAY, users: 50 })).toEqual({
		users: 0,
		reviews: 0,
		favorites: 0,
		skipped: true,
	});
	expect(await totals(db)).toEqual(before);
});

test('refuses a database that a real KOPIS ingest filled', async () => {
	const db = await demoCatalogue('http://www.kopis.or.kr/openApi/restful');
	await expect(seedDemoUsers(db, { seed: 7, today: TODAY })).rejects.toThrow(NotDemoDatabaseError);
	expect(await totals(db)).toEqual({ users: 0, reviews: 0, favorites: 0 });
});
