import { afterEach, expect, test } from 'vitest';
import { users } from '../db/schema/index.ts';
import { securityHeaderEntries } from './http/security-headers.ts';
import {
	createTestApp,
	type DocumentedOperation,
	documentedOperations,
	newAccount,
	signUp,
	type TestApp,
	type TestAppOptions,
} from './testing.ts';

let t: TestApp | null = null;
afterEach(() => {
	t?.destroy();
	t = null;
});

async function app(options: TestAppOptions = {}): Promise<TestApp> {
	t = await createTestApp(options);
	return t;
}

/** Every documented route, path parameters given a plausible value (the route must still answer). */
async function operations(t: TestApp): Promise<DocumentedOperation[]> {
	return (await documentedOperations(t)).map((op) => ({
		...op,
		path: op.path.replace(/\{[^}]+\}/g, 'PF000001'),
	}));
}

test('documents every route the app serves', async () => {
	const t = await app();
	const documented = new Set(
		(await operations(t)).map((op) => `${op.method} ${op.path.replace('PF000001', ':param')}`),
	);
	const served = t.app.routes
		.filter((route) => route.method !== 'ALL')
		.map((route) => `${route.method} ${route.path.replace(/:[^/]+/g, ':param')}`)
		.filter((route) => route !== 'GET /api/openapi.json');
	for (const route of served) expect(documented, route).toContain(route);
	expect(documented).toContain('GET /api/me');
	expect(documented).toContain('POST /api/accounts');
});

/** A dump of every account table, to prove a refused request changed nothing. */
async function accountRows(t: TestApp): Promise<string> {
	const tables = ['users', 'sessions', 'reviews', 'favorites'];
	const rows = await Promise.all(
		tables.map((table) => t.database.client.execute(`SELECT * FROM ${table}`)),
	);
	return JSON.stringify(rows.map((result) => result.rows));
}

test('gives anonymous callers nothing but a 4xx on every route that declares the session', async () => {
	const t = await app();
	await signUp(t);
	const before = await accountRows(t);
	const authenticated = (await operations(t)).filter((op) => op.authenticated);
	expect(authenticated.length).toBeGreaterThanOrEqual(6);
	for (const op of authenticated) {
		for (const body of op.hasBody ? [{}, { unexpected: true }] : [undefined]) {
			const res = await t.request(op.method, op.path, body === undefined ? {} : { json: body });
			expect(res.status, `${op.method} ${op.path}`).toBeGreaterThanOrEqual(400);
			expect(res.status, `${op.method} ${op.path}`).toBeLessThan(500);
		}
	}
	expect(await accountRows(t)).toBe(before);
});

test('answers 401 on the account routes before looking at the body', async () => {
	const t = await app();
	const accountRoutes = (await operations(t)).filter(
		(op) => op.authenticated && (op.path === '/api/me' || op.path.startsWith('/api/profile')),
	);
	expect(accountRoutes.map((op) => `${op.method} ${op.path}`)).toEqual(
		expect.arrayContaining([
			'GET /api/me',
			'GET /api/profile',
			'PATCH /api/profile',
			'DELETE /api/profile',
			'PUT /api/profile/password',
			'GET /api/profile/export',
		]),
	);
	for (const op of accountRoutes) {
		const res = await t.request(
			op.method,
			op.path,
			op.hasBody ? { json: { unexpected: true } } : {},
		);
		expect(res.status, `${op.method} ${op.path}`).toBe(401);
		expect((await res.json()).error.code).toBe('unauthenticated');
	}
});

test('keeps the public account routes to an explicit list', async () => {
	const t = await app();
	const accountPrefixes = [
		'/api/accounts',
		'/api/sessions',
		'/api/health',
		'/api/me',
		'/api/profile',
	];
	const publicAccountRoutes = (await operations(t))
		.filter(
			(op) => !op.authenticated && accountPrefixes.some((prefix) => op.path.startsWith(prefix)),
		)
		.map((op) => `${op.method} ${op.path}`);
	expect(publicAccountRoutes.sort()).toEqual(
		[
			'DELETE /api/sessions/current',
			'GET /api/health',
			'POST /api/accounts',
			'POST /api/sessions',
		].sort(),
	);
});

test('puts the security headers and no-store on every answer, errors included', async () => {
	const t = await app({ secureCookies: true });
	const { cookie } = await signUp(t);
	const expected = securityHeaderEntries({ hsts: true });
	expect(expected.map(([name]) => name)).toEqual(
		expect.arrayContaining([
			'Strict-Transport-Security',
			'Content-Security-Policy',
			'X-Content-Type-Options',
		]),
	);
	const responses: [string, Response][] = [];
	for (const op of await operations(t)) {
		for (const withCookie of [false, true]) {
			const res = await t.request(op.method, op.path, {
				...(withCookie ? { cookie } : {}),
				...(op.hasBody ? { json: {} } : {}),
			});
			responses.push([`${op.method} ${op.path} ${withCookie ? 'signed in' : 'anonymous'}`, res]);
		}
	}
	responses.push(['404', await t.request('GET', '/api/nothing-here')]);
	responses.push([
		'403',
		await t.request('POST', '/api/sessions', { json: {}, origin: 'https://evil.example' }),
	]);
	responses.push([
		'415',
		await t.request('POST', '/api/sessions', {
			body: 'x',
			headers: { 'Content-Type': 'text/plain' },
		}),
	]);
	for (const [name, res] of responses) {
		for (const [header, value] of expected)
			expect(res.headers.get(header), `${name}: ${header}`).toBe(value);
		expect(res.headers.get('Cache-Control'), name).toBe('no-store');
	}
	expect(expected.find(([name]) => name === 'Strict-Transport-Security')?.[1]).toMatch(
		/max-age=31536000/,
	);
	const csp = expected.find(([name]) => name === 'Content-Security-Policy')?.[1];
	expect(csp).toContain("object-src 'none'");
	expect(csp).toContain("base-uri 'none'");
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("script-src 'self'");
	expect(csp).not.toContain("'unsafe-eval'");
	expect(csp).not.toContain("'unsafe-inline'");
});

