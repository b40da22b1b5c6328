import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, expect, test } from 'vitest';
import { BackupError, backupDatabase, restoreDatabase, verifyBackup } from './backup.ts';
import { openDatabase } from './client.ts';
import { users } from './schema/index.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let database: TestDatabase | null = null;
afterEach(() => {
	database?.destroy();
	database = null;
});

async function addUser(db: TestDatabase['db'], id: string): Promise<void> {
	const now = new Date();
	await db.insert(users).values({
		id,
		email: `${id}@example.com`,
		username: id,
		passwordHash: 'x',
		createdAt: now,
		updatedAt: now,
	});
}

test('restores exactly what the backup held, while later changes are gone', async () => {
	database = await createTestDatabase();
	await addUser(database.db, 'before');
	const backup = join(database.dir, 'backup.db');
	await backupDatabase(database.url, backup);
	await addUser(database.db, 'after');
	database.close();

	await restoreDatabase(database.url, backup);
	const reopened = await openDatabase(database.url);
	try {
		const ids = (await reopened.db.select({ id: users.id }).from(users)).map((row) => row.id);
		expect(ids).toEqual(['before']);
		const integrity = await reopened.db.get<{ integrity_check: string }>(
			sql`PRAGMA integrity_check`,
		);
		expect(integrity.integrity_check).toBe('ok');
	} finally {
		reopened.close();
	}
});

test('refuses to overwrite an existing backup file', async () => {
	database = await createTestDatabase();
	const backup = join(database.dir, 'taken.db');
	writeFileSync(backup, 'x');
	await expect(backupDatabase(database.url, backup)).rejects.toThrow(BackupError);
});

test('refuses to restore a file that is not a Culturepedia database, leaving the data as it was', async () => {
	database = await createTestDatabase();
	await addUser(database.db, 'kept');
	const junk = join(database.dir, 'junk.db');
	writeFileSync(junk, 'this is not sqlite');
	await expect(verifyBackup(junk)).rejects.toThrow(BackupError);
	await expect(restoreDatabase(database.url, junk)).rejects.toThrow(BackupError);
	const ids = (await database.db.select({ id: users.id }).from(users)).map((row) => row.id);
	expect(ids).toEqual(['kept']);
});

test('refuses a remote database', async () => {
	await expect(backupDatabase('libsql://example.turso.io', '/tmp/x.db')).rejects.toThrow(
		/not a database file/,
	);
});
