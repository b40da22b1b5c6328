import { afterEach, expect, test } from 'vitest';
import { sessions, users } from '../../db/schema/index.ts';
import { createTestApp, newAccount, sessionCookie, signUp, type TestApp } from '../testing.ts';

let t: TestApp | null = null;
afterEach(() => {
	t?.destroy();
	t = null;
});

async function app(options: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
	t = await createTestApp(options);
	return t;
}

test('creates the account, logs it in and answers who it is', async () => {
	const t = await app();
	const account = newAccount({ gender: 'female', birthday: '1994-03-15' });
	const res = await t.request('POST', '/api/accounts', {
		json: { ...account, email: ` ${account.email.toUpperCase()} ` },
	});
	expect(res.status).toBe(201);
	const body = await res.json();
	expect(body).toEqual({
		user: { id: expect.any(String), username: account.username, email: account.email },
	});
	const rows = await t.db.select().from(users);
	expect(rows).toEqual([
		expect.objectContaining({
			email: account.email,
			username: account.username,
			gender: 'female',
			birthday: '1994-03-15',
		}),
	]);
	expect(rows[0]?.id).toMatch(/^[a-z2-7]{24}$/);
	const me = await t.request('GET', '/api/me', { cookie: sessionCookie(res) });
	expect(await me.json()).toEqual(body);
});

test('stores hashes with the real argon2id parameters', async () => {
	const t = await app({ hashing: 'real' });
	await Promise.all([signUp(t), signUp(t)]);
	const hashes = (await t.db.select({ hash: users.passwordHash }).from(users)).map(
		(row) => row.hash,
	);
	expect(hashes).toHaveLength(2);
	for (const hash of hashes) expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
	expect(JSON.stringify(hashes)).not.toContain('연극');
});

test('names the field of a duplicate email in another case', async () => {
	const t = await app();
	const first = await signUp(t, { email: 'a@example.com' });
	const res = await t.request('POST', '/api/accounts', {
		json: newAccount({ email: 'A@Example.com ' }),
	});
	expect(res.status).toBe(409);
	expect(await res.json()).toEqual({
		error: {
			code: 'email_taken',
			message: '이미 가입된 이메일입니다.',
			fields: { email: '이미 가입된 이메일입니다.' },
		},
	});
	expect(await t.db.select({ id: users.id }).from(users)).toEqual([{ id: first.userId }]);
});

test('names the field of a taken username, and both when both are taken', async () => {
	const t = await app();
	const first = await signUp(t);
	const username = await t.request('POST', '/api/accounts', {
		json: newAccount({ username: first.account.username }),
	});
	expect(username.status).toBe(409);
	expect((await username.json()).error).toMatchObject({
		code: 'username_taken',
		fields: { username: '이미 쓰이는 닉네임입니다.' },
	});
	const both = await t.request('POST', '/api/accounts', {
		json: newAccount({ username: first.account.username, email: first.account.email }),
	});
	expect(Object.keys((await both.json()).error.fields).sort()).toEqual(['email', 'username']);
	expect(await t.db.select().from(users)).toHaveLength(1);
});

test('turns a sign-up race on the unique index into the same 409', async () => {
	const t = await app();
	const account = newAccount();
	const results = await Promise.all([
		t.request('POST', '/api/accounts', { json: account, ip: '198.51.100.1' }),
		t.request('POST', '/api/accounts', {
			json: { ...account, username: `${account.username}x` },
			ip: '198.51.100.2',
		}),
	]);
	expect(results.map((res) => res.status).sort()).toEqual([201, 409]);
	expect(await t.db.select().from(users)).toHaveLength(1);
});

test.each([
	[
		'a 7-character password',
		{ password: 'kq7vkq7' },
		'password',
		'비밀번호는 8자 이상이어야 합니다.',
	],
	[
		'a 257-character password',
		{ password: 'kq7v'.repeat(65).slice(0, 257) },
		'password',
		'비밀번호는 256자 이하여야 합니다.',
	],
	[
		'a common password',
		{ password: 'Password123' },
		'password',
		'비밀번호가 너무 흔합니다. 추측하기 어려운 다른 비밀번호를 써 주세요.',
	],
	[
		'a malformed email',
		{ email: 'reader.example.com' },
		'email',
		'이메일 형식이 올바르지 않습니다.',
	],
	['a numeric email', { email: 42 }, 'email', '이메일은 문자열이어야 합니다.'],
	['a one-letter username', { username: 'a' }, 'username', '닉네임은 2자 이상이어야 합니다.'],
	[
		'markup in the username',
		{ username: '<img src=x>' },
		'username',
		'닉네임에는 글자, 숫자, 밑줄(_), 마침표(.), 하이픈(-)만 쓸 수 있습니다.',
	],
	[
		'an unknown gender',
		{ gender: 'robot' },
		'gender',
		'성별은 female, male, other 중 하나여야 합니다.',
	],
	[
		'a date not in the calendar',
		{ birthday: '1990-02-30' },
		'birthday',
		'생일이 달력에 없는 날짜입니다.',
	],
	[
		'a birthday today',
		{ birthday: '2025-05-01' },
		'birthday',
		'생일은 1900-01-01 이후의 지난 날짜여야 합니다.',
	],
	[
		'a birthday in the future',
		{ birthday: '2030-01-01' },
		'birthday',
		'생일은 1900-01-01 이후의 지난 날짜여야 합니다.',
	],
	['an extra role key', { role: 'admin' }, 'role', "'role' 항목은 받을 수 없습니다."],
	['a userId key', { userId: 'someone' }, 'userId', "'userId' 항목은 받을 수 없습니다."],
])('refuses %s with a message naming the field', async (_case, overrides, field, message) => {
	const t = await app();
	const res = await t.request('POST', '/api/accounts', { json: { ...newAccount(), ...overrides } });
	expect(res.status).toBe(400);
	const body = await res.json();
	expect(body.error.code).toBe('invalid_input');
	expect(body.error.fields).toEqual({ [field]: message });
	expect(body.error.message).toContain(message);
	expect(res.headers.get('Set-Cookie')).toBeNull();
	expect(await t.db.select().from(users)).toHaveLength(0);
});

test('lists every missing field', async () => {
	const t = await app();
	const res = await t.request('POST', '/api/accounts', { json: {} });
	expect(res.status).toBe(400);
	expect((await res.json()).error.fields).toEqual({
		email: '이메일을 입력해 주세요.',
		username: '닉네임을 입력해 주세요.',
		password: '비밀번호를 입력해 주세요.',
	});
});

test('replaces the session the browser already had', async () => {
	const t = await app();
	const first = await signUp(t);
	const res = await t.request('POST', '/api/accounts', {
		json: newAccount(),
		cookie: first.cookie,
	});
	expect(res.status).toBe(201);
	expect((await t.request('GET', '/api/me', { cookie: first.cookie })).status).toBe(401);
	expect(await t.db.select().from(sessions)).toHaveLength(1);
});