test('leaves HSTS out on plain-http development', async () => {
	const t = await app();
	const res = await t.request('GET', '/api/health');
	expect(res.headers.get('Strict-Transport-Security')).toBeNull();
	expect(res.headers.get('Content-Security-Policy')).not.toContain('upgrade-insecure-requests');
});

test('refuses other media types, oversized and malformed bodies before validation', async () => {
	const t = await app();
	const cases: [string, Record<string, string>, string, number, string][] = [
		[
			'form',
			{ 'Content-Type': 'application/x-www-form-urlencoded' },
			'email=a&password=b',
			415,
			'unsupported_media_type',
		],
		['text', { 'Content-Type': 'text/plain' }, '{"email":"a@b.co"}', 415, 'unsupported_media_type'],
		[
			'multipart',
			{ 'Content-Type': 'multipart/form-data; boundary=x' },
			'--x--',
			415,
			'unsupported_media_type',
		],
		[
			'vendor json',
			{ 'Content-Type': 'application/vnd.evil+json' },
			'{}',
			415,
			'unsupported_media_type',
		],
		[
			'oversized',
			{ 'Content-Type': 'application/json' },
			JSON.stringify({ email: 'a'.repeat(20_000) }),
			413,
			'payload_too_large',
		],
		[
			'oversized by header',
			{ 'Content-Type': 'application/json', 'Content-Length': '999999' },
			'{}',
			413,
			'payload_too_large',
		],
		['malformed', { 'Content-Type': 'application/json' }, '{"email": ', 400, 'malformed_json'],
		['not an object', { 'Content-Type': 'application/json' }, '[1,2,3]', 400, 'invalid_input'],
		['empty', { 'Content-Type': 'application/json' }, '', 400, 'malformed_json'],
	];
	for (const [name, headers, body, status, code] of cases) {
		const res = await t.request('POST', '/api/accounts', { headers, body });
		expect(res.status, name).toBe(status);
		expect((await res.json()).error.code, name).toBe(code);
	}
	expect(await t.db.select().from(users)).toHaveLength(0);
});

test('answers unknown API paths with the JSON 404', async () => {
	const t = await app();
	const res = await t.request('GET', '/api/users/1');
	expect(res.status).toBe(404);
	expect(await res.json()).toEqual({
		error: { code: 'not_found', message: '요청한 주소를 찾을 수 없습니다.' },
	});
});

test('hides a database failure behind a plain 500, refuses sessions meanwhile and keeps serving', async () => {
	const t = await app();
	const { cookie } = await signUp(t);
	await t.database.client.execute('ALTER TABLE users RENAME TO users_away');
	const failed = await t.request('POST', '/api/accounts', { json: newAccount() });
	expect(failed.status).toBe(500);
	const text = await failed.text();
	expect(JSON.parse(text)).toEqual({
		error: {
			code: 'internal_error',
			message: '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
		},
	});
	expect(text).not.toMatch(/users|SQL|sqlite|at .*\.ts/i);
	// The session check cannot run: the request is refused, not let through as anyone.
	expect((await t.request('GET', '/api/me', { cookie })).status).toBe(500);
	expect(JSON.stringify(t.events)).not.toMatch(/no such table|users_away|INSERT/i);
	expect(t.events.at(-1)).toMatchObject({ level: 'error', event: 'request_failed' });
	await t.database.client.execute('ALTER TABLE users_away RENAME TO users');
	expect((await t.request('GET', '/api/me', { cookie })).status).toBe(200);
	expect((await t.request('POST', '/api/accounts', { json: newAccount() })).status).toBe(201);
});

test('serves an OpenAPI document generated from the request schemas', async () => {
	const t = await app({ secureCookies: true });
	const res = await t.request('GET', '/api/openapi.json');
	expect(res.status).toBe(200);
	const doc = await res.json();
	expect(doc.openapi).toBe('3.0.3');
	expect(doc.components.securitySchemes.session).toMatchObject({
		type: 'apiKey',
		in: 'cookie',
		name: '__Host-session',
	});
	const signUpSchema = doc.components.schemas.SignUpRequest;
	expect(signUpSchema.required.sort()).toEqual(['email', 'password', 'username']);
	expect(signUpSchema.additionalProperties).toBe(false);
	expect(signUpSchema.properties.password).toMatchObject({ minLength: 8, maxLength: 256 });
	expect(doc.components.schemas.Error.properties.error.required.sort()).toEqual([
		'code',
		'message',
	]);
	expect(Object.keys(doc.paths['/api/profile']).sort()).toEqual(['delete', 'get', 'patch']);
	expect(doc.paths['/api/me'].get.responses['401'].content['application/json'].schema).toEqual({
		$ref: '#/components/schemas/Error',
	});
});
