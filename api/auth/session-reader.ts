/**
 * The session check's fast path: one prepared statement on a dedicated read-only connection.
 * @libsql/client prepares every statement again on each call and wraps each row in objects,
 * which made a session lookup cost several times a whole bare HTTP answer; a statement prepared
 * once on the raw driver (`libsql`, the same native library @libsql/client loads, so SQLite's
 * per-process file locks stay consistent) costs a few microseconds.
 *
 * The server opens it next to the database and passes it to createApp; without it (remote
 * databases) sessions are looked up through drizzle, with the same query.
 */
import { fileURLToPath } from 'node:url';
import Libsql from 'libsql';
import { BUSY_TIMEOUT_MS, isLocalUrl } from '../../db/client.ts';
import { SESSION_LOOKUP_SQL, type SessionRow } from './session.ts';

export interface SessionReader {
	/** The session joined with its user, by session id; null when there is none. */
	find(sessionId: string): SessionRow | null;
	close(): void;
}

function databasePath(url: string): string {
	if (url.startsWith('file://')) return fileURLToPath(url);
	return url.replace(/^file:/, '');
}

/** A reader for an embedded database file, or null for remote and in-memory databases. */
export function openSessionReader(databaseUrl: string): SessionReader | null {
	if (!isLocalUrl(databaseUrl) || databaseUrl === ':memory:' || databaseUrl === 'file::memory:') {
		return null;
	}
	const connection = new Libsql(databasePath(databaseUrl), { timeout: BUSY_TIMEOUT_MS });
	// This connection only ever reads; make that a property of the connection, not a promise.
	connection.exec('PRAGMA query_only = ON');
	const statement = connection.prepare(SESSION_LOOKUP_SQL).raw(true);
	return {
		find(sessionId) {
			const row = statement.get(sessionId) as
				| [userId: string, expiresAt: number, createdAt: number, username: string, email: string]
				| undefined;
			if (row === undefined) return null;
			return {
				userId: row[0],
				expiresAt: row[1],
				createdAt: row[2],
				username: row[3],
				email: row[4],
			};
		},
		close() {
			connection.close();
		},
	};
}
