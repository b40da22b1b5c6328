import { eq } from 'drizzle-orm';
import { afterEach, expect, test } from 'vitest';
import { favorites, reviews, users } from '../../db/schema/index.ts';
import { addPerformance } from '../performances/testing.ts';
import { createTestApp, signUp, type TestApp } from '../testing.ts';
import { patchReview, postReview, review } from './testing.ts';

let current: TestApp | null = null;
afterEach(() => {
	current?.destroy();
	current = null;
});

async function app(options: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
	current = await createTestApp(options);
	return current;
}

async function list(t: TestApp, performanceId: string, query = '', cookie: string | null = null) {
	const res = await t.request('GET', `/api/performances/${performanceId}/reviews${query}`, {
		cookie,
	});
	expect(res.status).toBe(200);
	return res.json();
}

async function reviewRows(t: TestApp) {
	return t.db.select().from(reviews).orderBy(reviews.id);
}

test('creates a review, stores half-stars and lists it without the author’s id or email', async () => {
	const t = await app();
	const performanceId = await addPerformance(t.db);
	const author = await signUp(t);
	const res = await postReview(t, author.cookie, performanceId, {
		rating: 4.5,
		title: '두 번 봐도 좋은 무대',
		body: '2막의 합창이 오래 남습니다.',
		seenOn: '2025-04-20',
		hasSpoilers: true,
	});
	expect(res.status).toBe(201);
	const { review: created } = await res.json();
	expect(res.headers.get('Location')).toBe(`/api/reviews/${created.id}`);
	const at = new Date(t.clock.now()).toISOString();
	expect(created).toEqual({
		id: expect.any(Number),
		performanceId,
		username: author.account.username,
		rating: 4.5,
		title: '두 번 봐도 좋은 무대',
		body: '2막의 합창이 오래 남습니다.',
		seenOn: '2025-04-20',
		hasSpoilers: true,
		createdAt: at,
		updatedAt: at,
	});
	expect(await reviewRows(t)).toEqual([
		expect.objectContaining({ userId: author.userId, performanceId, ratingHalves: 9 }),
	]);

	const anonymous = await t.request('GET', `/api/performances/${performanceId}/reviews`);
	const text = await anonymous.text();
	expect(JSON.parse(text)).toEqual({
		summary: { average: 4.5, count: 1, histogram: [0, 0, 0, 0, 1] },
		sort: 'newest',
		paging: { page: 1, perPage: 10, total: 1, pages: 1 },
		reviews: [created],
		mine: null,
	});
	expect(text).not.toContain(author.account.email);
	expect(text).not.toContain(author.userId);
	expect(text).not.toContain('argon2');
});

test('refuses a second review of the same performance with a link to the first', async () => {
	const t = await app();
	const performanceId = await addPerformance(t.db);
	const author = await signUp(t);
	const first = await review(t, author.cookie, performanceId, { rating: 3, title: '처음' });
	const res = await postReview(t, author.cookie, performanceId, { rating: 5, title: '두 번째' });
	expect(res.status).toBe(409);
	expect(res.headers.get('Link')).toBe(`</api/reviews/${first}>; rel="edit"`);
	expect((await res.json()).error).toEqual({
		code: 'review_exists',
		message: '이 공연에는 이미 후기를 남겼습니다. 남긴 후기를 수정해 주세요.',
	});
	expect(await reviewRows(t)).toEqual([expect.objectContaining({ id: first, title: '처음' })]);
});

test('two reviews posted at once leave one and answer the other with 409', async () => {
	const t = await app();
	const performanceId = await addPerformance(t.db);
	const author = await signUp(t);
	const answers = await Promise.all(
		[1, 2, 3].map((n) => postReview(t, author.cookie, performanceId, { rating: n })),
	);
	expect(answers.map((res) => res.status).sort()).toEqual([201, 409, 409]);
	expect(await reviewRows(t)).toHaveLength(1);
});

