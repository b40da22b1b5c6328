/**
 * Bad input against every route of the inventory (the OpenAPI document the app serves, as
 * app.test.ts reads it): malformed JSON, wrong types, bodies past the size cap, unknown fields,
 * SQL and script payloads in bodies, path ids and query strings, and invalid cookies. Every answer
 * is below 500 and carries the error shape when it refuses; a refusal leaves the user-data tables
 * byte for byte as they were. fuzz.test.ts covers the account bodies in depth; this file covers
 * the breadth of routes. API_FUZZ_RUNS raises the count (docs/SECURITY.md G1 asks for 30,000).
 */
import fc from 'fast-check';
import { afterEach, expect, test } from 'vitest';
import { MAX_BODY_BYTES } from './http/json-body.ts';
import { addPerformance } from './performances/testing.ts';
import {
	createTestApp,
	documentedOperations,
	insertFavorite,
	insertReview,
	type SignedUp,
	sessionCookie,
	signUp,
	type TestApp,
	uniqueIp,
} from './testing.ts';

const RUNS = Number(process.env.API_FUZZ_RUNS ?? 2000);

let t: TestApp | null = null;
afterEach(() => {
	t?.destroy();
	t = null;
});

const USER_TABLES = ['users', 'sessions', 'reviews', 'favorites'];

async function snapshot(t: TestApp): Promise<string> {
	const results = await Promise.all(
		USER_TABLES.map((table) => t.database.client.execute(`SELECT * FROM ${table} ORDER BY 1`)),
	);
	return JSON.stringify(results.map((result) => result.rows));
}

const hostileText = fc.constantFrom(
	"' OR '1'='1",
	'1; DROP TABLE users; --',
	"1' UNION SELECT email, password_hash FROM users --",
	'1 AND SLEEP(5)',
	"'; UPDATE reviews SET rating_halves = 10; --",
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'javascript:alert(1)',
	// biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
	'{{7*7}}${7*7}',
	'../../../../etc/passwd',
	'\u0000',
	'\uD800',
	'%00',
	'🎭'.repeat(300),
);

/** Any JSON value, shallow. */
const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small' },
		hostileText,
		fc.string(),
		fc.integer(),
		fc.double(),
		fc.boolean(),
		fc.constant(null),
		fc.array(tie('value'), { maxLength: 3 }),
		fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
	),
})).value;

/** The fields the routes read, and some they must never trust. */
const fieldNames = fc.constantFrom(
	'rating',
	'ratingHalves',
	'title',
	'body',
	'seenOn',
	'hasSpoilers',
	'email',
	'username',
	'password',
	'currentPassword',
	'newPassword',
	'gender',
	'birthday',
	'userId',
	'role',
	'id',
	'performanceId',
	'__proto__',
	'constructor',
);

type BodyKind = 'malformed' | 'wrong-type' | 'huge' | 'shaped' | 'none';

interface Payload {
	kind: BodyKind;
	/** The body; a `huge` one is built from `size` at request time, to keep failure reports short. */
	text?: string;
	size?: number;
}

function payloadText(payload: Payload): string | undefined {
	if (payload.kind !== 'huge') return payload.text;
	return JSON.stringify({ title: 'x'.repeat(payload.size ?? 0), body: 'y', rating: 4 });
}

