/**
 * Opens the database: an embedded libSQL file by default, a remote libSQL server (Turso/sqld)
 * when DATABASE_URL says so. The same drizzle code runs against both.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { ConnectionPool } from '@libsql/client/sqlite3';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema/index.ts';

export type Database = LibSQLDatabase<typeof schema>;

export interface DatabaseHandle {
	db: Database;
	client: Client;
	/** True for an embedded file; false for a remote server. */
	isLocal: boolean;
	close(): void;
}

/** A busy writer waits this long before SQLITE_BUSY (docs/SECURITY.md: timeout 5000). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Per-connection settings. The embedded client keeps a pool of connections and opens new ones
 * lazily (a transaction holds one for its lifetime), so these must run on *every* connection:
 * secure_delete so erased accounts leave no bytes behind, synchronous=NORMAL which is safe under
 * WAL and several times faster, foreign_keys (libSQL's default, restated so it cannot drift).
 */
const CONNECTION_PRAGMAS = [
	'PRAGMA foreign_keys = ON',
	'PRAGMA secure_delete = ON',
	'PRAGMA synchronous = NORMAL',
];

interface RawConnection {
	exec(sql: string): unknown;
}
const prepared = new WeakSet<object>();
let poolPatched = false;

/**
 * Hooks the embedded client's connection pool so each new connection gets CONNECTION_PRAGMAS once.
 * `ConnectionPool` is exported by @libsql/client but marked private; `db/client.test.ts` checks
 * a connection opened while another is held, so an upstream change fails loudly, not silently.
 */
function patchConnectionPool(): void {
	if (poolPatched) return;
	poolPatched = true;
	const original = ConnectionPool.prototype.acquireSync;
	ConnectionPool.prototype.acquireSync = function acquireWithPragmas(
		this: ConnectionPool,
		forTransaction?: boolean,
	) {
		const connection = original.call(this, forTransaction) as unknown as RawConnection;
		if (!prepared.has(connection)) {
			for (const pragma of CONNECTION_PRAGMAS) connection.exec(pragma);
			prepared.add(connection);
		}
		return connection as never;
	};
}

export function isLocalUrl(url: string): boolean {
	return url.startsWith('file:') || url === ':memory:';
}

export async function openDatabase(url: string, authToken?: string): Promise<DatabaseHandle> {
	const isLocal = isLocalUrl(url);
	if (isLocal) {
		patchConnectionPool();
		const path = url.replace(/^file:/, '');
		if (path.startsWith('//')) mkdirSync(dirname(fileURLToPath(url)), { recursive: true });
		else if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	}
	const client = createClient({
		url,
		timeout: BUSY_TIMEOUT_MS,
		...(authToken === undefined ? {} : { authToken }),
	});
	if (isLocal) {
		// WAL is stored in the file, so setting it once per open is enough; readers never block
		// the nightly writer and vice versa.
		await client.execute('PRAGMA journal_mode = WAL');
	}
	const db = drizzle(client, { schema });
	return { db, client, isLocal, close: () => client.close() };
}
