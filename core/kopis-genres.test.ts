import { describe, expect, test } from 'vitest';
import {
	currentGenreCode,
	findGenreCode,
	GENRE_CODES,
	GENRE_LABELS,
	genreCodeFromLabel,
	isGenreCode,
} from './kopis-genres.ts';
import { kopisReferenceSection } from './testing.ts';

describe('genreCodeFromLabel', () => {
	test('maps every current label to its code', () => {
		for (const code of GENRE_CODES) expect(genreCodeFromLabel(GENRE_LABELS[code])).toBe(code);
	});

	test.each([
		['연극', 'AAAA'],
		['뮤지컬', 'GGGA'],
		['무용', 'BBBC'],
		['무용(서양/한국무용)', 'BBBC'],
		['한국무용', 'BBBC'],
		['서양무용', 'BBBC'],
		['대중무용', 'BBBE'],
		['서양음악(클래식)', 'CCCA'],
		['클래식', 'CCCA'],
		['오페라', 'CCCA'],
		['한국음악(국악)', 'CCCC'],
		['국악', 'CCCC'],
		['대중음악', 'CCCD'],
		['복합', 'EEEA'],
		['서커스/마술', 'EEEB'],
		[' 서양음악 (클래식) ', 'CCCA'],
		['서양음악（클래식）', 'CCCA'],
	])('%j → %s', (label, code) => {
		expect(genreCodeFromLabel(label)).toBe(code);
	});

	test('files an unknown label under 복합 while findGenreCode says it is unknown', () => {
		expect(genreCodeFromLabel('인형극')).toBe('EEEA');
		expect(findGenreCode('인형극')).toBeNull();
	});
});

describe('the reference table (docs/kopis/API.md §7.1)', () => {
	const rows = [
		...kopisReferenceSection('7.1').matchAll(/^\| `([A-Z]{4})` +\| (.+?) +\| (.+?) +\|$/gm),
	].map(([, code = '', label = '', notes = '']) => ({ code, label, notes }));

	test('has the same nine codes, in the same order', () => {
		expect(rows.map((row) => row.code)).toEqual(GENRE_CODES);
	});

	test.each(rows)('$code: the label, the documented variant and the older labels', (row) => {
		// `무용 (docs: 무용(서양/한국무용))`: the label responses carry, then the guide's.
		const [label = '', documented] = row.label.split(' (docs: ');
		expect(GENRE_LABELS[row.code as keyof typeof GENRE_LABELS]).toBe(label);
		const older = [...row.notes.matchAll(/`([^`]+)`/g)].map(([, name = '']) => name);
		for (const name of [label, documented?.slice(0, -1), ...older]) {
			if (name !== undefined) expect(findGenreCode(name), name).toBe(row.code);
		}
	});

	test('maps the legacy scheme onto the current codes, by code and by label', () => {
		const section = kopisReferenceSection('7.1');
		const legacy = section.slice(section.indexOf('Legacy scheme'), section.indexOf('Whether'));
		const pairs = [...legacy.matchAll(/`([A-Z]{4})` ([^,\s.]+)/g)];
		expect(pairs).toHaveLength(7);
		for (const [, code = '', label = ''] of pairs) {
			expect(currentGenreCode(code), code).toBe(findGenreCode(label));
			expect(currentGenreCode(code), code).not.toBeNull();
		}
	});
});

describe('currentGenreCode', () => {
	test('keeps current codes and moves the pre-2022 ones', () => {
		for (const code of GENRE_CODES) expect(currentGenreCode(code)).toBe(code);
		expect(currentGenreCode('AAAB')).toBe('GGGA');
		expect(currentGenreCode('BBBA')).toBe('BBBC');
		expect(currentGenreCode('CCCB')).toBe('CCCA');
	});

	test.each(['', 'ZZZZ', 'KID', 'ALL', 'constructor', 'aaaa'])('%j → null', (code) => {
		expect(currentGenreCode(code)).toBeNull();
		expect(isGenreCode(code)).toBe(false);
	});
});
