import { eq, sql } from 'drizzle-orm';
import { afterEach, expect, test } from 'vitest';
import { openReadConnection, type ReadConnection, type ReadDatabase } from './read-connection.ts';
import { users } from './schema/index.ts';
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

/** One query, built the same way for either database. */
function userQuery(db: ReadDatabase) {
	return db
		.select({ id: users.id, username: users.username, createdAt: users.createdAt })
		.from(users)
		.where(eq(users.email, sql.placeholder('email')))
		.prepare();
}

const at = new Date(Date.UTC(2025, 4, 1, 3));

async function addUser(db: TestDatabase['db'], id: string): Promise<void> {
	await db.insert(users).values({
		id,
		email: `${id}@example.com`,
		username: `관객 ${id}`,
		passwordHash: 'unused',
		createdAt: at,
		updatedAt: at,
	});
}

test('opens no read connection for remote or in-memory databases', () => {
	expect(openReadConnection('libsql://example.turso.io')).toBeNull();
	expect(openReadConnection(':memory:')).toBeNull();
});

test('answers a query as the main client does, mapped by its selection', async () => {
	const { database, reads } = await setUp();
	await addUser(database.db, 'u1');
	const expected = { id: 'u1', username: '관객 u1', createdAt: at };
	expect(await userQuery(reads.db).all({ email: 'u1@example.com' })).toEqual([expected]);
	expect(await userQuery(database.db).all({ email: 'u1@example.com' })).toEqual([expected]);
	expect(await userQuery(reads.db).get({ email: 'u1@example.com' })).toEqual(expected);
	expect(await userQuery(reads.db).get({ email: 'nobody@example.com' })).toBeUndefined();
});

test('sees what the main client commits after the statement was prepared', async () => {
	const { database, reads } = await setUp();
	const query = userQuery(reads.db);
	expect(await query.all({ email: 'u2@example.com' })).toEqual([]);
	await addUser(database.db, 'u2');
	expect((await query.all({ email: 'u2@example.com' })).map((row) => row.id)).toEqual(['u2']);
});

test('refuses to write', async () => {
	const { reads } = await setUp();
	await expect(
		reads.db.insert(users).values({
			id: 'u3',
			email: 'u3@example.com',
			username: 'u3',
			passwordHash: 'unused',
			createdAt: at,
			updatedAt: at,
		}),
	).rejects.toThrow();
});