/** Ratings as raw JSON text, so values JSON.stringify cannot write (1e400) are sent too. */
test.each([
	['zero', '0', '별점은 0.5점 이상이어야 합니다.'],
	['below a half star', '0.3', '별점은 0.5점 이상이어야 합니다.'],
	['negative', '-1', '별점은 0.5점 이상이어야 합니다.'],
	['above five', '5.5', '별점은 5점 이하여야 합니다.'],
	['not a half step', '3.3', '별점은 0.5점 단위여야 합니다.'],
	['a string', '"4"', '별점은 0.5부터 5까지의 숫자여야 합니다.'],
	['null', 'null', '별점은 0.5부터 5까지의 숫자여야 합니다.'],
	['infinite', '1e400', '별점은 0.5부터 5까지의 숫자여야 합니다.'],
	['missing', null, '별점은 0.5부터 5까지의 숫자여야 합니다.'],
])('refuses a rating that is %s', async (_name, rating, message) => {
	const t = await app();
	const performanceId = await addPerformance(t.db);
	const author = await signUp(t);
	const res = await t.request('POST', `/api/performances/${performanceId}/reviews`, {
		cookie: author.cookie,
		body: rating === null ? '{"title":"별점 없음"}' : `{"rating":${rating}}`,
		headers: { 'Content-Type': 'application/json' },
	});
	expect(res.status).toBe(400);
	const { error } = await res.json();
	expect(error.code).toBe('invalid_input');
	expect(error.fields).toEqual({ rating: message });
	expect(await reviewRows(t)).toEqual([]);
});

test('refuses NaN, which is not JSON', async () => {
	const t = await app();
	const performanceId = await addPerformance(t.db);
	const author = await signUp(t);
	const res = await t.request('POST', `/api/performances/${performanceId}/reviews`, {
		cookie: author.cookie,
		body: '{"rating": NaN}',
		headers: { 'Content-Type': 'application/json' },
	});
	expect(res.status).toBe(400);
	expect((await res.json()).error.code).toBe('malformed_json');
	expect(await reviewRows(t)).toEqual([]);
});

test('accepts every half step from 0.5 to 5', async () => {
	const t = await app();
	const author = await signUp(t);
	for (let halves = 1; halves <= 10; halves += 1) {
		const performanceId = await addPerformance(t.db);
		await review(t, author.cookie, performanceId, { rating: halves / 2 });
	}
	expect((await reviewRows(t)).map((row) => row.ratingHalves)).toEqual([
		1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
	]);
});

test('takes a title of 100 and a text of 5,000 characters, and refuses one more', async () => {
	const t = await app();
	const author = await signUp(t);
	const ok = await addPerformance(t.db);
	await review(t, author.cookie, ok, {
		rating: 4,
		title: '가'.repeat(100),
		body: '나'.repeat(5000),
	});
	const tooLong = await addPerformance(t.db);
	const res = await postReview(t, author.cookie, tooLong, {
		rating: 4,
		title: '가'.repeat(101),
		body: '나'.repeat(5001),
	});
	expect(res.status).toBe(400);
	expect((await res.json()).error.fields).toEqual({
		title: '제목은 100자 이하여야 합니다.',
		body: '내용은 5,000자 이하여야 합니다.',
	});
	expect(await reviewRows(t)).toHaveLength(1);
});

test('refuses a seen-on date that is not a date or is in the future, and takes today', async () => {
	const t = await app();
	const author = await signUp(t);
	const performanceId = await addPerformance(t.db);
	// The fake clock is 2025-05-01 03:00 UTC, 12:00 in Korea.
	for (const [seenOn, message] of [
		['2025-02-30', '관람일이 달력에 없는 날짜입니다.'],
		['2025/04/01', '관람일은 YYYY-MM-DD 형식이어야 합니다.'],
		['2025-05-02', '관람일은 1900-01-01 이후, 오늘이나 그 이전이어야 합니다.'],
	] as const) {
		const res = await postReview(t, author.cookie, performanceId, { rating: 3, seenOn });
		expect(res.status).toBe(400);
		expect((await res.json()).error.fields).toEqual({ seenOn: message });
	}
	expect(await reviewRows(t)).toEqual([]);
	await review(t, author.cookie, performanceId, { rating: 3, seenOn: '2025-05-01' });
});