const body: fc.Arbitrary<Payload> = fc.oneof(
	fc.constant({ kind: 'none' as const }),
	fc
		.oneof(
			fc.constantFrom(
				'{',
				'{"rating":',
				'{"a":1,}',
				"{'a':1}",
				'undefined',
				'NaN',
				'[1,2',
				'\u0000',
			),
			fc.string({ minLength: 1, maxLength: 100 }),
		)
		.filter((text) => {
			try {
				JSON.parse(text);
				return false;
			} catch {
				return true;
			}
		})
		.map((text) => ({ kind: 'malformed' as const, text })),
	// Every route with a body takes an object: a top-level array, string or number is a wrong type.
	fc
		.oneof(fc.array(jsonValue, { maxLength: 3 }), fc.string(), fc.double(), fc.boolean())
		.map((value) => ({ kind: 'wrong-type' as const, text: JSON.stringify(value) })),
	fc
		.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES * 8 })
		.map((size) => ({ kind: 'huge' as const, size })),
	// Near the real shapes, with unknown fields and payloads, so validation runs past the parser.
	fc
		.dictionary(fieldNames, jsonValue, { maxKeys: 6 })
		.map((value) => ({ kind: 'shaped' as const, text: JSON.stringify(value) })),
);

/** Values for `{id}`: real ones (so handlers run), absent ones, and hostile text. */
function pathValue(real: string[]): fc.Arbitrary<string> {
	return fc.oneof(
		fc.constantFrom(...real),
		fc.constantFrom('PF999999', '0', '-1', '999999999999999999999', '1e3', 'null'),
		hostileText,
		fc.string({ maxLength: 40 }),
	);
}

const query = fc.oneof(
	fc.constant(''),
	fc
		.dictionary(
			fc.constantFrom('page', 'sort', 'limit', 'cursor', 'tags', 'q', 'order', 'size'),
			fc.oneof(hostileText, fc.string({ maxLength: 20 }), fc.integer().map(String)),
			{ minKeys: 1, maxKeys: 3 },
		)
		.map((params) => `?${new URLSearchParams(params as Record<string, string>).toString()}`),
);

type CookieKind = 'signed-in' | 'invalid' | 'none';

const cookie: fc.Arbitrary<{ kind: CookieKind; value: string | null }> = fc.oneof(
	fc.constant({ kind: 'signed-in' as const, value: null }),
	fc.constant({ kind: 'none' as const, value: null }),
	fc
		.oneof(
			fc.stringMatching(/^[A-Za-z0-9+/=_-]{0,80}$/).map((token) => `session=${token}`),
			fc.constantFrom(
				'session=',
				'session',
				'=;=;=',
				'session=a; session=b',
				'__Host-session=forged',
				"session=' OR 1=1 --",
				`session=${'A'.repeat(5000)}`,
				'session=%00%ff',
			),
			fc.stringMatching(/^[\x20-\x7e]{1,100}$/),
		)
		.map((value) => ({ kind: 'invalid' as const, value })),
);

interface World {
	t: TestApp;
	me: SignedUp;
	performanceIds: string[];
	reviewIds: string[];
}

async function world(): Promise<World> {
	const app = await createTestApp();
	t = app;
	const me = await signUp(app);
	const other = await signUp(app);
	const ids = await Promise.all([1, 2, 3].map(() => addPerformance(app.db)));
	const mine = await insertReview(app.db, me.userId, ids[0] ?? '');
	const theirs = await insertReview(app.db, other.userId, ids[1] ?? '');
	await insertFavorite(app.db, me.userId, ids[1] ?? '');
	await insertFavorite(app.db, other.userId, ids[0] ?? '');
	return { t: app, me, performanceIds: ids, reviewIds: [String(mine.id), String(theirs.id)] };
}

/** Logs the account in again when a legitimate request (log-out) ended its session. */
async function freshCookie(w: World, current: string): Promise<string> {
	if ((await w.t.request('GET', '/api/me', { cookie: current })).status === 200) return current;
	const res = await w.t.request('POST', '/api/sessions', {
		json: { email: w.me.account.email, password: w.me.account.password },
		ip: uniqueIp(),
	});
	const renewed = sessionCookie(res);
	if (res.status !== 200 || renewed === null) throw new Error(`re-login failed: ${res.status}`);
	return renewed;
}

