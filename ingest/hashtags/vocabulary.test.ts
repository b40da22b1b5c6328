import { expect, test } from 'vitest';
import { HASHTAG_MEANINGS, HASHTAG_VOCABULARY, isHashtag } from './vocabulary.ts';

test('holds the issue’s twenty starting tags and about thirty in all, each once and explained', () => {
	const starting =
		'극적인 내한공연 시각예술 감동적 라이브음악 실험적 웅장한 가족친화적 이머시브 화려한 전통적 소극장 트렌디한 로맨틱 창의적 코믹한 미스터리 어두운 힐링 신나는';
	expect(HASHTAG_VOCABULARY.slice(0, 20)).toEqual(starting.split(' '));
	expect(HASHTAG_VOCABULARY).toHaveLength(30);
	expect(new Set(HASHTAG_VOCABULARY).size).toBe(30);
	for (const tag of HASHTAG_VOCABULARY) {
		expect(tag).toMatch(/^[가-힣]+$/);
		expect(HASHTAG_MEANINGS.get(tag)?.length).toBeGreaterThan(5);
	}
	expect(isHashtag('로맨틱')).toBe(true);
	expect(isHashtag('#로맨틱')).toBe(false);
});
