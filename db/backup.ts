/**
 * Backup and restore of an embedded database file. A backup is `VACUUM INTO`: a consistent,
 * compact copy taken while the server keeps serving (readers and the WAL are not disturbed).
 * A restore checks the backup first (integrity, and that it is a Culturepedia database), then
 * swaps it in by rename, so the target is always either the old or the restored file.
 * A remote libSQL server (Turso, sqld) has its own point-in-time restore; these refuse it.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { type Client, createClient } from '@libsql/client';
import { isLocalUrl, openDatabase } from './client.ts';

export class BackupError extends Error {
	override name = 'BackupError';
}

function filePath(url: string): string {
	if (!isLocalUrl(url) || url === ':memory:') {
		throw new BackupError(
			`${url.split('?')[0]} is not a database file; use the remote server's own backups`,
		);
	}
	return url.replace(/^file:/, '');
}

export async function backupDatabase(databaseUrl: string, target: string): Promise<void> {
	filePath(databaseUrl);
	if (existsSync(target)) throw new BackupError(`${target} exists; choose a new file name`);
	const handle = await openDatabase(databaseUrl);
	try {
		await handle.client.execute({ sql: 'VACUUM INTO ?', args: [target] });
	} finally {
		handle.close();
	}
}

/** Throws BackupError unless `path` is an intact Culturepedia database. */
export async function verifyBackup(path: string): Promise<void> {
	if (!existsSync(path)) throw new BackupError(`${path} does not exist`);
	let client: Client | null = null;
	try {
		client = createClient({ url: `file:${path}` });
		const integrity = await client.execute('PRAGMA integrity_check');
		const verdict = String(integrity.rows[0]?.[0] ?? '');
		if (verdict !== 'ok') throw new BackupError(`${path} is damaged: ${verdict}`);
		const tables = await client.execute(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('performances', 'users', '__drizzle_migrations')",
		);
		if (tables.rows.length < 3) throw new BackupError(`${path} is not a Culturepedia database`);
	} catch (error) {
		if (error instanceof BackupError) throw error;
		throw new BackupError(`${path} cannot be read as a database`, { cause: error });
	} finally {
		client?.close();
	}
}

/** Replaces the database with a verified backup. Stop the server and the ingest first. */
export async function restoreDatabase(databaseUrl: string, source: string): Promise<void> {
	const target = filePath(databaseUrl);
	await verifyBackup(source);
	const staged = `${target}.restoring`;
	copyFileSync(source, staged);
	// The old WAL belongs to the old file: it must not be replayed onto the restored one.
	for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
	renameSync(staged, target);
}
