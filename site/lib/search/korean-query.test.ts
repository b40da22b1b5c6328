import { expect, test } from 'vitest';
import { normalizeQuery, stripParticle } from './korean-query.ts';

test.each([
	['김주현아트홀에서', '김주현아트홀'],
	['레미제라블을', '레미제라블'],
	['오페라의', '오페라'],
	['홍길동이', '홍길동'],
	['세종문화회관으로', '세종문화회관'],
	['연극은', '연극'],
])('drops the particle of %s', (word, stem) => {
	expect(stripParticle(word)).toBe(stem);
});

test('keeps two-syllable stems and non-Korean words whole', () => {
	expect(stripParticle('별이')).toBe('별이');
	expect(stripParticle('CATS')).toBe('CATS');
	expect(stripParticle('2025')).toBe('2025');
});

test('normalises spacing and punctuation of a whole query', () => {
	expect(normalizeQuery('  [대구]  뮤지컬 <레미제라블>을  ')).toBe('대구 뮤지컬 레미제라블');
	expect(normalizeQuery('!!!')).toBe('');
});
