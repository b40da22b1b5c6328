import { expect, test } from 'vitest';
import { parseCredit, personPath, personSlug } from './people.ts';

test.each([
	['작곡: 인승찬', { name: '인승찬', role: '작곡' }],
	['연출 : 홍길동', { name: '홍길동', role: '연출' }],
	['손이서(안무)', { name: '손이서', role: '안무' }],
	['Jean Valjean (장발장)', { name: 'Jean Valjean', role: '장발장' }],
	['  김주현  ', { name: '김주현', role: null }],
])('reads %s as a name and a role', (entry, credit) => {
	expect(parseCredit(entry)).toEqual(credit);
});

test('makes URL-safe slugs that keep Korean and readable Latin names', () => {
	expect(personSlug('홍길동')).toBe('홍길동');
	expect(personSlug('Tom  Hanks')).toBe('Tom-Hanks');
	expect(personSlug('AC/DC?')).toBe('AC-DC');
	expect(personSlug('..')).toBeNull();
	expect(personSlug('///')).toBeNull();
	expect(personPath('홍길동')).toBe('/people/%ED%99%8D%EA%B8%B8%EB%8F%99/');
});

test('normalises decomposed Hangul so one person gets one page', () => {
	expect(personSlug('홍길동'.normalize('NFD'))).toBe('홍길동');
});
