/**
 * A hostile-input corpus against every state-changing account route (docs/SECURITY.md G1): wrong
 * types, lone surrogates, `__proto__`, deep nesting, junk text. Every answer is < 500, and every
 * refusal leaves the database as it was. API_FUZZ_RUNS raises the count (G1 asks for 30,000).
 */
import fc from 'fast-check';
import { afterEach, expect, test } from 'vitest';
import { createTestApp, signUp, type TestApp, uniqueIp } from './testing.ts';

const RUNS = Number(process.env.API_FUZZ_RUNS ?? 400);

let t: TestApp | null = null;
afterEach(() => {
	t?.destroy();
	t = null;
});

const anything: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small' },
		fc.string(),
		fc.string({ unit: 'binary' }),
		fc.constantFrom(
			'',
			' ',
			'\u0000',
			'\uD800',
			'a@b.co',
			'1990-02-30',
			'<script>alert(1)</script>',
			"' OR 1=1 --",
		),
		fc.integer(),
		fc.double(),
		fc.boolean(),
		fc.constant(null),
		fc.array(tie('value'), { maxLength: 4 }),
		fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
	),
})).value;

const fieldNames = [
	'email',
	'username',
	'password',
	'gender',
	'birthday',
	'currentPassword',
	'newPassword',
	'__proto__',
	'constructor',
	'userId',
	'role',
];

/** Bodies near the real shapes (so validation is exercised past the first check) and far from them. */
const body = fc.oneof(
	fc
		.dictionary(fc.constantFrom(...fieldNames), anything, { maxKeys: 6 })
		.map((value) => JSON.stringify(value)),
	anything.map((value) => JSON.stringify(value) ?? 'null'),
	fc.integer({ min: 1, max: 3000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
	fc.string({ unit: 'binary', maxLength: 200 }),
);

const routes: [string, string, boolean][] = [
	['POST', '/api/accounts', false],
	['POST', '/api/sessions', false],
	['PATCH', '/api/profile', true],
	['PUT', '/api/profile/password', true],
	['DELETE', '/api/profile', true],
];

async function snapshot(t: TestApp): Promise<string> {
	const results = await Promise.all(
		['users', 'sessions', 'reviews', 'favorites'].map((table) =>
			t.database.client.execute(`SELECT * FROM ${table}`),
		),
	);
	return JSON.stringify(results.map((result) => result.rows));
}

test(
	`answers ${RUNS} hostile bodies with 4xx (or a legitimate 2xx), never 5xx, changing nothing on refusal`,
	async () => {
		t = await createTestApp();
		const app = t;
		const me = await signUp(app);
		let state = await snapshot(app);
		const statuses = new Map<number, number>();
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...routes), body, async ([method, path, signedIn], text) => {
				const res = await app.request(method, path, {
					body: text,
					headers: { 'Content-Type': 'application/json' },
					cookie: signedIn ? me.cookie : null,
					ip: uniqueIp(),
				});
				statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
				expect(res.status).toBeLessThan(500);
				const payload = await res.text();
				if (res.status >= 400) {
					expect(JSON.parse(payload).error.code).toEqual(expect.any(String));
					expect(await snapshot(app)).toBe(state);
				} else {
					state = await snapshot(app);
				}
			}),
			{ numRuns: RUNS },
		);
		// The corpus reached validation, not only the JSON parser.
		expect(statuses.get(400)).toBeGreaterThan(RUNS / 4);
	},
	Math.max(30_000, RUNS * 20),
);
