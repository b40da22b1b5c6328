/**
 * The API as a Hono app, built only from its arguments: it reads no environment and opens nothing,
 * so tests build one per database and the server builds one at start-up. Every route starts with
 * `/api`; mount it at the root of the one server (`server.route('/', createApp(...))`).
 *
 * Middleware order matters: security headers first so every answer carries them (refusals
 * included), then the same-origin rule before any body is read, then the body rules, then the
 * session lookup.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../db/client.ts';
import type { ReadConnection } from '../db/read-connection.ts';
import { profileRoutes } from './accounts/profile.ts';
import { signUpRoutes } from './accounts/sign-up.ts';
import { createSessionCookie } from './auth/cookie.ts';
import { type AppEnv, sessionMiddleware } from './auth/middleware.ts';
import { createPasswordHasher, type PasswordHasher } from './auth/password.ts';
import { sessionRoutes } from './auth/routes.ts';
import { createSessionStore } from './auth/session.ts';
import { createLoginThrottle, DEFAULT_THROTTLE, type ThrottleConfig } from './auth/throttle.ts';
import { favoriteRoutes } from './favorites/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { historyRoutes } from './history/routes.ts';
import { sameOriginOnly } from './http/csrf.ts';
import { renderError, renderNotFound } from './http/errors.ts';
import { jsonBodyOnly } from './http/json-body.ts';
import { jsonLineLogger, type Logger } from './http/log.ts';
import { createRouter } from './http/openapi.ts';
import { securityHeaders } from './http/security-headers.ts';
import { recommendationRoutes } from './recommend/routes.ts';
import { reviewRoutes } from './reviews/routes.ts';
import type { Services } from './services.ts';

export type { AppEnv } from './auth/middleware.ts';

export interface AppOptions {
	db: Database;
	/** SITE_URL's origin: the only Origin accepted on state-changing requests. */
	siteOrigin: string;
	/** Production (HTTPS): `__Host-` cookie with Secure, and HSTS. */
	secureCookies: boolean;
	/** Milliseconds since the epoch; tests pass a fake clock. */
	now?: () => number;
	/** Overrides of docs/SECURITY.md's limits, for the load test; production passes nothing. */
	throttle?: Partial<ThrottleConfig>;
	/** Receives JSON-ready events (ids and codes, never secrets); defaults to JSON lines on stdout. */
	logger?: Logger;
	/** Password hashing; defaults to argon2id with docs/SECURITY.md's parameters. */
	passwords?: PasswordHasher;
	/**
	 * Where the session check runs: on an embedded database the read connection from
	 * `openReadConnection(url)` (the caller opens and closes it); without it, on `db`.
	 */
	sessionReads?: ReadConnection | null;
	/** The same for the public review list. */
	reviewReads?: ReadConnection | null;
}

/** API answers are per user and never cached by browsers or proxies. */
const noStore: MiddlewareHandler = async function noStore(c, next) {
	c.header('Cache-Control', 'no-store');
	await next();
};

export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
	const now = options.now ?? Date.now;
	const log = options.logger ?? jsonLineLogger();
	const sessions = createSessionStore(options.db, now, options.sessionReads ?? null);
	const cookie = createSessionCookie(options.secureCookies);
	const services: Services = {
		db: options.db,
		now,
		log,
		sessions,
		cookie,
		passwords: options.passwords ?? createPasswordHasher(),
		throttle: createLoginThrottle({ ...DEFAULT_THROTTLE, ...options.throttle }, now),
	};

	const app = createRouter().basePath('/api');
	app.onError(renderError(log));
	app.notFound(renderNotFound);
	app.use(
		'*',
		securityHeaders({ hsts: options.secureCookies }),
		noStore,
		sameOriginOnly(options.siteOrigin),
		jsonBodyOnly(),
		sessionMiddleware(sessions, cookie, now),
	);

	app.route('/', healthRoutes(services));
	app.route('/', signUpRoutes(services));
	app.route('/', sessionRoutes(services));
	app.route('/', profileRoutes(services));
	app.route('/', reviewRoutes(services, options.reviewReads ?? null));
	app.route('/', favoriteRoutes(services));
	app.route('/', historyRoutes(services));
	app.route('/', recommendationRoutes(services));

	app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
		type: 'apiKey',
		in: 'cookie',
		name: cookie.name,
		description: '로그인하면 받는 세션 쿠키 (HttpOnly)',
	});
	app.doc('/openapi.json', {
		openapi: '3.0.3',
		info: {
			title: 'Culturepedia API',
			version: '1.0.0',
			description:
				'공연 정보 사이트 Culturepedia의 API. 상태를 바꾸는 요청은 같은 출처(Origin)에서만 받습니다. ' +
				'오류는 모두 `{ error: { code, message, fields? } }` 형태입니다.',
		},
	});
	// Mounted inside a bigger app, this app's notFound is not consulted: answer unknown /api paths here.
	app.all('*', renderNotFound);
	return app;
}
