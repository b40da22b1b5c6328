/**
 * Sessions after the Lucia guide (the `lucia` package is deprecated upstream): the client holds a
 * random token, the database only its SHA-256, so a leaked database cannot be replayed as cookies.
 * Expiry slides to 30 days whenever fewer than 15 remain, and never past 90 days from log-in.
 *
 * `validate` is on every authenticated request ("who am I" above all), so it is one prepared,
 * primary-key join and writes only when a renewal is due (about once per 15 days per session).
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { prepareRead, type ReadConnection } from '../../db/read-connection.ts';
import { sessions, users } from '../../db/schema/index.ts';

const DAY_MS = 24 * 60 * 60_000;
export const SESSION_TTL_MS = 30 * DAY_MS;
export const SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;
export const SESSION_ABSOLUTE_TTL_MS = 90 * DAY_MS;

/**
 * 20 random bytes = 160 bits, above the 128 docs/SECURITY.md asks; base32 keeps cookies plain
 * ASCII.
 */
export const TOKEN_BYTES = 20;
/** What a token looks like; anything else in the cookie is ignored without a lookup. */
export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export function generateSessionToken(): string {
	const bytes = new Uint8Array(TOKEN_BYTES);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

const encoder = new TextEncoder();

/** The stored id: hex SHA-256 of the token. A fast hash is right here, the token is 160 random bits. */
export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(encoder.encode(token)));
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: number;
	createdAt: number;
}

export interface SessionUser {
	id: string;
	username: string;
	email: string;
}

export interface ValidSession {
	session: Session;
	user: SessionUser;
	/** The expiry moved: send the cookie again with the new lifetime. */
	renewed: boolean;
}

/**
 * The lookup every authenticated request makes: one session joined with its user, by primary key.
 * Built once; it runs on the read connection or the main client (see `createSessionStore`).
 */
function lookupQuery(db: Database) {
	return db
		.select({
			userId: sessions.userId,
			expiresAt: sessions.expiresAt,
			createdAt: sessions.createdAt,
			username: users.username,
			email: users.email,
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, sql.placeholder('id')));
}

export interface SessionStore {
	/** A new session and the token to put in the cookie (the only place it ever exists). */
	create(userId: string): Promise<{ token: string; session: Session }>;
	validate(token: string): Promise<ValidSession | null>;
	invalidate(sessionId: string): Promise<void>;
	/** Ends all of a user's sessions, optionally but one; returns how many ended. */
	invalidateAllForUser(userId: string, exceptSessionId?: string): Promise<number>;
	/** Removes a user's lapsed sessions, so rows do not pile up for people who come back. */
	deleteExpiredForUser(userId: string): Promise<void>;
}

/**
 * `reads`: the read connection on an embedded file (db/read-connection.ts), where the lookup
 * runs; null for a remote database, where it runs on `db`.
 */
export function createSessionStore(
	db: Database,
	now: () => number,
	reads: ReadConnection | null = null,
): SessionStore {
	const lookup = prepareRead(lookupQuery(db), reads);
	const renew = db
		.update(sessions)
		.set({ expiresAt: sql`${sql.placeholder('expiresAt')}` })
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare();
	const remove = db
		.delete(sessions)
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare();

	return {
		async create(userId) {
			const token = generateSessionToken();
			const at = now();
			const session: Session = {
				id: sessionIdFromToken(token),
				userId,
				createdAt: at,
				expiresAt: at + SESSION_TTL_MS,
			};
			await db.insert(sessions).values({
				id: session.id,
				userId,
				createdAt: new Date(session.createdAt),
				expiresAt: new Date(session.expiresAt),
			});
			return { token, session };
		},

		async validate(token) {
			const id = sessionIdFromToken(token);
			const row = await lookup.get({ id });
			if (row === undefined) return null;
			const at = now();
			const session: Session = {
				id,
				userId: row.userId,
				expiresAt: row.expiresAt.getTime(),
				createdAt: row.createdAt.getTime(),
			};
			const cap = session.createdAt + SESSION_ABSOLUTE_TTL_MS;
			if (at >= session.expiresAt || at >= cap) {
				await remove.run({ id });
				return null;
			}
			let renewed = false;
			if (at >= session.expiresAt - SESSION_RENEW_BEFORE_MS) {
				const expiresAt = Math.min(at + SESSION_TTL_MS, cap);
				if (expiresAt > session.expiresAt) {
					session.expiresAt = expiresAt;
					await renew.run({ id, expiresAt });
					renewed = true;
				}
			}
			return {
				session,
				user: { id: row.userId, username: row.username, email: row.email },
				renewed,
			};
		},

		async invalidate(sessionId) {
			await remove.run({ id: sessionId });
		},

		async invalidateAllForUser(userId, exceptSessionId) {
			const result = await db
				.delete(sessions)
				.where(
					exceptSessionId === undefined
						? eq(sessions.userId, userId)
						: and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)),
				);
			return result.rowsAffected;
		},

		async deleteExpiredForUser(userId) {
			await db
				.delete(sessions)
				.where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, new Date(now()))));
		},
	};
}
