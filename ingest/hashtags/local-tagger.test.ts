import fc from 'fast-check';
import { expect, test } from 'vitest';
import { type LocalTaggingInput, localTags } from './local-tagger.ts';
import { HASHTAG_VOCABULARY } from './vocabulary.ts';

const plain: LocalTaggingInput = {
	title: '공연',
	genreCode: 'AAAA',
	genreName: '연극',
	synopsis: null,
	ageMinimum: null,
	runtimeMinutes: null,
	isChild: null,
	isVisiting: null,
	isDaehakro: null,
	isFestival: null,
	seats: null,
};

test('gives a bare record its genre tags', () => {
	expect(localTags(plain)).toEqual(['극적인', '감동적']);
	expect(localTags({ ...plain, genreCode: 'CCCC', genreName: '한국음악(국악)' })).toEqual([
		'전통적',
		'라이브음악',
	]);
});

test('maps legacy codes and unknown codes by their label', () => {
	expect(localTags({ ...plain, genreCode: 'AAAB', genreName: '뮤지컬' })).toEqual([
		'라이브음악',
		'화려한',
	]);
	expect(localTags({ ...plain, genreCode: 'ZZZZ', genreName: '국악' })[0]).toBe('전통적');
	expect(localTags({ ...plain, genreCode: 'ZZZZ', genreName: '기타' })).toEqual([
		'창의적',
		'실험적',
	]);
});

test('reads the flags KOPIS gives: visiting, festival, children', () => {
	const tags = localTags({ ...plain, isVisiting: true, isFestival: true, isChild: true });
	expect(tags.slice(0, 3)).toEqual(['내한공연', '축제', '가족친화적']);
});

test('tells small rooms from big ones by seats, and Daehak-ro when seats are unknown', () => {
	expect(localTags({ ...plain, seats: 120 })).toContain('소극장');
	expect(localTags({ ...plain, isDaehakro: true })).toContain('소극장');
	expect(localTags({ ...plain, isDaehakro: true, seats: 1200 })).not.toContain('소극장');
	const bigMusical = localTags({
		...plain,
		genreCode: 'GGGA',
		genreName: '뮤지컬',
		seats: 1500,
		runtimeMinutes: 170,
	});
	expect(bigMusical).toEqual(['라이브음악', '대극장', '웅장한', '화려한']);
});

test('finds mood in the title and synopsis', () => {
	const tags = localTags({
		...plain,
		title: '사랑의 탐정',
		synopsis: '<p>첫사랑을 찾아 나선 탐정의 좌충우돌 코미디. 웃음과 설렘, 그리고 반전의 비밀.</p>',
	});
	expect(tags).toEqual(['극적인', '로맨틱', '코믹한', '미스터리']);
});

test('does not let weak signals fill the list', () => {
	// 19세 이상 alone is a weak hint of dark themes: it does not outrank or pad the genre tags.
	expect(localTags({ ...plain, ageMinimum: 19 })).toEqual(['극적인', '감동적']);
	expect(localTags({ ...plain, ageMinimum: 19, synopsis: '복수와 죽음' })).toEqual([
		'어두운',
		'극적인',
	]);
});

test('always gives 2 to 5 distinct tags from the vocabulary', () => {
	const text = fc.string({
		unit: fc.constantFrom('사랑', '죽음', '전통', '가족', '축제', '밴드', ' ', '가'),
	});
	const flag = fc.option(fc.boolean(), { nil: null });
	fc.assert(
		fc.property(
			fc.record({
				title: text,
				genreCode: fc.constantFrom(
					'AAAA',
					'GGGA',
					'BBBC',
					'BBBE',
					'CCCA',
					'CCCC',
					'CCCD',
					'EEEA',
					'EEEB',
					'XXXX',
				),
				genreName: fc.constantFrom('연극', '뮤지컬', '무용', '복합', ''),
				synopsis: fc.option(text, { nil: null }),
				ageMinimum: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
				runtimeMinutes: fc.option(fc.integer({ min: 10, max: 400 }), { nil: null }),
				isChild: flag,
				isVisiting: flag,
				isDaehakro: flag,
				isFestival: flag,
				seats: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
			}),
			(input) => {
				const tags = localTags(input);
				expect(tags.length).toBeGreaterThanOrEqual(2);
				expect(tags.length).toBeLessThanOrEqual(5);
				expect(new Set(tags).size).toBe(tags.length);
				for (const tag of tags) expect(HASHTAG_VOCABULARY).toContain(tag);
				expect(localTags(input)).toEqual(tags);
			},
		),
	);
});
