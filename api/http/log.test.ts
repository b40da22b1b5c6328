import { afterEach, expect, test } from 'vitest';
import { createTestApp, sessionCookie, signUp, type TestApp, uniqueIp } from '../testing.ts';
import { jsonLineLogger } from './log.ts';

let t: TestApp | null = null;
afterEach(() => {
	t?.destroy();
	t = null;
});

test('writes one JSON line per event, whatever the values contain', () => {
	const lines: string[] = [];
	const log = jsonLineLogger(
		(line) => lines.push(line),
		() => Date.UTC(2025, 4, 1),
	);
	log({ event: 'login_failed', note: 'evil\n{"event":"login"}\r\u2028' });
	expect(lines).toHaveLength(1);
	expect(lines[0]?.endsWith('\n')).toBe(true);
	expect(lines[0]?.slice(0, -1)).not.toMatch(/[\n\r]/);
	expect(JSON.parse(lines[0] ?? '')).toEqual({
		time: '2025-05-01T00:00:00.000Z',
		event: 'login_failed',
		note: 'evil\n{"event":"login"}\r\u2028',
	});
});

test("logs exactly the expected events for an account's life, and no secrets", async () => {
	t = await createTestApp();
	const app = t;
	// Each request from its own address: this test is about logging, not the address budget.
	const request: TestApp['request'] = (method, path, init = {}) =>
		app.request(method, path, { ip: uniqueIp(), ...init });
	const { account, cookie, userId } = await signUp(t);
	const secrets: string[] = [account.password, account.email, cookie, cookie.split('=')[1] ?? ''];
	await request('POST', '/api/sessions', {
		json: { email: account.email, password: 'wrong password' },
	});
	await request('POST', '/api/sessions', {
		json: { email: 'nobody@example.com', password: 'wrong password' },
	});
	// A newline in an email is refused by validation and never reaches a log line.
	await request('POST', '/api/sessions', {
		json: { email: 'a\n{"event":"login"}@example.com', password: 'x' },
	});
	const login = await request('POST', '/api/sessions', {
		json: { email: account.email, password: account.password },
	});
	const second = sessionCookie(login) ?? '';
	secrets.push(second, second.split('=')[1] ?? '');
	await request('PATCH', '/api/profile', { cookie: second, json: { gender: 'female' } });
	const changed = await request('PUT', '/api/profile/password', {
		cookie: second,
		json: { currentPassword: account.password, newPassword: '아주 새로운 비밀번호' },
	});
	const third = sessionCookie(changed) ?? '';
	secrets.push('아주 새로운 비밀번호', third, third.split('=')[1] ?? '');
	await request('DELETE', '/api/sessions/current', { cookie: third });
	const again = sessionCookie(
		await request('POST', '/api/sessions', {
			json: { email: account.email, password: '아주 새로운 비밀번호' },
		}),
	);
	await request('DELETE', '/api/profile', { cookie: again, json: { password: 'a wrong guess' } });
	await request('DELETE', '/api/profile', {
		cookie: again,
		json: { password: '아주 새로운 비밀번호' },
	});

	expect(t.events).toEqual([
		{ level: 'info', event: 'signup', userId },
		{ level: 'warn', event: 'login_failed', userId, reason: 'wrong_password' },
		{ level: 'warn', event: 'login_failed', userId: null, reason: 'unknown_email' },
		{ level: 'info', event: 'login', userId },
		{ level: 'info', event: 'profile_updated', userId, fields: ['gender'] },
		{ level: 'info', event: 'password_changed', userId },
		{ level: 'info', event: 'logout', userId },
		{ level: 'info', event: 'login', userId },
		{ level: 'warn', event: 'password_confirmation_failed', userId },
		{ level: 'info', event: 'account_deleted', userId },
	]);
	const logged = JSON.stringify(t.events);
	for (const secret of secrets.filter((value) => value.length > 0))
		expect(logged).not.toContain(secret);
	expect(logged).not.toMatch(/argon2|session=|a wrong guess/);
});
