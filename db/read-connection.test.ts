import { count, eq, sql } from 'drizzle-orm';
import { afterEach, expect, test } from 'vitest';
import type { Database } from './client.ts';
import { openReadConnection, prepareRead, type ReadConnection } from './read-connection.ts';
import { performances, reviews, users } from './schema/index.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let database: TestDatabase | null = null;
let reads: ReadConnection | null = null;
afterEach(() => {
	reads?.close();
	reads = null;
	database?.destroy();
	database = null;
});

async function setUp(): Promise<{ database: TestDatabase; reads: ReadConnection }> {
	database = await createTestDatabase();
	reads = openReadConnection(database.url);
	if (reads === null) throw new Error('no read connection for an embedded file');
	return { database, reads };
}

const at = new Date(Date.UTC(2025, 4, 1, 3));

async function addReview(db: Database, userId: string, hasSpoilers: boolean): Promise<void> {
	await db.insert(users).values({
		id: userId,
		email: `${userId}@example.com`,
		username: `관객 ${userId}`,
		passwordHash: 'unused',
		createdAt: at,
		updatedAt: at,
	});
	await db
		.insert(performances)
		.values({
			id: 'PF1',
			title: '햄릿',
			startDate: '2025-04-01',
			endDate: '2025-06-30',
			state: 'running',
			genreCode: 'AAAA',
			genreName: '연극',
			venueName: '대학로 예술극장',
			contentHash: 'h',
		})
		.onConflictDoNothing();
	await db.insert(reviews).values({
		userId,
		performanceId: 'PF1',
		ratingHalves: 9,
		title: null,
		body: '줄\n바꿈',
		hasSpoilers,
		createdAt: at,
		updatedAt: at,
	});
}

/** Columns of two tables, a timestamp, a boolean, a null and a placeholder. */
function reviewQuery(db: Database) {
	return db
		.select({
			username: users.username,
			rating: reviews.ratingHalves,
			title: reviews.title,
			body: reviews.body,
			hasSpoilers: reviews.hasSpoilers,
			createdAt: reviews.createdAt,
		})
		.from(reviews)
		.innerJoin(users, eq(users.id, reviews.userId))
		.where(eq(reviews.userId, sql.placeholder('userId')));
}

test('opens no read connection for remote or in-memory databases', () => {
	expect(openReadConnection('libsql://example.turso.io')).toBeNull();
	expect(openReadConnection(':memory:')).toBeNull();
});

test('answers a read with the rows the main client gives, mapped by the selection', async () => {
	const { database, reads } = await setUp();
	await addReview(database.db, 'u1', true);
	const expected = {
		username: '관객 u1',
		rating: 9,
		title: null,
		body: '줄\n바꿈',
		hasSpoilers: true,
		createdAt: at,
	};
	const native = prepareRead(reviewQuery(database.db), reads);
	const client = prepareRead(reviewQuery(database.db), null);
	expect(await native.all({ userId: 'u1' })).toEqual([expected]);
	expect(await client.all({ userId: 'u1' })).toEqual([expected]);
	expect(await native.get({ userId: 'u1' })).toEqual(expected);
	expect(await native.get({ userId: 'nobody' })).toBeUndefined();
	expect(await native.all({ userId: 'nobody' })).toEqual([]);
});

test("decodes an expression's mapping, as drizzle does", async () => {
	const { database, reads } = await setUp();
	await addReview(database.db, 'u1', false);
	await addReview(database.db, 'u2', false);
	const query = database.db
		.select({ performanceId: reviews.performanceId, n: count(reviews.id) })
		.from(reviews)
		.groupBy(reviews.performanceId);
	expect(await prepareRead(query, reads).all()).toEqual([{ performanceId: 'PF1', n: 2 }]);
});

test('sees what the main client commits after the statement was prepared', async () => {
	const { database, reads } = await setUp();
	const read = prepareRead(reviewQuery(database.db), reads);
	expect(await read.all({ userId: 'u2' })).toEqual([]);
	await addReview(database.db, 'u2', false);
	expect((await read.all({ userId: 'u2' })).map((row) => row.username)).toEqual(['관객 u2']);
});

test('refuses a nested selection it cannot map, naming the key', async () => {
	const { database, reads } = await setUp();
	const nested = database.db.select({ user: { id: users.id } }).from(users);
	expect(() => prepareRead(nested, reads)).toThrow(/flat selections.*'user'/);
});

test('refuses a mapping the statement does not match, column by column', async () => {
	const { database, reads } = await setUp();
	const query = database.db.select({ id: users.id, email: users.email }).from(users);
	// The same SQL with the keys the other way round: mapping by position would swap the values.
	const swapped = {
		prepare: () => query.prepare(),
		toSQL: () => query.toSQL(),
		_: { selectedFields: { email: users.email, id: users.id } },
	};
	expect(() => prepareRead(swapped, reads)).toThrow(
		/'email' selects users\.email but the statement returns users\.id/,
	);
});
