import { eq } from 'drizzle-orm';
import { afterEach, expect, test } from 'vitest';
import { favorites, performances, reviews, sessions, users } from '../../db/schema/index.ts';
import { addPerformance } from '../performances/testing.ts';
import {
	createTestApp,
	insertFavorite,
	insertReview,
	sessionCookie,
	signUp,
	type TestApp,
	type TestAppOptions,
} from '../testing.ts';

let t: TestApp | null = null;
afterEach(() => {
	t?.destroy();
	t = null;
});

async function app(options: TestAppOptions = {}): Promise<TestApp> {
	t = await createTestApp(options);
	return t;
}

test('shows the account summary, without the reviews or favorites', async () => {
	const t = await app();
	const { cookie, userId, account } = await signUp(t, { gender: 'male', birthday: '1988-08-08' });
	const showId = await addPerformance(t.db);
	await insertReview(t.db, userId, showId);
	await insertFavorite(t.db, userId, showId);
	const res = await t.request('GET', '/api/profile', { cookie });
	expect(res.status).toBe(200);
	expect(res.headers.get('Cache-Control')).toBe('no-store');
	expect(await res.json()).toEqual({
		profile: {
			id: userId,
			email: account.email,
			username: account.username,
			gender: 'male',
			birthday: '1988-08-08',
			createdAt: '2025-05-01T03:00:00.000Z',
		},
	});
});

test('edits username, gender and birthday, and clears them with null', async () => {
	const t = await app();
	const { cookie, userId } = await signUp(t, { gender: 'female' });
	t.clock.advance(60_000);
	const res = await t.request('PATCH', '/api/profile', {
		cookie,
		json: { username: '뮤지컬덕후', birthday: '2001-01-31', gender: null },
	});
	expect(res.status).toBe(200);
	expect((await res.json()).profile).toMatchObject({
		username: '뮤지컬덕후',
		birthday: '2001-01-31',
		gender: null,
	});
	const [row] = await t.db.select().from(users).where(eq(users.id, userId));
	expect(row).toMatchObject({ username: '뮤지컬덕후', birthday: '2001-01-31', gender: null });
	expect(row?.updatedAt.getTime()).toBe(t.clock.now());
	const me = await (await t.request('GET', '/api/me', { cookie })).json();
	expect(me.user.username).toBe('뮤지컬덕후');
	const cleared = await t.request('PATCH', '/api/profile', { cookie, json: { birthday: null } });
	expect((await cleared.json()).profile.birthday).toBeNull();
});

test("refuses a username someone else has, but not the user's own", async () => {
	const t = await app();
	const alice = await signUp(t);
	const bob = await signUp(t);
	const taken = await t.request('PATCH', '/api/profile', {
		cookie: alice.cookie,
		json: { username: bob.account.username },
	});
	expect(taken.status).toBe(409);
	expect((await taken.json()).error.fields).toEqual({ username: '이미 쓰이는 닉네임입니다.' });
	const own = await t.request('PATCH', '/api/profile', {
		cookie: alice.cookie,
		json: { username: alice.account.username },
	});
	expect(own.status).toBe(200);
});

test.each([
	[{ email: 'new@example.com' }, 'email'],
	[{ userId: 'someone-else' }, 'userId'],
	[{ role: 'admin' }, 'role'],
	[{ passwordHash: 'x' }, 'passwordHash'],
	[{ birthday: '2099-01-01' }, 'birthday'],
	[{ gender: 'unknown' }, 'gender'],
	[{ username: '' }, 'username'],
])('refuses the profile edit %j and changes nothing', async (update, field) => {
	const t = await app();
	const { cookie } = await signUp(t);
	const before = await t.db.select().from(users);
	const res = await t.request('PATCH', '/api/profile', { cookie, json: update });
	expect(res.status).toBe(400);
	expect(Object.keys((await res.json()).error.fields)).toEqual([field]);
	expect(await t.db.select().from(users)).toEqual(before);
});

