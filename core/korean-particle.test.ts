import { describe, expect, test } from 'vitest';
import { endsInConsonant, isHangulSyllable, particle, withParticle } from './korean-particle.ts';

test.each([
	['이메일', '을/를', '이메일을'],
	['비밀번호', '을/를', '비밀번호를'],
	['닉네임', '은/는', '닉네임은'],
	['새 비밀번호', '이/가', '새 비밀번호가'],
	['생일', '이/가', '생일이'],
	['레미제라블', '과/와', '레미제라블과'],
	['맘마미아', '과/와', '맘마미아와'],
] as const)('picks the particle after %s', (word, pair, expected) => {
	expect(withParticle(word, pair)).toBe(expected);
});

describe('the ends of the syllable block', () => {
	test('U+AC00 가 (first syllable) has no final, U+AC01 각 has one', () => {
		expect(endsInConsonant('\uac00')).toBe(false);
		expect(endsInConsonant('\uac01')).toBe(true);
		expect(endsInConsonant('\uac1b')).toBe(true); // 갛, the last final of 가's row
		expect(endsInConsonant('\uac1c')).toBe(false); // 개 starts the next row
	});

	test('U+D7A3 힣 (last syllable) has a final, U+D7A4 beyond it is not a syllable', () => {
		expect(isHangulSyllable('\ud7a3')).toBe(true);
		expect(endsInConsonant('\ud7a3')).toBe(true);
		expect(endsInConsonant('\ud788')).toBe(false); // 히, the row of 힣
		expect(isHangulSyllable('\ud7a4')).toBe(false);
		expect(endsInConsonant('\ud7a4')).toBe(false);
		expect(isHangulSyllable('\uabff')).toBe(false);
		expect(endsInConsonant('\uabff')).toBe(false);
	});

	test('jamo, Latin, punctuation, surrogates and the empty word count as vowel endings', () => {
		for (const word of ['ㅎ', 'ㄱ', 'Hamlet', '맘마미아!', '🎭', '\ud800', '']) {
			expect(endsInConsonant(word), word).toBe(false);
		}
		expect(isHangulSyllable('가나')).toBe(false);
	});
});

test('reads digits as Korean: 영 일 삼 육 칠 팔 end in a consonant', () => {
	expect([...'0123456789'].filter((digit) => endsInConsonant(digit))).toEqual([
		'0',
		'1',
		'3',
		'6',
		'7',
		'8',
	]);
	expect(particle('시즌 3', '과/와')).toBe('과');
	expect(particle('시즌 2', '과/와')).toBe('와');
});
