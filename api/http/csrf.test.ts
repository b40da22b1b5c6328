import { afterEach, expect, test } from 'vitest';
import { createTestApp, newAccount, signUp, TEST_ORIGIN, type TestApp } from '../testing.ts';
import { isSameOriginRequest } from './csrf.ts';

let t: TestApp | null = null;
afterEach(() => {
	t?.destroy();
	t = null;
});

test('accepts only the exact site origin, and believes a browser that says otherwise', () => {
	const headers = (values: Record<string, string>) => new Headers(values);
	expect(isSameOriginRequest(headers({ Origin: TEST_ORIGIN }), TEST_ORIGIN)).toBe(true);
	expect(
		isSameOriginRequest(
			headers({ Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-origin' }),
			TEST_ORIGIN,
		),
	).toBe(true);
	expect(
		isSameOriginRequest(
			headers({ Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-site' }),
			TEST_ORIGIN,
		),
	).toBe(false);
	expect(isSameOriginRequest(headers({ Origin: `${TEST_ORIGIN}:8080` }), TEST_ORIGIN)).toBe(false);
	expect(isSameOriginRequest(headers({ Origin: `${TEST_ORIGIN}/` }), TEST_ORIGIN)).toBe(false);
	expect(
		isSameOriginRequest(headers({ Origin: TEST_ORIGIN.replace('http:', 'https:') }), TEST_ORIGIN),
	).toBe(false);
	expect(isSameOriginRequest(headers({}), TEST_ORIGIN)).toBe(false);
});

async function dump(t: TestApp): Promise<string> {
	const results = await Promise.all(
		['users', 'sessions', 'reviews', 'favorites'].map((table) =>
			t.database.client.execute(`SELECT * FROM ${table}`),
		),
	);
	return JSON.stringify(results.map((result) => result.rows));
}

const ORIGINS: [string, { origin?: string | null; headers?: Record<string, string> }][] = [
	['no Origin', { origin: null }],
	['a foreign Origin', { origin: 'https://evil.example' }],
	['the null Origin', { origin: 'null' }],
	['a sibling subdomain', { origin: 'http://evil.culturepedia.test' }],
	['another port', { origin: 'http://culturepedia.test:4321' }],
	['a cross-site fetch with our Origin', { headers: { 'Sec-Fetch-Site': 'cross-site' } }],
	['a same-site fetch with our Origin', { headers: { 'Sec-Fetch-Site': 'same-site' } }],
];

const BODIES: [string, { json?: unknown; body?: string; headers?: Record<string, string> }][] = [
	['JSON', { json: {} }],
	['a form', { body: 'a=b', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }],
	['multipart', { body: '--x--', headers: { 'Content-Type': 'multipart/form-data; boundary=x' } }],
	['text', { body: '{}', headers: { 'Content-Type': 'text/plain' } }],
	['no body', {}],
];

test('refuses every unsafe route from anywhere but the site, whatever the body, and changes nothing', async () => {
	t = await createTestApp();
	const me = await signUp(t);
	const doc = await (await t.request('GET', '/api/openapi.json')).json();
	const unsafe: [string, string][] = [];
	for (const [path, item] of Object.entries(doc.paths as Record<string, object>)) {
		for (const method of Object.keys(item)) {
			if (method !== 'get')
				unsafe.push([method.toUpperCase(), path.replace(/\{[^}]+\}/g, 'PF000001')]);
		}
	}
	expect(unsafe.length).toBeGreaterThanOrEqual(6);
	const before = await dump(t);
	let refused = 0;
	for (const [method, path] of unsafe) {
		for (const [originName, originInit] of ORIGINS) {
			for (const [bodyName, bodyInit] of BODIES) {
				for (const cookie of [me.cookie, null]) {
					const res = await t.request(method, path, {
						...bodyInit,
						...originInit,
						headers: { ...bodyInit.headers, ...originInit.headers },
						cookie,
					});
					expect(res.status, `${method} ${path}, ${originName}, ${bodyName}`).toBe(403);
					expect((await res.json()).error.code).toBe('forbidden_origin');
					refused += 1;
				}
			}
		}
	}
	expect(refused).toBe(unsafe.length * ORIGINS.length * BODIES.length * 2);
	expect(await dump(t)).toBe(before);
	expect((await t.request('GET', '/api/me', { cookie: me.cookie })).status).toBe(200);
});

test('accepts the same requests from the site itself', async () => {
	t = await createTestApp();
	const res = await t.request('POST', '/api/accounts', {
		json: newAccount(),
		headers: { 'Sec-Fetch-Site': 'same-origin' },
	});
	expect(res.status).toBe(201);
	const logout = await t.request('DELETE', '/api/sessions/current', { origin: TEST_ORIGIN });
	expect(logout.status).toBe(204);
});

test('answers a cross-origin preflight without any CORS permission', async () => {
	t = await createTestApp();
	const res = await t.request('OPTIONS', '/api/sessions', {
		origin: 'https://evil.example',
		headers: {
			'Access-Control-Request-Method': 'POST',
			'Access-Control-Request-Headers': 'content-type',
		},
	});
	expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
	expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
	expect(res.status).toBeGreaterThanOrEqual(400);
});

test('changes nothing on any GET, signed in or not', async () => {
	t = await createTestApp();
	const me = await signUp(t);
	const doc = await (await t.request('GET', '/api/openapi.json')).json();
	const before = await dump(t);
	for (const [path, item] of Object.entries(doc.paths as Record<string, object>)) {
		if (!('get' in item)) continue;
		for (const cookie of [me.cookie, null]) {
			const res = await t.request('GET', path.replace(/\{[^}]+\}/g, 'PF000001'), { cookie });
			expect(res.status, path).toBeLessThan(500);
		}
	}
	expect(await dump(t)).toBe(before);
});
