import { afterEach, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let database: TestDatabase | null = null;
afterEach(() => {
	database?.destroy();
	database = null;
});

test('runs on Node 24 (the project pins it; the machine has Node 20)', () => {
	expect(process.version.startsWith('v24.')).toBe(true);
});

test('uses WAL, a busy timeout and foreign keys', async () => {
	database = await createTestDatabase();
	const { client } = database;
	expect((await client.execute('PRAGMA journal_mode')).rows[0]?.[0]).toBe('wal');
	expect((await client.execute('PRAGMA busy_timeout')).rows[0]?.[0]).toBe(5000);
	expect((await client.execute('PRAGMA foreign_keys')).rows[0]?.[0]).toBe(1);
});

test('gives a connection opened while another is held the same pragmas', async () => {
	database = await createTestDatabase();
	const { client } = database;
	const transaction = await client.transaction('write');
	try {
		// The transaction holds the pooled connection, so this read opens a new one.
		const pragmas = await client.batch(
			['PRAGMA secure_delete', 'PRAGMA foreign_keys', 'PRAGMA synchronous', 'PRAGMA busy_timeout'],
			'read',
		);
		expect(pragmas.map((result) => result.rows[0]?.[0])).toEqual([1, 1, 1, 5000]);
		const inTransaction = await transaction.execute('PRAGMA secure_delete');
		expect(inTransaction.rows[0]?.[0]).toBe(1);
	} finally {
		await transaction.rollback();
	}
});

test('migrating twice is a no-op', async () => {
	database = await createTestDatabase();
	const { migrateDatabase } = await import('./migrate.ts');
	await migrateDatabase(database.db);
	const tables = await database.client.execute(
		"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
	);
	expect(Number(tables.rows[0]?.[0])).toBeGreaterThanOrEqual(16);
});
