import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, test } from 'vitest';
import {
	hashtagAnswers,
	hashtags,
	performanceHashtags,
	performances,
} from '../../db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import {
	insertHall,
	insertImage,
	insertPerformance,
	insertVenue,
	makeImage,
	sha256Hex,
} from '../images/testing.ts';
import { encodeVariants, VARIANT_PROFILES } from '../images/variants.ts';
import type { HashtagStepOptions } from './step.ts';
import { HASHTAG_VOCABULARY, tagPerformances, VOCABULARY_VERSION } from './tag.ts';
import {
	type ChatRequest,
	contentReply,
	errorReply,
	type FakeOpenAI,
	type FakeReply,
	startFakeOpenAI,
	tagsReply,
} from './testing.ts';

let database: TestDatabase;
let mediaDir: string;
let fake: FakeOpenAI | null = null;
let warnings: string[];

beforeEach(async () => {
	database = await createTestDatabase();
	mediaDir = mkdtempSync(join(tmpdir(), 'culturepedia-media-'));
	warnings = [];
});
afterEach(async () => {
	await fake?.close();
	fake = null;
	database.destroy();
	rmSync(mediaDir, { recursive: true, force: true });
});

async function withModel(
	respond: (request: ChatRequest, index: number) => FakeReply,
): Promise<HashtagStepOptions> {
	fake = await startFakeOpenAI(respond);
	return {
		openai: { apiKey: 'test-key', baseURL: fake.baseURL, model: 'test-model' },
		maxCalls: 100,
		mediaDir,
		onWarning: (message) => warnings.push(message),
	};
}

const localOnly = (): HashtagStepOptions => ({
	openai: null,
	maxCalls: 0,
	mediaDir,
	onWarning: (message) => warnings.push(message),
});

/** A performance whose poster the image step has made ready, variants on disk. */
async function performanceWithPoster(overrides: Parameters<typeof insertPerformance>[1] = {}) {
	const { db } = database;
	const performance = await insertPerformance(db, overrides);
	const source = await makeImage(300, 420);
	const sourceHash = sha256Hex(source.bytes);
	const encoded = await encodeVariants(
		source.bytes,
		'http://test/p.jpg',
		sourceHash,
		VARIANT_PROFILES.poster,
		{
			mediaDir,
			maxInputPixels: 40e6,
		},
	);
	await insertImage(db, {
		performanceId: performance.id,
		sourceUrl: 'http://test/p.jpg',
		status: 'ready',
		sourceHash,
		width: encoded.width,
		height: encoded.height,
		variants: encoded.variants,
		placeholder: encoded.placeholder,
	});
	return { ...performance, sourceHash };
}

async function tagsOf(performanceId: string) {
	return database.db
		.select({
			name: hashtags.name,
			source: performanceHashtags.source,
			answerKey: performanceHashtags.answerKey,
		})
		.from(performanceHashtags)
		.innerJoin(hashtags, eq(hashtags.id, performanceHashtags.hashtagId))
		.where(eq(performanceHashtags.performanceId, performanceId))
		.orderBy(asc(hashtags.id));
}

test('sends the poster as a data URL with text and the vocabulary schema, stores the answer, and a rerun calls nothing', async () => {
	const { db } = database;
	const options = await withModel(() => tagsReply(['로맨틱', '코믹한', '소극장']));
	const performance = await performanceWithPoster({
		title: '사랑은 비를 타고',
		genreName: '뮤지컬',
		synopsis: '<p>두 남매의&nbsp;이야기</p>',
	});

	const first = await tagPerformances(db, options);

	expect(first).toEqual({ tagged: 1, unchanged: 0, calls: 1, cached: 0, failed: 0, overCap: 0 });
	const request = fake?.requests[0];
	expect(request?.model).toBe('test-model');
	expect(request?.response_format).toEqual({
		type: 'json_schema',
		json_schema: {
			name: 'hashtags',
			strict: true,
			schema: {
				type: 'object',
				properties: {
					tags: {
						type: 'array',
						items: { type: 'string', enum: [...HASHTAG_VOCABULARY] },
						minItems: 1,
						maxItems: 5,
					},
				},
				required: ['tags'],
				additionalProperties: false,
			},
		},
	});
	const content = request?.messages[1]?.content;
	expect(Array.isArray(content) && content[0]?.text).toBe(
		'제목: 사랑은 비를 타고\n장르: 뮤지컬\n줄거리: 두 남매의 이야기',
	);
	const image = Array.isArray(content) ? content[1]?.image_url : undefined;
	expect(image?.detail).toBe('low');
	// The 240 px WebP variant, inline: the API never has to fetch our media.
	expect(image?.url).toMatch(/^data:image\/webp;base64,UklGR/);

	const stored = await db.select().from(hashtagAnswers);
	expect(stored).toHaveLength(1);
	expect(stored[0]).toMatchObject({
		posterHash: performance.sourceHash,
		model: 'test-model',
		promptVersion: VOCABULARY_VERSION * 100 + 1,
		tags: ['로맨틱', '코믹한', '소극장'],
	});
	const key = stored[0]?.key ?? '';
	expect(await tagsOf(performance.id)).toEqual(
		['로맨틱', '코믹한', '소극장']
			.sort(
				(a, b) => HASHTAG_VOCABULARY.indexOf(a as never) - HASHTAG_VOCABULARY.indexOf(b as never),
			)
			.map((name) => ({ name, source: 'openai', answerKey: key })),
	);

	const second = await tagPerformances(db, options);
	expect(second).toEqual({ tagged: 0, unchanged: 1, calls: 0, cached: 0, failed: 0, overCap: 0 });
	expect(fake?.requests).toHaveLength(1);
});

