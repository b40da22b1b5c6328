/**
 * Helpers for API tests: the real app on a fresh migrated libSQL file, a fake clock, captured log
 * events, and small factories (accounts, review and favorite rows; performances are in
 * performances/testing.ts). Requests go through `app.request()` in process, with the site's
 * Origin on unsafe methods unless a test says otherwise and a peer address the throttle can key on.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../db/client.ts';
import { openReadConnection } from '../db/read-connection.ts';
import { favorites, reviews } from '../db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import type { SignUpRequest } from './accounts/sign-up.ts';
import { type AppEnv, createApp } from './app.ts';
import { type Argon2Params, createPasswordHasher, type PasswordHasher } from './auth/password.ts';
import type { ThrottleConfig } from './auth/throttle.ts';
import type { LogEvent } from './http/log.ts';

export const TEST_ORIGIN = 'http://culturepedia.test';
export const SECURE_TEST_ORIGIN = 'https://culturepedia.test';

/**
 * Cheap argon2id for tests that are not about hashing, so a suite of sign-ups stays fast.
 * Hashing tests use the real parameters (the default).
 */
export const TEST_ARGON2: Argon2Params = { memoryCost: 256, timeCost: 1, parallelism: 1 };

export interface FakeClock {
	now(): number;
	advance(ms: number): void;
	set(ms: number): void;
}

export function fakeClock(start: number = Date.UTC(2025, 4, 1, 3, 0, 0)): FakeClock {
	let current = start;
	return {
		now: () => current,
		advance: (ms) => {
			current += ms;
		},
		set: (ms) => {
			current = ms;
		},
	};
}

export interface TestRequest {
	/** A JSON body, sent with `Content-Type: application/json`. */
	json?: unknown;
	/** A raw body; give `headers['Content-Type']` yourself. */
	body?: string;
	/** `Cookie` header value, e.g. from `sessionCookie(res)`. */
	cookie?: string | null;
	/** Origin header; defaults to the site's on unsafe methods, `null` leaves it out. */
	origin?: string | null;
	headers?: Record<string, string>;
	/** Peer address the throttle sees (defaults to 127.0.0.1). */
	ip?: string;
}

export interface TestApp {
	app: OpenAPIHono<AppEnv>;
	database: TestDatabase;
	db: Database;
	clock: FakeClock;
	origin: string;
	/** Every event the app logged, in order. */
	events: LogEvent[];
	passwords: PasswordHasher;
	request(method: string, path: string, init?: TestRequest): Promise<Response>;
	destroy(): void;
}

export interface TestAppOptions {
	secureCookies?: boolean;
	/** `real` hashes with docs/SECURITY.md's parameters; `fast` (default) with TEST_ARGON2. */
	hashing?: 'real' | 'fast';
	passwords?: PasswordHasher;
	throttle?: Partial<ThrottleConfig>;
	clock?: FakeClock;
	/**
	 * `raw` (default) runs the session check on the read connection, as the server does on an
	 * embedded file; `drizzle` on the main client, as on a remote database.
	 */
	sessionLookup?: 'raw' | 'drizzle';
	/** The same choice for the public review list. */
	reviewLookup?: 'raw' | 'drizzle';
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
	const database = await createTestDatabase();
	const clock = options.clock ?? fakeClock();
	const secureCookies = options.secureCookies ?? false;
	const origin = secureCookies ? SECURE_TEST_ORIGIN : TEST_ORIGIN;
	const events: LogEvent[] = [];
	const passwords =
		options.passwords ??
		createPasswordHasher(options.hashing === 'real' ? {} : { params: TEST_ARGON2, maxQueue: 1000 });
	const reads = openReadConnection(database.url);
	const app = createApp({
		db: database.db,
		sessionReads: options.sessionLookup === 'drizzle' ? null : reads,
		reviewReads: options.reviewLookup === 'drizzle' ? null : reads,
		siteOrigin: origin,
		secureCookies,
		now: clock.now,
		logger: (event) => events.push(event),
		passwords,
		...(options.throttle === undefined ? {} : { throttle: options.throttle }),
	});