test(
	`answers ${RUNS} bad requests across every route with a 4xx error body or a legitimate 2xx, never 5xx, and changes nothing when it refuses`,
	async () => {
		const w = await world();
		const ops = await documentedOperations(w.t);
		expect(ops.length).toBeGreaterThanOrEqual(20);
		let signedIn = w.me.cookie;
		let state = await snapshot(w.t);
		const statuses = new Map<number, number>();
		const routesHit = new Set<string>();
		const ids = pathValue([...w.performanceIds, ...w.reviewIds]);

		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...ops),
				ids,
				query,
				body,
				cookie,
				async (op, id, search, payload, jar) => {
					// A lone surrogate cannot be percent-encoded: send the invalid UTF-8 it would be.
					const segment = id.isWellFormed() ? encodeURIComponent(id) : '%ED%A0%80';
					const path = `${op.path.replace(/\{[^}]+\}/g, segment)}${search}`;
					const unsafe = op.method !== 'GET';
					// fetch refuses a GET with a body; Node's HTTP server never hands one to Hono.
					const text = unsafe ? payloadText(payload) : undefined;
					const res = await w.t.request(op.method, path, {
						...(text === undefined
							? {}
							: { body: text, headers: { 'Content-Type': 'application/json' } }),
						cookie: jar.kind === 'signed-in' ? signedIn : jar.value,
						ip: uniqueIp(),
					});
					const label = `${op.method} ${path.slice(0, 120)} ${payload.kind} ${jar.kind}`;
					statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
					routesHit.add(`${op.method} ${op.path}`);
					expect(res.status, label).toBeLessThan(500);

					// Inputs no route may accept: a session route without a session, a body route
					// with a body that is not a JSON object or is past the cap.
					const mustRefuse =
						(op.authenticated && jar.kind !== 'signed-in') ||
						(op.hasBody && ['malformed', 'wrong-type', 'huge'].includes(payload.kind)) ||
						(unsafe && payload.kind === 'huge');
					if (mustRefuse) expect(res.status, label).toBeGreaterThanOrEqual(400);

					const answer = await res.text();
					if (res.status >= 400) {
						const error = JSON.parse(answer).error;
						expect(error.code, label).toEqual(expect.any(String));
						expect(error.message, label).toEqual(expect.any(String));
						expect(await snapshot(w.t), label).toBe(state);
					} else if (unsafe) {
						// A legitimate change (e.g. a review titled with SQL, stored as text).
						signedIn = await freshCookie(w, signedIn);
						state = await snapshot(w.t);
					} else {
						expect(await snapshot(w.t), label).toBe(state);
					}
				},
			),
			{ numRuns: RUNS },
		);

		expect([...routesHit].sort()).toEqual(ops.map((op) => `${op.method} ${op.path}`).sort());
		const refused = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
		// The corpus is mostly bad: refusals dominate, and several kinds of refusal occur.
		expect(refused).toBeGreaterThan(RUNS / 2);
		const seen = JSON.stringify([...statuses].sort());
		for (const status of [400, 401, 404, 413])
			expect(statuses.get(status) ?? 0, seen).toBeGreaterThan(0);
	},
	Math.max(60_000, RUNS * 20),
);

test('never lets a bad request through the tables: SQL payloads in stored text come back as text', async () => {
	const w = await world();
	const show = w.performanceIds[2] ?? '';
	const title = "x'); DELETE FROM users; --";
	const text = '<script>alert(1)</script>';
	const res = await w.t.request('POST', `/api/performances/${show}/reviews`, {
		json: { rating: 4, title, body: text },
		cookie: w.me.cookie,
	});
	expect(res.status, await res.clone().text()).toBe(201);
	const stored = await w.t.database.client.execute({
		sql: 'SELECT title, body FROM reviews WHERE performance_id = ?',
		args: [show],
	});
	expect(stored.rows.map((row) => [row.title, row.body])).toEqual([[title, text]]);
	const users = await w.t.database.client.execute('SELECT count(*) AS n FROM users');
	expect(users.rows[0]?.n).toBe(2);
});
