import { eq } from 'drizzle-orm';
import { afterEach, expect, test } from 'vitest';
import { sessions, users } from '../../db/schema/index.ts';
import {
	createTestApp,
	sessionCookie,
	signUp,
	TEST_ARGON2,
	type TestApp,
	type TestAppOptions,
} from '../testing.ts';
import { createPasswordHasher, type PasswordHasher } from './password.ts';
import { SESSION_TTL_MS, sessionIdFromToken } from './session.ts';

let t: TestApp | null = null;
afterEach(() => {
	t?.destroy();
	t = null;
});

async function app(options: TestAppOptions = {}): Promise<TestApp> {
	t = await createTestApp(options);
	return t;
}

function logIn(t: TestApp, email: string, password: string, cookie?: string) {
	return t.request('POST', '/api/sessions', { json: { email, password }, cookie: cookie ?? null });
}

test('logs in with the email in any case and gives a new session', async () => {
	const t = await app();
	const { account, userId } = await signUp(t);
	const res = await logIn(t, ` ${account.email.toUpperCase()}`, account.password);
	expect(res.status).toBe(200);
	expect(await res.json()).toEqual({
		user: { id: userId, username: account.username, email: account.email },
	});
	const cookie = sessionCookie(res);
	expect((await t.request('GET', '/api/me', { cookie })).status).toBe(200);
	expect(await t.db.select().from(sessions).where(eq(sessions.userId, userId))).toHaveLength(2);
});

test('answers an unknown email and a wrong password identically, after a dummy verify', async () => {
	const verified: string[] = [];
	const real = createPasswordHasher({ params: TEST_ARGON2 });
	const passwords: PasswordHasher = {
		...real,
		dummyHash: real.dummyHash,
		verify: (hash, password) => {
			verified.push(hash);
			return real.verify(hash, password);
		},
		verifyDummy: async (password) => {
			verified.push(await real.dummyHash);
			return real.verifyDummy(password);
		},
	};
	const t = await app({ passwords });
	const { account } = await signUp(t);
	const wrong = await logIn(t, account.email, 'not the password');
	const unknown = await logIn(t, 'nobody@example.com', 'not the password');
	expect(unknown.status).toBe(401);
	expect(wrong.status).toBe(401);
	expect(await unknown.text()).toBe(await wrong.text());
	expect([...unknown.headers.keys()]).toEqual([...wrong.headers.keys()]);
	// Both paths ran exactly one argon2 verification; the unknown email's was against the dummy.
	expect(verified).toHaveLength(2);
	expect(verified[1]).toBe(await real.dummyHash);
	expect(verified[0]).not.toBe(verified[1]);
});

test('refuses a password with a trailing space', async () => {
	const t = await app();
	const { account } = await signUp(t);
	expect((await logIn(t, account.email, `${account.password} `)).status).toBe(401);
	expect((await logIn(t, account.email, account.password.trim())).status).toBe(200);
});

test('refuses bad log-in bodies with field messages', async () => {
	const t = await app();
	const res = await t.request('POST', '/api/sessions', {
		json: { email: 'x', password: '', remember: true },
	});
	expect(res.status).toBe(400);
	expect((await res.json()).error.fields).toEqual({
		email: '이메일 형식이 올바르지 않습니다.',
		password: '비밀번호를 입력해 주세요.',
		remember: "'remember' 항목은 받을 수 없습니다.",
	});
	const long = await logIn(t, 'a@example.com', 'x'.repeat(257));
	expect(long.status).toBe(400);
});

test('ends the session a browser logs in with, whoever it belonged to', async () => {
	const t = await app();
	const alice = await signUp(t);
	const bob = await signUp(t);
	const res = await logIn(t, bob.account.email, bob.account.password, alice.cookie);
	expect(res.status).toBe(200);
	const cookie = sessionCookie(res);
	expect(cookie).not.toBe(alice.cookie);
	expect((await t.request('GET', '/api/me', { cookie: alice.cookie })).status).toBe(401);
	expect(await t.db.select().from(sessions).where(eq(sessions.userId, alice.userId))).toHaveLength(
		0,
	);
});

