import { expect, test } from 'vitest';
import { firstProblem, keepsRule, prepareText, type TextField } from './field-rules.ts';

const field: TextField = {
	steps: ['trim', 'lowercase', 'nfc'],
	rules: [
		{ kind: 'minLength', length: 1, message: 'empty' },
		{ kind: 'minLength', length: 3, message: 'short' },
		{ kind: 'maxLength', length: 5, message: 'long' },
		{ kind: 'pattern', pattern: /^[a-z가-힣]+$/, message: 'letters' },
		{ kind: 'check', test: (value) => value !== 'abc', message: 'taken' },
	],
};

test('prepares the value step by step before the rules', () => {
	expect(prepareText(field, '  ABC  ')).toBe('abc');
	// NFD 한 (three jamo) becomes one precomposed syllable.
	expect(prepareText(field, '\u1112\u1161\u11ab')).toBe('한');
	expect(prepareText({ steps: [], rules: [] }, '  A ')).toBe('  A ');
});

test('reports the first rule broken, in order', () => {
	expect(firstProblem(field, '   ')).toBe('empty');
	expect(firstProblem(field, 'ab')).toBe('short');
	expect(firstProblem(field, 'a1')).toBe('short');
	expect(firstProblem(field, 'abcdef')).toBe('long');
	expect(firstProblem(field, 'ab1')).toBe('letters');
	expect(firstProblem(field, ' ABC ')).toBe('taken');
	expect(firstProblem(field, 'abcd')).toBeNull();
});

test('counts length in UTF-16 code units, as zod does', () => {
	const min = { kind: 'minLength', length: 2, message: '' } as const;
	const max = { kind: 'maxLength', length: 2, message: '' } as const;
	expect(keepsRule(min, '🎭')).toBe(true);
	expect(keepsRule(max, '🎭a')).toBe(false);
	expect(keepsRule(max, '가나')).toBe(true);
	expect(keepsRule(max, '')).toBe(true);
});