test('changes the password, ending every other session and renewing this one', async () => {
	const t = await app();
	const { cookie, account, userId } = await signUp(t);
	const other = sessionCookie(
		await t.request('POST', '/api/sessions', {
			json: { email: account.email, password: account.password },
		}),
	);
	const res = await t.request('PUT', '/api/profile/password', {
		cookie,
		json: { currentPassword: account.password, newPassword: '새로운 비밀번호 2025' },
	});
	expect(res.status).toBe(204);
	const fresh = sessionCookie(res);
	expect(fresh).not.toBeNull();
	expect((await t.request('GET', '/api/me', { cookie: other })).status).toBe(401);
	expect((await t.request('GET', '/api/me', { cookie })).status).toBe(401);
	expect((await t.request('GET', '/api/me', { cookie: fresh })).status).toBe(200);
	expect(await t.db.select().from(sessions).where(eq(sessions.userId, userId))).toHaveLength(1);
	const oldLogin = await t.request('POST', '/api/sessions', {
		json: { email: account.email, password: account.password },
	});
	expect(oldLogin.status).toBe(401);
	const newLogin = await t.request('POST', '/api/sessions', {
		json: { email: account.email, password: '새로운 비밀번호 2025' },
	});
	expect(newLogin.status).toBe(200);
});

test('refuses a password change with the wrong current password and keeps everything', async () => {
	const t = await app();
	const { cookie, account } = await signUp(t);
	const before = await t.db.select().from(users);
	const res = await t.request('PUT', '/api/profile/password', {
		cookie,
		json: { currentPassword: 'not my password', newPassword: '새로운 비밀번호 2025' },
	});
	expect(res.status).toBe(403);
	expect(await res.json()).toEqual({
		error: {
			code: 'wrong_password',
			message: '비밀번호가 올바르지 않습니다.',
			fields: { currentPassword: '비밀번호가 올바르지 않습니다.' },
		},
	});
	expect(await t.db.select().from(users)).toEqual(before);
	expect((await t.request('GET', '/api/me', { cookie })).status).toBe(200);
	expect(account.password).not.toBe('not my password');
});

test('holds a new password to the sign-up rules', async () => {
	const t = await app();
	const { cookie, account } = await signUp(t);
	const res = await t.request('PUT', '/api/profile/password', {
		cookie,
		json: { currentPassword: account.password, newPassword: 'qwerty123' },
	});
	expect(res.status).toBe(400);
	expect((await res.json()).error.fields).toEqual({
		newPassword: '새 비밀번호가 너무 흔합니다. 추측하기 어려운 다른 비밀번호를 써 주세요.',
	});
});

test('deletes the account with its sessions, reviews and favorites, and nothing else', async () => {
	const t = await app();
	const me = await signUp(t);
	const other = await signUp(t);
	const showId = await addPerformance(t.db);
	await insertReview(t.db, me.userId, showId);
	await insertFavorite(t.db, me.userId, showId);
	await insertReview(t.db, other.userId, showId);
	await insertFavorite(t.db, other.userId, showId);
	const res = await t.request('DELETE', '/api/profile', {
		cookie: me.cookie,
		json: { password: me.account.password },
	});
	expect(res.status).toBe(204);
	expect(res.headers.get('Set-Cookie')).toContain('Max-Age=0');
	expect(await t.db.select({ id: users.id }).from(users)).toEqual([{ id: other.userId }]);
	expect((await t.db.select().from(sessions)).map((row) => row.userId)).toEqual([other.userId]);
	expect((await t.db.select().from(reviews)).map((row) => row.userId)).toEqual([other.userId]);
	expect((await t.db.select().from(favorites)).map((row) => row.userId)).toEqual([other.userId]);
	expect(await t.db.select({ id: performances.id }).from(performances)).toEqual([{ id: showId }]);
	expect((await t.request('GET', '/api/me', { cookie: me.cookie })).status).toBe(401);
	expect((await t.request('GET', '/api/me', { cookie: other.cookie })).status).toBe(200);
	const again = await t.request('POST', '/api/sessions', {
		json: { email: me.account.email, password: me.account.password },
	});
	expect(again.status).toBe(401);
});

