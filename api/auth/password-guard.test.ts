import { afterEach, expect, test } from 'vitest';
import {
	createTestApp,
	signUp,
	TEST_ARGON2,
	type TestApp,
	type TestAppOptions,
	uniqueIp,
} from '../testing.ts';
import { createPasswordHasher } from './password.ts';

let t: TestApp | null = null;
afterEach(() => {
	t?.destroy();
	t = null;
});

async function app(options: TestAppOptions = {}): Promise<TestApp> {
	t = await createTestApp(options);
	return t;
}

function logIn(
	t: TestApp,
	email: string,
	password: string,
	ip: string,
	headers: Record<string, string> = {},
) {
	return t.request('POST', '/api/sessions', { json: { email, password }, ip, headers });
}

test('blocks the 11th failure on an account for the rest of the window, from any address', async () => {
	const t = await app();
	const { account } = await signUp(t);
	for (let i = 0; i < 10; i += 1) {
		expect((await logIn(t, account.email, 'wrong password', uniqueIp())).status).toBe(401);
		t.clock.advance(20_000);
	}
	const blocked = await logIn(t, account.email, account.password, uniqueIp());
	expect(blocked.status).toBe(429);
	// The first failure (at 0 s) leaves the window at 600 s; it is now 200 s.
	expect(blocked.headers.get('Retry-After')).toBe('400');
	expect(await blocked.json()).toEqual({
		error: {
			code: 'too_many_attempts',
			message: '로그인 시도가 너무 많습니다. 7분 뒤에 다시 시도해 주세요.',
		},
	});
	t.clock.advance(399_000);
	expect((await logIn(t, account.email, account.password, uniqueIp())).status).toBe(429);
	t.clock.advance(1000);
	expect((await logIn(t, account.email, account.password, uniqueIp())).status).toBe(200);
});

test('throttles an unknown email exactly like a real one', async () => {
	const t = await app();
	for (let i = 0; i < 10; i += 1)
		await logIn(t, 'nobody@example.com', 'wrong password', uniqueIp());
	const blocked = await logIn(t, 'nobody@example.com', 'wrong password', uniqueIp());
	expect(blocked.status).toBe(429);
	expect(blocked.headers.get('Retry-After')).toBe('600');
});

test('refuses the 6th quick argon2 call from one address, whatever X-Forwarded-For says', async () => {
	const t = await app();
	const ip = '203.0.113.50';
	for (let i = 0; i < 5; i += 1) {
		const res = await logIn(t, `person${i}@example.com`, 'wrong password', ip, {
			'X-Forwarded-For': `10.0.0.${i}`,
		});
		expect(res.status).toBe(401);
	}
	const sixth = await logIn(t, 'person6@example.com', 'wrong password', ip, {
		'X-Forwarded-For': '10.9.9.9',
	});
	expect(sixth.status).toBe(429);
	expect(sixth.headers.get('Retry-After')).toBe('30');
	expect((await sixth.json()).error.message).toBe(
		'요청이 너무 많습니다. 30초 뒤에 다시 시도해 주세요.',
	);
	// Sign-up hashes too, so it spends the same budget.
	const signUpAttempt = await t.request('POST', '/api/accounts', {
		json: { email: 'x@example.com', username: 'xx', password: '연극 보러 가는 날' },
		ip,
	});
	expect(signUpAttempt.status).toBe(429);
	expect((await logIn(t, 'person7@example.com', 'wrong password', '203.0.113.51')).status).toBe(
		401,
	);
	t.clock.advance(30_000);
	expect((await logIn(t, 'person8@example.com', 'wrong password', ip)).status).toBe(401);
});

test('counts a wrong password re-entered on the profile against the account', async () => {
	const t = await app();
	const { account, cookie } = await signUp(t);
	for (let i = 0; i < 10; i += 1) {
		const res = await t.request('DELETE', '/api/profile', {
			cookie,
			json: { password: 'guess' },
			ip: uniqueIp(),
		});
		expect(res.status).toBe(403);
	}
	const blocked = await t.request('DELETE', '/api/profile', {
		cookie,
		json: { password: account.password },
		ip: uniqueIp(),
	});
	expect(blocked.status).toBe(429);
	expect((await logIn(t, account.email, account.password, uniqueIp())).status).toBe(429);
});

test('answers 200 parallel log-ins with 401, 429 or 503 only, shedding what the hasher cannot queue', async () => {
	const t = await app({ passwords: createPasswordHasher({ params: TEST_ARGON2 }) });
	const { account } = await signUp(t);
	const before = process.memoryUsage().rss;
	const results = await Promise.all(
		Array.from({ length: 200 }, (_, i) =>
			logIn(t, account.email, `wrong ${i}`, i % 2 === 0 ? uniqueIp() : '203.0.113.77'),
		),
	);
	const statuses = new Set(results.map((res) => res.status));
	expect([...statuses].every((status) => [401, 429, 503].includes(status))).toBe(true);
	expect(statuses.has(503)).toBe(true);
	expect(statuses.has(429)).toBe(true);
	const busy = results.find((res) => res.status === 503);
	expect(busy?.headers.get('Retry-After')).toBe('1');
	expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
});

test('refuses rather than forgets when the limiter has no room for another address', async () => {
	const t = await app({ throttle: { maxKeys: 1 } });
	expect((await logIn(t, 'a@example.com', 'wrong password', '203.0.113.1')).status).toBe(401);
	const refused = await logIn(t, 'b@example.com', 'wrong password', '203.0.113.2');
	expect(refused.status).toBe(503);
	expect((await refused.json()).error.code).toBe('server_busy');
});