test('pays nothing after a crash that came between the stored answer and the tags', async () => {
	const { db } = database;
	const options = await withModel(() => tagsReply(['감동적', '라이브음악']));
	const performance = await performanceWithPoster();
	await tagPerformances(db, options);
	// What a kill right after storeAnswer() leaves: the answer, no tags.
	await db.delete(performanceHashtags);

	const restarted = await tagPerformances(db, options);

	expect(restarted).toMatchObject({ tagged: 1, calls: 0, cached: 1 });
	expect((await tagsOf(performance.id)).map((tag) => tag.name)).toEqual(['감동적', '라이브음악']);
	expect(fake?.requests).toHaveLength(1);
});

test('asks from the text alone when the poster is not ready', async () => {
	const { db } = database;
	const options = await withModel(() => tagsReply(['극적인']));
	const performance = await insertPerformance(db);
	await insertImage(db, {
		performanceId: performance.id,
		sourceUrl: 'http://test/p.jpg',
		status: 'failed',
	});

	expect((await tagPerformances(db, options)).calls).toBe(1);

	const content = fake?.requests[0]?.messages[1]?.content;
	expect(Array.isArray(content) && content.map((part) => part.type)).toEqual(['text']);
	expect((await db.select().from(hashtagAnswers))[0]?.posterHash).toBe('none');
});

test('asks again when the synopsis or the model changes', async () => {
	const { db } = database;
	const options = await withModel(() => tagsReply(['힐링']));
	const performance = await performanceWithPoster({ synopsis: '조용한 이야기' });
	await tagPerformances(db, options);
	await db
		.update(performances)
		.set({ synopsis: '시끄러운 이야기' })
		.where(eq(performances.id, performance.id));
	expect((await tagPerformances(db, options)).calls).toBe(1);
	const otherModel = {
		...options,
		openai: { ...(options.openai ?? { apiKey: '' }), model: 'other-model' },
	};
	expect((await tagPerformances(db, otherModel)).calls).toBe(1);
	expect(await db.select().from(hashtagAnswers)).toHaveLength(3);
});

test('retries a 429 through the SDK and counts one call', async () => {
	const { db } = database;
	const options = await withModel((_request, index) =>
		index === 0 ? errorReply(429) : tagsReply(['신나는', '화려한']),
	);
	const performance = await performanceWithPoster();

	const result = await tagPerformances(db, options);

	expect(result).toMatchObject({ tagged: 1, calls: 1, failed: 0 });
	expect(fake?.requests).toHaveLength(2);
	expect((await tagsOf(performance.id)).map((tag) => tag.name)).toEqual(['화려한', '신나는']);
	expect(warnings).toEqual([]);
});

test('leaves the performance untagged after a 500 that outlasts the retries, and the step ends ok', async () => {
	const { db } = database;
	const options = await withModel(() => errorReply(500));
	const performance = await performanceWithPoster();

	const result = await tagPerformances(db, options);

	expect(result).toEqual({ tagged: 0, unchanged: 0, calls: 1, cached: 0, failed: 1, overCap: 0 });
	// One call, three attempts: the SDK's two retries are the only retry layer.
	expect(fake?.requests).toHaveLength(3);
	expect(await tagsOf(performance.id)).toEqual([]);
	expect(await db.select().from(hashtagAnswers)).toEqual([]);
	expect(warnings).toEqual([
		expect.stringMatching(new RegExp(`^hashtags for ${performance.id}: 500`)),
	]);
});