	function request(method: string, path: string, init: TestRequest = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
		const requestOrigin = init.origin === undefined ? (unsafe ? origin : null) : init.origin;
		if (requestOrigin !== null) headers.set('Origin', requestOrigin);
		if (init.cookie !== undefined && init.cookie !== null) headers.set('Cookie', init.cookie);
		let body: string | undefined = init.body;
		if (init.json !== undefined) {
			body = JSON.stringify(init.json);
			if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
		}
		const env = { incoming: { socket: { remoteAddress: init.ip ?? '127.0.0.1' } } };
		return Promise.resolve(
			app.request(
				`${origin}${path}`,
				{ method, headers, ...(body === undefined ? {} : { body }) },
				env,
			),
		);
	}

	return {
		app,
		database,
		db: database.db,
		clock,
		origin,
		events,
		passwords,
		request,
		destroy() {
			reads?.close();
			database.destroy();
		},
	};
}

let accountCounter = 0;

/** A valid, unique sign-up body; override any field. */
export function newAccount(overrides: Partial<SignUpRequest> = {}): SignUpRequest {
	accountCounter += 1;
	const tag = `${accountCounter}${Math.floor(Math.random() * 1e6).toString(36)}`;
	return {
		email: `reader${tag}@example.com`,
		username: `관객${tag}`,
		password: `연극 보러 가는 날 ${tag}`,
		...overrides,
	};
}

/** `name=value` of the session cookie a response sets, or null if it sets none or clears it. */
export function sessionCookie(res: Response): string | null {
	for (const header of res.headers.getSetCookie()) {
		const pair = header.split(';')[0] ?? '';
		const value = pair.slice(pair.indexOf('=') + 1);
		if (value !== '') return pair;
	}
	return null;
}

export interface SignedUp {
	res: Response;
	account: SignUpRequest;
	/** The session cookie (`name=value`); throws in `signUp` when sign-up failed. */
	cookie: string;
	userId: string;
}

/** Signs a new account up and returns its session cookie. */
export async function signUp(
	t: TestApp,
	overrides: Partial<SignUpRequest> = {},
): Promise<SignedUp> {
	const account = newAccount(overrides);
	const res = await t.request('POST', '/api/accounts', { json: account, ip: uniqueIp() });
	if (res.status !== 201) {
		throw new Error(`sign-up failed with ${res.status}: ${await res.text()}`);
	}
	const cookie = sessionCookie(res);
	if (cookie === null) throw new Error('sign-up set no session cookie');
	const body = (await res.clone().json()) as { user: { id: string } };
	return { res, account, cookie, userId: body.user.id };
}

let ipCounter = 0;

/**
 * A fresh documentation-range address, so setting up accounts never spends the per-address
 * budget a test is about.
 */
export function uniqueIp(): string {
	ipCounter += 1;
	return `198.51.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;
}

/** A review row written directly, as the reviews API would store it. */
export async function insertReview(
	db: Database,
	userId: string,
	performanceId: string,
	overrides: Partial<typeof reviews.$inferInsert> = {},
): Promise<typeof reviews.$inferSelect> {
	const at = new Date(Date.UTC(2025, 4, 1));
	const [row] = await db
		.insert(reviews)
		.values({
			userId,
			performanceId,
			ratingHalves: 8,
			title: '다시 보고 싶은 무대',
			body: '배우들의 호흡이 좋았다.',
			seenOn: '2025-04-20',
			createdAt: at,
			updatedAt: at,
			...overrides,
		})
		.returning();
	if (row === undefined) throw new Error('review not inserted');
	return row;
}

export async function insertFavorite(
	db: Database,
	userId: string,
	performanceId: string,
	createdAt: Date = new Date(Date.UTC(2025, 4, 1)),
): Promise<void> {
	await db.insert(favorites).values({ userId, performanceId, createdAt });
}

/** A route the app documents in its OpenAPI document. */
export interface DocumentedOperation {
	method: string;
	/** OpenAPI path with `{param}` placeholders. */
	path: string;
	authenticated: boolean;
	hasBody: boolean;
}

/** Every documented route, from the OpenAPI document the app serves. */
export async function documentedOperations(t: TestApp): Promise<DocumentedOperation[]> {
	const doc = await (await t.request('GET', '/api/openapi.json')).json();
	const found: DocumentedOperation[] = [];
	for (const [path, item] of Object.entries(
		doc.paths as Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>>,
	)) {
		for (const [method, operation] of Object.entries(item)) {
			found.push({
				method: method.toUpperCase(),
				path,
				authenticated: (operation.security?.length ?? 0) > 0,
				hasBody: operation.requestBody !== undefined,
			});
		}
	}
	return found;
}
