import { afterEach, expect, test } from 'vitest';
import { addPerformance } from '../performances/testing.ts';
import { review } from '../reviews/testing.ts';
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

test('lists the reviewed performances with the user’s rating, newest first, paged', async () => {
	const t = await app();
	const user = await signUp(t);
	const other = await signUp(t);
	const first = await addPerformance(t.db, { title: '첫 관람', posterWidths: [200] });
	const second = await addPerformance(t.db, { title: '두 번째 관람' });
	const firstReview = await review(t, user.cookie, first, { rating: 3.5, seenOn: '2025-04-10' });
	t.clock.advance(60_000);
	await review(t, user.cookie, second, { rating: 5 });
	await review(t, other.cookie, first, { rating: 1 });

	const res = await t.request('GET', '/api/profile/history?perPage=1&page=2', {
		cookie: user.cookie,
	});
	expect(res.status).toBe(200);
	expect(await res.json()).toEqual({
		history: [
			{
				reviewId: firstReview,
				performance: expect.objectContaining({
					id: first,
					title: '첫 관람',
					posterUrl: `/media/posters/${first}-200.webp`,
				}),
				rating: 3.5,
				seenOn: '2025-04-10',
				reviewedAt: new Date(Date.UTC(2025, 4, 1, 3)).toISOString(),
			},
		],
		paging: { page: 2, perPage: 1, total: 2, pages: 2 },
	});
	const page1 = await (
		await t.request('GET', '/api/profile/history?perPage=1', { cookie: user.cookie })
	).json();
	expect(page1.history[0].performance.title).toBe('두 번째 관람');
});

test('counts reviews by genre, averages the ratings given and finds the venue seen most', async () => {
	const t = await app();
	const user = await signUp(t);
	const venue = { venueId: 'FC000001', venueName: '충무아트센터' };
	const shows = [
		await addPerformance(t.db, { genreName: '뮤지컬', ...venue }),
		await addPerformance(t.db, { genreName: '뮤지컬', ...venue }),
		await addPerformance(t.db, { genreName: '연극', venueName: '대학로 소극장' }),
		await addPerformance(t.db, { genreName: '연극', venueName: '대학로 소극장' }),
		await addPerformance(t.db, { genreName: '뮤지컬', ...venue }),
		await addPerformance(t.db, { genreName: '무용', venueName: '대학로 소극장' }),
	];
	const ratings = [5, 4, 3, 2.5, 4.5, 1];
	for (const [index, id] of shows.entries()) {
		await review(t, user.cookie, id, { rating: ratings[index] ?? 3 });
		t.clock.advance(1000);
	}
	await t.request('PUT', `/api/favorites/${shows[0]}`, { cookie: user.cookie });

	const res = await t.request('GET', '/api/profile/stats', { cookie: user.cookie });
	expect(res.status).toBe(200);
	expect(await res.json()).toEqual({
		reviewCount: 6,
		favoriteCount: 1,
		averageRating: 20 / 6,
		byGenre: [
			{ genreName: '뮤지컬', count: 3 },
			{ genreName: '연극', count: 2 },
			{ genreName: '무용', count: 1 },
		],
		// Three each: the venue visited last wins the tie.
		topVenue: { id: null, name: '대학로 소극장', count: 3 },
	});
});

test('shows empty statistics before the first review', async () => {
	const t = await app();
	const user = await signUp(t);
	const res = await t.request('GET', '/api/profile/stats', { cookie: user.cookie });
	expect(await res.json()).toEqual({
		reviewCount: 0,
		favoriteCount: 0,
		averageRating: null,
		byGenre: [],
		topVenue: null,
	});
	const history = await t.request('GET', '/api/profile/history', { cookie: user.cookie });
	expect(await history.json()).toEqual({
		history: [],
		paging: { page: 1, perPage: 10, total: 0, pages: 0 },
	});
});

test('answers visitors with 401', async () => {
	const t = await app();
	for (const path of ['/api/profile/history', '/api/profile/stats']) {
		expect((await t.request('GET', path)).status).toBe(401);
	}
});