test('refuses keys it does not take, such as another user id', async () => {
	const t = await app();
	const author = await signUp(t);
	const victim = await signUp(t);
	const performanceId = await addPerformance(t.db);
	const res = await postReview(t, author.cookie, performanceId, {
		rating: 3,
		userId: victim.userId,
		createdAt: '2000-01-01T00:00:00.000Z',
	});
	expect(res.status).toBe(400);
	expect(Object.keys((await res.json()).error.fields).sort()).toEqual(['createdAt', 'userId']);
	expect(await reviewRows(t)).toEqual([]);
});

test.each(['raw', 'drizzle'] as const)(
	'answers 404 for a performance that does not exist, and 401 before that for visitors (%s lookup)',
	async (reviewLookup) => {
		const t = await app({ reviewLookup });
		const author = await signUp(t);
		const missing = await t.request('GET', '/api/performances/PF999999/reviews');
		expect(missing.status).toBe(404);
		expect((await missing.json()).error).toEqual({
			code: 'not_found',
			message: '공연을 찾을 수 없습니다.',
		});
		const post = await postReview(t, author.cookie, 'PF999999', { rating: 3 });
		expect(post.status).toBe(404);
		const anonymous = await postReview(t, null, 'PF999999', { rating: 3 });
		expect(anonymous.status).toBe(401);
		expect(await reviewRows(t)).toEqual([]);
	},
);

test('refuses a review from a visitor or from another site', async () => {
	const t = await app();
	const author = await signUp(t);
	const performanceId = await addPerformance(t.db);
	expect((await postReview(t, null, performanceId, { rating: 3 })).status).toBe(401);
	const foreign = await t.request('POST', `/api/performances/${performanceId}/reviews`, {
		cookie: author.cookie,
		json: { rating: 3 },
		origin: 'https://evil.example',
	});
	expect(foreign.status).toBe(403);
	expect((await foreign.json()).error.code).toBe('forbidden_origin');
	expect(await reviewRows(t)).toEqual([]);
});

test('stores hostile text exactly as written and returns it as data', async () => {
	const t = await app();
	const author = await signUp(t);
	const performanceId = await addPerformance(t.db);
	const title = '<img src=x onerror=alert(1)>';
	const body = `</script><script>alert("xss")</script>\r\n\t&lt;b&gt; '" ${'😀'.repeat(3)} \u202e`;
	const id = await review(t, author.cookie, performanceId, { rating: 1, title, body });
	expect(await reviewRows(t)).toEqual([expect.objectContaining({ id, title, body })]);
	const listed = await list(t, performanceId);
	expect(listed.reviews[0]).toMatchObject({ title, body });
});

test.each([
	['a lone surrogate', '\\ud800'],
	['NUL, where the driver would cut the text', '\\u0000'],
	['a control character', '\\u001b[2J'],
])('refuses text with %s', async (_name, escaped) => {
	const t = await app();
	const author = await signUp(t);
	const performanceId = await addPerformance(t.db);
	const res = await t.request('POST', `/api/performances/${performanceId}/reviews`, {
		cookie: author.cookie,
		body: `{"rating":3,"title":"a${escaped}","body":"broken ${escaped} text"}`,
		headers: { 'Content-Type': 'application/json' },
	});
	expect(res.status).toBe(400);
	expect((await res.json()).error.fields).toEqual({
		title: '제목에 쓸 수 없는 문자가 있습니다.',
		body: '내용에 쓸 수 없는 문자가 있습니다.',
	});
	expect(await reviewRows(t)).toEqual([]);
});