test('stops calling after the API refuses the key, without logging its message', async () => {
	const { db } = database;
	const options = await withModel(() => ({
		status: 401,
		body: {
			error: {
				message: 'Incorrect API key provided: sk-abc***wxyz',
				type: 'invalid_request_error',
			},
		},
	}));
	for (let index = 0; index < 5; index += 1) await insertPerformance(db);

	const result = await tagPerformances(db, { ...options, concurrency: 1 });

	expect(result).toMatchObject({ tagged: 0, calls: 1, failed: 5, overCap: 0 });
	expect(fake?.requests).toHaveLength(1);
	expect(warnings).toEqual([
		'hashtags: the OpenAI API refused the key or model (HTTP 401); no more calls this run',
	]);
});

test('rejects an answer with a tag outside the vocabulary and stores nothing', async () => {
	const { db } = database;
	const options = await withModel(() => tagsReply(['로맨틱', '우주적인']));
	const performance = await performanceWithPoster();

	const result = await tagPerformances(db, options);

	expect(result).toMatchObject({ tagged: 0, calls: 1, failed: 1 });
	expect(warnings).toEqual([
		`hashtags for ${performance.id}: tags outside the vocabulary: 우주적인`,
	]);
	expect(await tagsOf(performance.id)).toEqual([]);
	expect(await db.select().from(hashtagAnswers)).toEqual([]);
});

test('rejects an answer that is not the schema JSON', async () => {
	const { db } = database;
	const options = await withModel(() => contentReply('로맨틱, 코믹한'));
	await performanceWithPoster();
	expect(await tagPerformances(db, options)).toMatchObject({ failed: 1, tagged: 0 });
	expect(warnings[0]).toContain('the answer does not match the schema');
});

test('holds the call cap, running shows first, and the next run picks up the rest', async () => {
	const { db } = database;
	const options = await withModel(() => tagsReply(['극적인', '감동적']));
	const finished = await insertPerformance(db, { state: 'finished' });
	const running = [];
	for (let index = 0; index < 4; index += 1)
		running.push(await insertPerformance(db, { title: `공연 ${index}` }));

	const first = await tagPerformances(db, { ...options, maxCalls: 2, concurrency: 4 });

	expect(first).toMatchObject({ tagged: 2, calls: 2, overCap: 3 });
	expect(fake?.requests).toHaveLength(2);
	expect(await tagsOf(finished.id)).toEqual([]);

	const second = await tagPerformances(db, { ...options, maxCalls: 2 });
	expect(second).toMatchObject({ tagged: 2, unchanged: 2, calls: 2, overCap: 1 });
	const third = await tagPerformances(db, { ...options, maxCalls: 2 });
	expect(third).toMatchObject({ tagged: 1, unchanged: 4, calls: 1, overCap: 0 });
	expect(fake?.requests).toHaveLength(5);
});

test('without a key, gives every performance 2–5 local tags, keeps paid ones, and a rerun writes nothing', async () => {
	const { db } = database;
	const venue = await insertVenue(db, { hallCount: 3, seatScale: 3000 });
	await insertHall(db, { venueId: venue.id, seatScale: 150 });
	const small = await insertPerformance(db, {
		venueId: venue.id,
		hallId: `${venue.id}-01`,
		genreCode: 'GGGA',
		genreName: '뮤지컬',
		synopsis: '첫사랑과 설렘의 이야기',
	});
	const visiting = await insertPerformance(db, {
		genreCode: 'CCCA',
		genreName: '서양음악(클래식)',
		isVisiting: true,
	});
	const paid = await performanceWithPoster();
	const withKey = await withModel(() => tagsReply(['미스터리', '긴장감']));
	await tagPerformances(db, withKey);
	await db.delete(performanceHashtags).where(eq(performanceHashtags.performanceId, small.id));
	await db.delete(performanceHashtags).where(eq(performanceHashtags.performanceId, visiting.id));

	const result = await tagPerformances(db, localOnly());

	expect(result).toEqual({ tagged: 2, unchanged: 1, calls: 0, cached: 0, failed: 0, overCap: 0 });
	expect(await tagsOf(small.id)).toEqual(
		['라이브음악', '화려한', '소극장', '로맨틱'].map((name) => ({
			name,
			source: 'local',
			answerKey: null,
		})),
	);
	expect((await tagsOf(visiting.id)).map((tag) => tag.name)).toEqual(['내한공연', '라이브음악']);
	expect((await tagsOf(paid.id)).map((tag) => tag.source)).toEqual(['openai', 'openai']);
	expect(await tagPerformances(db, localOnly())).toMatchObject({ tagged: 0, unchanged: 3 });
});

test('seeds the vocabulary once', async () => {
	const { db } = database;
	await tagPerformances(db, localOnly());
	await tagPerformances(db, localOnly());
	const rows = await db.select().from(hashtags).orderBy(asc(hashtags.id));
	expect(rows.map((row) => row.name)).toEqual(HASHTAG_VOCABULARY);
	expect(new Set(rows.map((row) => row.vocabularyVersion))).toEqual(new Set([VOCABULARY_VERSION]));
});
