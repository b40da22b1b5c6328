/**
 * Reads the session cookie on every API request and puts who is asking in `c.var.auth`.
 * A cookie that is malformed, forged, expired or revoked makes the request anonymous (and clears
 * the cookie); it never fails the request. A store that throws does fail it: no access on error.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { unauthenticated } from '../http/errors.ts';
import type { SessionCookie } from './cookie.ts';
import type { Session, SessionStore, SessionUser } from './session.ts';

export interface Auth {
	session: Session;
	user: SessionUser;
}

export interface AppEnv {
	Variables: {
		auth: Auth | null;
	};
}

export function sessionMiddleware(
	sessions: SessionStore,
	cookie: SessionCookie,
	now: () => number,
): MiddlewareHandler<AppEnv> {
	return async function authenticate(c, next) {
		const token = cookie.read(c.req.header('Cookie'));
		let auth: Auth | null = null;
		if (token !== null) {
			const valid = await sessions.validate(token);
			if (valid === null) {
				c.header('Set-Cookie', cookie.blank(), { append: true });
			} else {
				auth = { session: valid.session, user: valid.user };
				if (valid.renewed) {
					c.header('Set-Cookie', cookie.serialize(token, valid.session.expiresAt, now()), {
						append: true,
					});
				}
			}
		}
		c.set('auth', auth);
		await next();
	};
}

/**
 * Route middleware for signed-in routes: answers 401 before the body is even validated, so an
 * anonymous caller learns nothing about a route's input rules.
 */
export const requireSession: MiddlewareHandler<AppEnv> = async function requireSession(c, next) {
	if (c.get('auth') === null) throw unauthenticated();
	await next();
};

/** The signed-in user's session, or a 401. */
export function requireAuth(c: Context<AppEnv>): Auth {
	const auth = c.get('auth');
	if (auth === null) throw unauthenticated();
	return auth;
}
