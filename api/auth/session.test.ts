import { createHash } from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { openReadConnection, type ReadConnection } from '../../db/read-connection.ts';
import { sessions, users } from '../../db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { fakeClock } from '../testing.ts';
import {
	createSessionStore,
	generateSessionToken,
	SESSION_ABSOLUTE_TTL_MS,
	SESSION_TTL_MS,
	sessionIdFromToken,
	TOKEN_PATTERN,
} from './session.ts';

const DAY = 24 * 60 * 60_000;

test('makes 10,000 distinct tokens of 160 random bits without Math.random', () => {
	const random = vi.spyOn(Math, 'random');
	const tokens = new Set(Array.from({ length: 10_000 }, generateSessionToken));
	expect(tokens.size).toBe(10_000);
	for (const token of tokens) expect(token).toMatch(TOKEN_PATTERN);
	// 32 base32 characters carry 160 bits = 20 bytes, above the 16 docs/SECURITY.md asks.
	expect([...tokens][0]).toHaveLength(32);
	expect(random).not.toHaveBeenCalled();
	random.mockRestore();
});

test('derives the session id as the hex SHA-256 of the token', () => {
	const token = generateSessionToken();
	expect(sessionIdFromToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
});

let database: TestDatabase | null = null;
let reads: ReadConnection | null = null;
afterEach(() => {
	reads?.close();
	reads = null;
	database?.destroy();
	database = null;
});

async function setUp(lookup: 'raw' | 'drizzle') {
	database = await createTestDatabase();
	const clock = fakeClock();
	reads = lookup === 'raw' ? openReadConnection(database.url) : null;
	const store = createSessionStore(database.db, clock.now, reads);
	const at = new Date(clock.now());
	await database.db.insert(users).values(
		['u1', 'u2'].map((id) => ({
			id,
			email: `${id}@example.com`,
			username: id,
			passwordHash: 'unused',
			createdAt: at,
			updatedAt: at,
		})),
	);
	return { db: database.db, clock, store };
}

describe.each(['raw', 'drizzle'] as const)('with the %s lookup', (lookup) => {
	test('stores only the hash of the token', async () => {
		const { db, store } = await setUp(lookup);
		const { token } = await store.create('u1');
		const rows = await db.select().from(sessions);
		expect(rows).toHaveLength(1);
		expect(rows[0]?.id).toBe(createHash('sha256').update(token).digest('hex'));
		expect(JSON.stringify(rows)).not.toContain(token);
	});

	test('finds the user of a valid token and nothing for an unknown one', async () => {
		const { store } = await setUp(lookup);
		const { token, session } = await store.create('u1');
		const valid = await store.validate(token);
		expect(valid).toEqual({
			session,
			user: { id: 'u1', username: 'u1', email: 'u1@example.com' },
			renewed: false,
		});
		expect(await store.validate(generateSessionToken())).toBeNull();
	});

	test('keeps the expiry on day 14 and renews it to 30 days on day 16', async () => {
		const { clock, store } = await setUp(lookup);
		const { token, session } = await store.create('u1');
		clock.advance(14 * DAY);
		const day14 = await store.validate(token);
		expect(day14?.renewed).toBe(false);
		expect(day14?.session.expiresAt).toBe(session.expiresAt);
		clock.advance(2 * DAY);
		const day16 = await store.validate(token);
		expect(day16?.renewed).toBe(true);
		expect(day16?.session.expiresAt).toBe(clock.now() + SESSION_TTL_MS);
		// The renewal is stored, not just reported.
		clock.advance(1000);
		expect((await store.validate(token))?.session.expiresAt).toBe(day16?.session.expiresAt);
	});

	test('ends a session left idle for 30 days and deletes its row', async () => {
		const { db, clock, store } = await setUp(lookup);
		const { token } = await store.create('u1');
		clock.advance(SESSION_TTL_MS);
		expect(await store.validate(token)).toBeNull();
		expect(await db.select().from(sessions)).toHaveLength(0);
	});

	test('ends a session at the 90-day cap however often it is used', async () => {
		const { clock, store } = await setUp(lookup);
		const { token, session } = await store.create('u1');
		const cap = session.createdAt + SESSION_ABSOLUTE_TTL_MS;
		while (clock.now() + DAY < cap) {
			clock.advance(DAY);
			const valid = await store.validate(token);
			expect(valid).not.toBeNull();
			expect(valid?.session.expiresAt).toBeLessThanOrEqual(cap);
		}
		clock.set(cap);
		expect(await store.validate(token)).toBeNull();
	});

	test("ends all of a user's sessions but the one kept, and no one else's", async () => {
		const { store } = await setUp(lookup);
		const kept = await store.create('u1');
		const other = await store.create('u1');
		const someoneElse = await store.create('u2');
		expect(await store.invalidateAllForUser('u1', kept.session.id)).toBe(1);
		expect(await store.validate(kept.token)).not.toBeNull();
		expect(await store.validate(other.token)).toBeNull();
		expect(await store.validate(someoneElse.token)).not.toBeNull();
	});

	test('removes only the lapsed sessions of the user', async () => {
		const { db, clock, store } = await setUp(lookup);
		await store.create('u1');
		await store.create('u2');
		clock.advance(SESSION_TTL_MS + 1);
		const fresh = await store.create('u1');
		await store.deleteExpiredForUser('u1');
		const ids = (await db.select({ id: sessions.id, userId: sessions.userId }).from(sessions)).map(
			(row) => row.userId,
		);
		expect(ids.sort()).toEqual(['u1', 'u2']);
		expect(await store.validate(fresh.token)).not.toBeNull();
	});
});
