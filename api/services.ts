/** What route modules get from createApp: built once from AppOptions, no globals. */
import type { Context } from 'hono';
import type { Database } from '../db/client.ts';
import type { SessionCookie } from './auth/cookie.ts';
import type { AppEnv } from './auth/middleware.ts';
import type { PasswordHasher } from './auth/password.ts';
import type { SessionStore } from './auth/session.ts';
import type { LoginThrottle } from './auth/throttle.ts';
import type { Logger } from './http/log.ts';

export interface Services {
	db: Database;
	now: () => number;
	log: Logger;
	sessions: SessionStore;
	cookie: SessionCookie;
	passwords: PasswordHasher;
	throttle: LoginThrottle;
}

/**
 * Starts a fresh session for a user who just proved who they are, replacing whatever session the
 * request carried (a planted or stale cookie never survives a log-in: session fixation).
 */
export async function startSession(
	services: Services,
	c: Context<AppEnv>,
	userId: string,
): Promise<void> {
	const { sessions, cookie, now } = services;
	const previous = c.get('auth');
	if (previous !== null) await sessions.invalidate(previous.session.id);
	await sessions.deleteExpiredForUser(userId);
	const { token, session } = await sessions.create(userId);
	c.header('Set-Cookie', cookie.serialize(token, session.expiresAt, now()));
}
