/** Test helpers: a fresh, migrated database file per test, removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatabaseHandle, openDatabase } from './client.ts';
import { migrateDatabase } from './migrate.ts';

export interface TestDatabase extends DatabaseHandle {
	url: string;
	dir: string;
	/** Closes the client and deletes the files. */
	destroy(): void;
}

export async function createTestDatabase(): Promise<TestDatabase> {
	const dir = mkdtempSync(join(tmpdir(), 'culturepedia-db-'));
	const url = `file:${join(dir, 'test.db')}`;
	const handle = await openDatabase(url);
	await migrateDatabase(handle.db);
	return {
		...handle,
		url,
		dir,
		destroy() {
			handle.close();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