test('logs out on the server, not only in the browser', async () => {
	const t = await app();
	const { cookie, userId } = await signUp(t);
	const res = await t.request('DELETE', '/api/sessions/current', { cookie });
	expect(res.status).toBe(204);
	expect(res.headers.get('Set-Cookie')).toBe('session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax');
	expect(await t.db.select().from(sessions).where(eq(sessions.userId, userId))).toHaveLength(0);
	expect((await t.request('GET', '/api/me', { cookie })).status).toBe(401);
});

test('answers log-out without a session with 204', async () => {
	const t = await app();
	expect((await t.request('DELETE', '/api/sessions/current')).status).toBe(204);
});

test('answers who am I with 401 and one error shape when nobody is logged in', async () => {
	const t = await app();
	const res = await t.request('GET', '/api/me');
	expect(res.status).toBe(401);
	expect(await res.json()).toEqual({
		error: { code: 'unauthenticated', message: '로그인이 필요합니다.' },
	});
});

test('treats forged, malformed and expired cookies as anonymous, never as errors', async () => {
	const t = await app();
	const { cookie } = await signUp(t);
	const forged = `session=${'a'.repeat(32)}`;
	for (const bad of [
		forged,
		'session=',
		'session=%%%',
		`session=${'7'.repeat(5000)}`,
		'session=null; session=x',
		'=;;=',
	]) {
		const res = await t.request('GET', '/api/me', { cookie: bad });
		expect(res.status, bad).toBe(401);
	}
	// A forged token-shaped cookie is looked up, found wanting, and cleared.
	const res = await t.request('GET', '/api/me', { cookie: forged });
	expect(res.headers.get('Set-Cookie')).toContain('Max-Age=0');
	t.clock.advance(SESSION_TTL_MS);
	expect((await t.request('GET', '/api/me', { cookie })).status).toBe(401);
});

test('sends the cookie again when the session is renewed', async () => {
	const t = await app();
	const { cookie } = await signUp(t);
	t.clock.advance(16 * 24 * 60 * 60_000);
	const res = await t.request('GET', '/api/me', { cookie });
	expect(res.status).toBe(200);
	expect(res.headers.get('Set-Cookie')).toBe(
		`${cookie}; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax`,
	);
	const quiet = await t.request('GET', '/api/me', { cookie });
	expect(quiet.headers.get('Set-Cookie')).toBeNull();
});

test('sets the production cookie with the __Host- prefix and Secure', async () => {
	const t = await app({ secureCookies: true });
	const { res } = await signUp(t);
	const [header] = res.headers.getSetCookie();
	expect(header).toMatch(
		/^__Host-session=[a-z2-7]{32}; Max-Age=2592000; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
	);
});

test('upgrades a hash made with weaker parameters at the next log-in', async () => {
	const t = await app({ hashing: 'real' });
	const { account, userId } = await signUp(t);
	const weak = await createPasswordHasher({ params: TEST_ARGON2 }).hash(account.password);
	await t.db.update(users).set({ passwordHash: weak }).where(eq(users.id, userId));
	expect((await logIn(t, account.email, account.password)).status).toBe(200);
	const [row] = await t.db.select({ hash: users.passwordHash }).from(users);
	expect(row?.hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
	expect((await logIn(t, account.email, account.password)).status).toBe(200);
});

test('works the same through the drizzle lookup used for remote databases', async () => {
	const t = await app({ sessionLookup: 'drizzle' });
	const { cookie, userId } = await signUp(t);
	expect((await (await t.request('GET', '/api/me', { cookie })).json()).user.id).toBe(userId);
	await t.request('DELETE', '/api/sessions/current', { cookie });
	expect((await t.request('GET', '/api/me', { cookie })).status).toBe(401);
});

test('stores only the hash of the cookie token', async () => {
	const t = await app();
	const { cookie } = await signUp(t);
	const token = cookie.split('=')[1] ?? '';
	const rows = await t.db.select().from(sessions);
	expect(rows.map((row) => row.id)).toEqual([sessionIdFromToken(token)]);
});