test('lets the author edit in place: createdAt stays, updatedAt moves, null clears', async () => {
	const t = await app();
	const author = await signUp(t);
	const performanceId = await addPerformance(t.db);
	const createdAt = new Date(t.clock.now()).toISOString();
	const id = await review(t, author.cookie, performanceId, {
		rating: 2,
		title: '처음 생각',
		body: '지루했다',
		seenOn: '2025-04-02',
	});
	t.clock.advance(3_600_000);
	const res = await patchReview(t, author.cookie, id, {
		rating: 4,
		title: null,
		hasSpoilers: true,
	});
	expect(res.status).toBe(200);
	expect((await res.json()).review).toEqual({
		id,
		performanceId,
		username: author.account.username,
		rating: 4,
		title: null,
		body: '지루했다',
		seenOn: '2025-04-02',
		hasSpoilers: true,
		createdAt,
		updatedAt: new Date(t.clock.now()).toISOString(),
	});
	expect(await reviewRows(t)).toEqual([
		expect.objectContaining({ id, ratingHalves: 8, title: null, body: '지루했다' }),
	]);
});

test('refuses an empty edit and a bad rating in an edit', async () => {
	const t = await app();
	const author = await signUp(t);
	const performanceId = await addPerformance(t.db);
	const id = await review(t, author.cookie, performanceId, { rating: 2 });
	for (const json of [{}, { rating: 0 }, { rating: '5' }, { seenOn: '2099-01-01' }]) {
		expect((await patchReview(t, author.cookie, id, json)).status).toBe(400);
	}
	expect(await reviewRows(t)).toEqual([expect.objectContaining({ id, ratingHalves: 4 })]);
});

test('lets only the author edit or delete: 403 for others, 401 for visitors, 404 when missing', async () => {
	const t = await app();
	const author = await signUp(t);
	const other = await signUp(t);
	const performanceId = await addPerformance(t.db);
	const id = await review(t, author.cookie, performanceId, { rating: 5, title: '원래 제목' });
	const before = await reviewRows(t);

	const edit = await patchReview(t, other.cookie, id, { title: '남이 바꾼 제목' });
	expect(edit.status).toBe(403);
	expect((await edit.json()).error).toEqual({
		code: 'forbidden',
		message: '내가 쓴 후기만 고치거나 지울 수 있습니다.',
	});
	const remove = await t.request('DELETE', `/api/reviews/${id}`, { cookie: other.cookie });
	expect(remove.status).toBe(403);
	expect((await patchReview(t, null, id, { title: 'x' })).status).toBe(401);
	expect((await t.request('DELETE', `/api/reviews/${id}`)).status).toBe(401);
	expect(await reviewRows(t)).toEqual(before);

	const missingEdit = await patchReview(t, author.cookie, id + 1000, { title: 'x' });
	expect(missingEdit.status).toBe(404);
	expect((await missingEdit.json()).error.message).toBe('후기를 찾을 수 없습니다.');
	const missingDelete = await t.request('DELETE', `/api/reviews/${id + 1000}`, {
		cookie: author.cookie,
	});
	expect(missingDelete.status).toBe(404);
	expect((await t.request('GET', '/api/reviews/abc')).status).toBe(400);
	expect((await t.request('GET', `/api/reviews/${id + 1000}`)).status).toBe(404);
});

test('deletes the author’s review and the summary follows', async () => {
	const t = await app();
	const author = await signUp(t);
	const other = await signUp(t);
	const performanceId = await addPerformance(t.db);
	const id = await review(t, author.cookie, performanceId, { rating: 1 });
	const kept = await review(t, other.cookie, performanceId, { rating: 5 });
	expect((await list(t, performanceId)).summary).toEqual({
		average: 3,
		count: 2,
		histogram: [1, 0, 0, 0, 1],
	});
	const res = await t.request('DELETE', `/api/reviews/${id}`, { cookie: author.cookie });
	expect(res.status).toBe(204);
	expect((await reviewRows(t)).map((row) => row.id)).toEqual([kept]);
	expect((await list(t, performanceId)).summary).toEqual({
		average: 5,
		count: 1,
		histogram: [0, 0, 0, 0, 1],
	});
	// Deleted, the author may write a new one.
	await review(t, author.cookie, performanceId, { rating: 2 });
});