test('refuses deletion with the wrong password and deletes nothing', async () => {
	const t = await app();
	const me = await signUp(t);
	const showId = await addPerformance(t.db);
	await insertReview(t.db, me.userId, showId);
	const res = await t.request('DELETE', '/api/profile', {
		cookie: me.cookie,
		json: { password: 'wrong password' },
	});
	expect(res.status).toBe(403);
	expect((await res.json()).error.fields).toEqual({ password: '비밀번호가 올바르지 않습니다.' });
	expect(await t.db.select().from(users)).toHaveLength(1);
	expect(await t.db.select().from(reviews)).toHaveLength(1);
	expect((await t.request('GET', '/api/me', { cookie: me.cookie })).status).toBe(200);
});

test('lets exactly one of two concurrent deletions succeed, without a 5xx', async () => {
	const t = await app();
	const me = await signUp(t);
	const results = await Promise.all(
		[1, 2].map(() =>
			t.request('DELETE', '/api/profile', {
				cookie: me.cookie,
				json: { password: me.account.password },
			}),
		),
	);
	const statuses = results.map((res) => res.status).sort();
	expect(statuses[0]).toBe(204);
	expect(statuses[1]).toBeGreaterThanOrEqual(400);
	expect(statuses[1]).toBeLessThan(500);
	expect(await t.db.select().from(users)).toHaveLength(0);
});

test('exports everything stored about the user but the password hash', async () => {
	const t = await app();
	const me = await signUp(t, { gender: 'other', birthday: '1970-01-01' });
	const other = await signUp(t);
	const showId = await addPerformance(t.db);
	const review = await insertReview(t.db, me.userId, showId);
	await insertFavorite(t.db, me.userId, showId);
	await insertReview(t.db, other.userId, showId, { body: '남의 리뷰' });
	const res = await t.request('GET', '/api/profile/export', { cookie: me.cookie });
	expect(res.status).toBe(200);
	expect(res.headers.get('Content-Disposition')).toBe(
		'attachment; filename="culturepedia-my-data.json"',
	);
	const data = await res.json();
	expect(data).toEqual({
		exportedAt: '2025-05-01T03:00:00.000Z',
		user: {
			id: me.userId,
			email: me.account.email,
			username: me.account.username,
			gender: 'other',
			birthday: '1970-01-01',
			createdAt: '2025-05-01T03:00:00.000Z',
			updatedAt: '2025-05-01T03:00:00.000Z',
		},
		sessions: [{ createdAt: '2025-05-01T03:00:00.000Z', expiresAt: '2025-05-31T03:00:00.000Z' }],
		reviews: [
			{
				...review,
				createdAt: review.createdAt.toISOString(),
				updatedAt: review.updatedAt.toISOString(),
			},
		],
		favorites: [
			{ userId: me.userId, performanceId: showId, createdAt: '2025-05-01T00:00:00.000Z' },
		],
	});
	expect(JSON.stringify(data)).not.toContain('argon2');
	expect(JSON.stringify(data)).not.toContain('남의 리뷰');
});

test.each([
	['GET', '/api/profile', undefined],
	['PATCH', '/api/profile', { gender: 'female' }],
	['PUT', '/api/profile/password', { currentPassword: 'x', newPassword: '새로운 비밀번호 2025' }],
	['DELETE', '/api/profile', { password: 'x' }],
	['GET', '/api/profile/export', undefined],
])('refuses %s %s without a session', async (method, path, json) => {
	const t = await app();
	await signUp(t);
	const before = await t.db.select().from(users);
	const res = await t.request(method, path, json === undefined ? {} : { json });
	expect(res.status).toBe(401);
	expect((await res.json()).error.code).toBe('unauthenticated');
	expect(await t.db.select().from(users)).toEqual(before);
});
