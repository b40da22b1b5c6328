import { expect, test } from 'vitest';
import { withParticle } from './korean.ts';

test.each([
	['이메일', '을/를', '이메일을'],
	['비밀번호', '을/를', '비밀번호를'],
	['닉네임', '은/는', '닉네임은'],
	['새 비밀번호', '이/가', '새 비밀번호가'],
	['생일', '이/가', '생일이'],
] as const)('picks the particle after %s', (word, pair, expected) => {
	expect(withParticle(word, pair)).toBe(expected);
});
