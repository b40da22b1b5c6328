import { afterEach, expect, test } from 'vitest';
import { favorites } from '../../db/schema/index.ts';
import { addPerformance } from '../performances/testing.ts';
import { createTestApp, signUp, type TestApp } from '../testing.ts';

let current: TestApp | null = null;
afterEach(() => {
	current?.destroy();
	current = null;
});

async function app(): Promise<TestApp> {
	current = await createTestApp();
	return current;
}

function favoriteRows(t: TestApp) {
	return t.db
		.select({ userId: favorites.userId, performanceId: favorites.performanceId })
		.from(favorites)
		.orderBy(favorites.userId, favorites.performanceId);
}

test('adds a favorite idempotently and keeps the first time it was added', async () => {
	const t = await app();
	const user = await signUp(t);
	const id = await addPerformance(t.db);
	const first = await t.request('PUT', `/api/favorites/${id}`, { cookie: user.cookie });
	expect(first.status).toBe(200);
	expect(await first.json()).toEqual({ favorite: true });
	const addedAt = (await t.db.select().from(favorites))[0]?.createdAt;
	t.clock.advance(60_000);
	const again = await t.request('PUT', `/api/favorites/${id}`, { cookie: user.cookie });
	expect(again.status).toBe(200);
	expect(await t.db.select().from(favorites)).toEqual([
		{ userId: user.userId, performanceId: id, createdAt: addedAt },
	]);
	const state = await t.request('GET', `/api/favorites/${id}`, { cookie: user.cookie });
	expect(await state.json()).toEqual({ favorite: true });
});

test('removes a favorite idempotently', async () => {
	const t = await app();
	const user = await signUp(t);
	const id = await addPerformance(t.db);
	await t.request('PUT', `/api/favorites/${id}`, { cookie: user.cookie });
	for (let i = 0; i < 2; i += 1) {
		const res = await t.request('DELETE', `/api/favorites/${id}`, { cookie: user.cookie });
		expect(res.status).toBe(204);
	}
	expect(await favoriteRows(t)).toEqual([]);
	const state = await t.request('GET', `/api/favorites/${id}`, { cookie: user.cookie });
	expect(await state.json()).toEqual({ favorite: false });
});

test('answers 404 for a performance that does not exist', async () => {
	const t = await app();
	const user = await signUp(t);
	for (const method of ['GET', 'PUT', 'DELETE']) {
		const res = await t.request(method, '/api/favorites/PF404404', { cookie: user.cookie });
		expect(res.status).toBe(404);
		expect((await res.json()).error).toEqual({
			code: 'not_found',
			message: '공연을 찾을 수 없습니다.',
		});
	}
	expect(await favoriteRows(t)).toEqual([]);
});

test('needs a session for every favorites route, and the site’s origin to change one', async () => {
	const t = await app();
	const user = await signUp(t);
	const id = await addPerformance(t.db);
	for (const [method, path] of [
		['GET', '/api/favorites'],
		['GET', `/api/favorites/${id}`],
		['PUT', `/api/favorites/${id}`],
		['DELETE', `/api/favorites/${id}`],
	] as const) {
		expect((await t.request(method, path)).status).toBe(401);
	}
	const foreign = await t.request('PUT', `/api/favorites/${id}`, {
		cookie: user.cookie,
		origin: 'https://evil.example',
	});
	expect(foreign.status).toBe(403);
	const crossSite = await t.request('PUT', `/api/favorites/${id}`, {
		cookie: user.cookie,
		headers: { 'Sec-Fetch-Site': 'cross-site' },
	});
	expect(crossSite.status).toBe(403);
	expect(await favoriteRows(t)).toEqual([]);
});

test('lists only the user’s own favorites, newest first, with poster, dates and state', async () => {
	const t = await app();
	const user = await signUp(t);
	const other = await signUp(t);
	// The fake clock's day in Korea is 2025-05-01.
	const finished = await addPerformance(t.db, {
		title: '지난 공연',
		startDate: '2025-01-01',
		endDate: '2025-02-01',
		posterWidths: [120, 240, 480],
	});
	const upcoming = await addPerformance(t.db, {
		title: '다가올 공연',
		startDate: '2025-06-01',
		endDate: '2025-07-01',
		venueName: '예술의전당',
	});
	const running = await addPerformance(t.db, { startDate: '2025-05-01', endDate: '2025-05-01' });
	for (const id of [finished, upcoming, running]) {
		await t.request('PUT', `/api/favorites/${id}`, { cookie: user.cookie });
		t.clock.advance(1000);
	}
	await t.request('PUT', `/api/favorites/${finished}`, { cookie: other.cookie });

	const res = await t.request('GET', '/api/favorites?perPage=2', { cookie: user.cookie });
	expect(res.status).toBe(200);
	const body = await res.json();
	expect(body.paging).toEqual({ page: 1, perPage: 2, total: 3, pages: 2 });
	expect(body.favorites.map((f: { performance: { id: string } }) => f.performance.id)).toEqual([
		running,
		upcoming,
	]);
	expect(body.favorites[0].performance.state).toBe('running');
	expect(body.favorites[1]).toEqual({
		performance: {
			id: upcoming,
			title: '다가올 공연',
			startDate: '2025-06-01',
			endDate: '2025-07-01',
			state: 'upcoming',
			genreName: '뮤지컬',
			venueName: '예술의전당',
			path: `/performances/${upcoming}/`,
			posterUrl: null,
		},
		addedAt: new Date(Date.UTC(2025, 4, 1, 3, 0, 1)).toISOString(),
	});
	const second = await (
		await t.request('GET', '/api/favorites?perPage=2&page=2', { cookie: user.cookie })
	).json();
	expect(second.favorites).toEqual([
		expect.objectContaining({
			performance: expect.objectContaining({
				id: finished,
				state: 'finished',
				// The smallest WebP at least 160 px wide.
				posterUrl: `/media/posters/${finished}-240.webp`,
			}),
		}),
	]);
	const others = await (await t.request('GET', '/api/favorites', { cookie: other.cookie })).json();
	expect(others.paging.total).toBe(1);
});