test.each(['raw', 'drizzle'] as const)(
	'pages and sorts the list by newest, highest and lowest, and shows the reader’s own (%s lookup)',
	async (reviewLookup) => {
		const t = await app({ reviewLookup });
		const performanceId = await addPerformance(t.db);
		const ratings = [3, 5, 1, 4.5, 2, 5, 0.5];
		const ids: number[] = [];
		const readers = [];
		for (const rating of ratings) {
			const reader = await signUp(t);
			readers.push(reader);
			ids.push(await review(t, reader.cookie, performanceId, { rating }));
			t.clock.advance(60_000);
		}
		const newest = await list(t, performanceId, '?perPage=3');
		expect(newest.paging).toEqual({ page: 1, perPage: 3, total: 7, pages: 3 });
		expect(newest.reviews.map((r: { id: number }) => r.id)).toEqual(ids.slice(4).reverse());
		const last = await list(t, performanceId, '?perPage=3&page=3');
		expect(last.reviews.map((r: { id: number }) => r.id)).toEqual([ids[0]]);
		const beyond = await list(t, performanceId, '?perPage=3&page=4');
		expect(beyond.reviews).toEqual([]);

		const highest = await list(t, performanceId, '?sort=highest&perPage=50');
		expect(highest.reviews.map((r: { rating: number }) => r.rating)).toEqual([
			5, 5, 4.5, 3, 2, 1, 0.5,
		]);
		// Equal ratings: the newer first.
		expect(highest.reviews[0].id).toBe(ids[5]);
		const lowest = await list(t, performanceId, '?sort=lowest');
		expect(lowest.reviews.map((r: { rating: number }) => r.rating)).toEqual([
			0.5, 1, 2, 3, 4.5, 5, 5,
		]);
		expect(lowest.summary).toEqual({
			average: ratings.reduce((a, b) => a + b, 0) / 7,
			count: 7,
			histogram: [2, 1, 1, 0, 3],
		});

		const reader = readers[2];
		if (reader === undefined) throw new Error('no reader');
		const mine = await list(t, performanceId, '?perPage=1', reader.cookie);
		expect(mine.mine).toMatchObject({ id: ids[2], rating: 1, username: reader.account.username });
	},
);

test.each([
	['page=0'],
	['page=-1'],
	['page=1e3'],
	['perPage=51'],
	['perPage=abc'],
	['sort=random'],
])('refuses the list query %s', async (query) => {
	const t = await app();
	const performanceId = await addPerformance(t.db);
	const res = await t.request('GET', `/api/performances/${performanceId}/reviews?${query}`);
	expect(res.status).toBe(400);
	expect((await res.json()).error.code).toBe('invalid_input');
});

test('deleting an account removes exactly its reviews and favorites and updates the summary', async () => {
	const t = await app();
	const leaving = await signUp(t);
	const staying = await signUp(t);
	const [a, b] = [await addPerformance(t.db), await addPerformance(t.db)];
	await review(t, leaving.cookie, a, { rating: 1, body: '떠나는 사람의 후기' });
	await review(t, leaving.cookie, b, { rating: 2 });
	const keptReview = await review(t, staying.cookie, a, { rating: 5 });
	for (const [cookie, id] of [
		[leaving.cookie, a],
		[leaving.cookie, b],
		[staying.cookie, b],
	] as const) {
		expect((await t.request('PUT', `/api/favorites/${id}`, { cookie })).status).toBe(200);
	}
	expect((await list(t, a)).summary.count).toBe(2);

	const res = await t.request('DELETE', '/api/profile', {
		cookie: leaving.cookie,
		json: { password: leaving.account.password },
	});
	expect(res.status).toBe(204);
	expect(await t.db.select({ id: users.id }).from(users)).toEqual([{ id: staying.userId }]);
	expect((await reviewRows(t)).map((row) => [row.id, row.userId])).toEqual([
		[keptReview, staying.userId],
	]);
	expect(await t.db.select().from(favorites)).toEqual([
		expect.objectContaining({ userId: staying.userId, performanceId: b }),
	]);
	const after = await list(t, a);
	expect(after.summary).toEqual({ average: 5, count: 1, histogram: [0, 0, 0, 0, 1] });
	expect(JSON.stringify(after)).not.toContain(leaving.account.username);
	expect(await t.db.select().from(reviews).where(eq(reviews.userId, leaving.userId))).toEqual([]);
});
