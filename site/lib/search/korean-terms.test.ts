import { expect, test } from 'vitest';
import { koreanSearchTerms, words } from './korean-terms.ts';

test('splits on spaces and punctuation, keeping letters and digits', () => {
	expect(words('[대구] 뮤지컬<레미제라블>, 2막·HERO!')).toEqual([
		'대구',
		'뮤지컬',
		'레미제라블',
		'2막',
		'HERO',
	]);
});

test('indexes every suffix of two or more syllables of a Korean word', () => {
	expect(koreanSearchTerms(['김주현아트홀']).sort()).toEqual(
		['주현아트홀', '현아트홀', '아트홀', '트홀'].sort(),
	);
});

test('joins neighbouring Korean words so unspaced queries match', () => {
	const terms = koreanSearchTerms(['오페라의 유령']);
	expect(terms).toContain('오페라의유령');
	expect(terms).toContain('라의유령');
	expect(terms).toContain('페라의');
});

test('adds nothing for Latin words or single syllables, and never repeats a page word', () => {
	expect(koreanSearchTerms(['HERO', 'Swan Lake', '별'])).toEqual([]);
	const terms = koreanSearchTerms(['홍길동', '길동']);
	expect(terms).not.toContain('길동');
	expect(new Set(terms).size).toBe(terms.length);
});

test('caps the cost of very long unspaced words', () => {
	const long = '가'.repeat(200);
	expect(koreanSearchTerms([long]).length).toBeLessThan(30);
});
