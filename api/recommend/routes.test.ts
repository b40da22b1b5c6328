import { afterEach, expect, test } from 'vitest';
import { boxOfficeEntries } from '../../db/schema/box-office.ts';
import { createTestApp, fakeClock, signUp, type TestApp } from '../testing.ts';
import { insertCatalog, item } from './testing.ts';

let current: TestApp | null = null;
afterEach(() => {
	current?.destroy();
	current = null;
});

/** An app whose clock reads 2026-05-01 in Seoul, the day the engine's test factories run around. */
async function app(): Promise<TestApp> {
	current = await createTestApp({ clock: fakeClock(Date.UTC(2026, 4, 1, 3, 0, 0)) });
	return current;
}

interface Body {
	recommendations: {
		performance: { id: string; title: string; path: string; state: string };
		score: number;
		reasons: { kind: string; text: string; basedOn: string | null }[];
	}[];
	pickedTags: string[];
	personal: boolean;
}

function idsOf(body: Body): string[] {
	return body.recommendations.map((entry) => entry.performance.id);
}

test('refuses anonymous callers with the one error shape', async () => {
	const t = await app();
	await insertCatalog(t.db, [item()]);

	const res = await t.request('GET', '/api/recommendations?tags=로맨틱&limit=5');

	expect(res.status).toBe(401);
	expect(await res.json()).toEqual({
		error: { code: 'unauthenticated', message: '로그인이 필요합니다.' },
	});
});

test('recommends from the user’s favorites and reviews, never the shows themselves', async () => {
	const t = await app();
	const favorite = item({ title: '레미제라블', tags: ['웅장한', '감동적인'], cast: ['홍배우'] });
	const disliked = item({ title: '무서운 밤', genreCode: 'AAAA', tags: ['스릴러', '어두운'] });
	const like = item({ tags: ['웅장한', '감동적인'], cast: ['홍배우'] });
	const unlike = item({ genreCode: 'AAAA', tags: ['스릴러', '어두운'] });
	const neutral = item({ genreCode: 'CCCA', tags: ['잔잔한'], areaCode: '26' });
	await insertCatalog(t.db, [favorite, disliked, like, unlike, neutral]);
	const user = await signUp(t);
	expect(
		(await t.request('PUT', `/api/favorites/${favorite.id}`, { cookie: user.cookie })).status,
	).toBe(200);
	const review = await t.request('POST', `/api/performances/${disliked.id}/reviews`, {
		cookie: user.cookie,
		json: { rating: 1 },
	});
	expect(review.status).toBe(201);

	const res = await t.request('GET', '/api/recommendations', { cookie: user.cookie });

	expect(res.status).toBe(200);
	const body = (await res.json()) as Body;
	expect(idsOf(body)).toEqual([like.id, neutral.id, unlike.id]);
	expect(body.personal).toBe(true);
	expect(body.pickedTags).toEqual([]);
	expect(body.recommendations[0]?.performance).toMatchObject({
		path: `/performances/${like.id}/`,
		state: 'running',
	});
	expect(body.recommendations[0]?.reasons).toContainEqual({
		kind: 'people',
		text: "즐겨찾기한 '레미제라블'과 같은 출연진(홍배우)",
		basedOn: favorite.id,
	});
});

test('starts a user without history from picked tags and the box office', async () => {
	const t = await app();
	const leader = item({ tags: ['웅장한'] });
	const second = item({ tags: ['웅장한'] });
	const romantic = item({ tags: ['로맨틱', '코믹한'] });
	await insertCatalog(t.db, [leader, second, romantic]);
	await t.db.insert(boxOfficeEntries).values(
		[leader, second].map((show, index) => ({
			period: 'week' as const,
			startDate: '2026-04-24',
			endDate: '2026-04-30',
			genreCode: 'ALL',
			rank: index + 1,
			performanceId: show.id,
			title: show.title,
		})),
	);
	const user = await signUp(t);

	const popular = (await (
		await t.request('GET', '/api/recommendations', { cookie: user.cookie })
	).json()) as Body;
	expect(idsOf(popular)).toEqual([leader.id, second.id, romantic.id]);
	expect(popular.personal).toBe(false);
	expect(popular.recommendations[0]?.reasons).toEqual([
		{ kind: 'popular', text: '이번 주 예매 순위 1위', basedOn: null },
	]);

	const steered = await t.request(
		'GET',
		`/api/recommendations?tags=${encodeURIComponent('로맨틱, 없는태그')}&limit=2`,
		{
			cookie: user.cookie,
		},
	);
	const body = (await steered.json()) as Body;
	expect(idsOf(body)).toEqual([romantic.id, leader.id]);
	expect(body.pickedTags).toEqual(['로맨틱']);
});

test('names the bad query parameter', async () => {
	const t = await app();
	const user = await signUp(t);
	const tooMany = Array.from({ length: 11 }, (_, index) => `태그${index}`).join(',');

	for (const [query, field] of [
		['limit=0', 'limit'],
		['limit=51', 'limit'],
		['limit=1e3', 'limit'],
		[`tags=${encodeURIComponent(tooMany)}`, 'tags'],
	] as const) {
		const res = await t.request('GET', `/api/recommendations?${query}`, { cookie: user.cookie });
		expect(res.status, query).toBe(400);
		const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
		expect(body.error.code).toBe('invalid_input');
		expect(Object.keys(body.error.fields), query).toEqual([field]);
	}
});

test('lists the tag vocabulary to anyone', async () => {
	const t = await app();
	await insertCatalog(t.db, [item({ tags: ['코믹한', '로맨틱'] })]);

	const res = await t.request('GET', '/api/recommendations/tags');

	expect(res.status).toBe(200);
	expect(await res.json()).toEqual({ tags: ['로맨틱', '코믹한'] });
});
