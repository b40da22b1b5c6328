import { expect, test } from 'vitest';
import { normalizeName } from './names.ts';

test('trims and collapses every kind of whitespace run', () => {
	expect(normalizeName('  김  철수 \n')).toBe('김 철수');
	expect(normalizeName('김\t\u00a0철수')).toBe('김 철수');
	expect(normalizeName('   ')).toBe('');
});

test('composes decomposed Hangul, so both spellings are one name', () => {
	const decomposed = '\u1100\u1175\u11b7 \u110e\u1165\u11af\u1109\u116e';
	expect(decomposed).not.toBe('김 철수');
	expect(normalizeName(decomposed)).toBe('김 철수');
});
