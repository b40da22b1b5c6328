import { expect, test } from 'vitest';
import { searchMonths } from './search-options.ts';

test('files a run under each of its months', () => {
	expect(searchMonths('2026-11-20', '2027-01-05', '2026-11-26')).toEqual([
		'2026-11',
		'2026-12',
		'2027-01',
	]);
});

test('clips long runs to the months the filter offers', () => {
	const months = searchMonths('2015-01-01', '2035-12-31', '2026-11-26');
	expect(months[0]).toBe('2025-11');
	expect(months.at(-1)).toBe('2028-11');
	expect(searchMonths('2010-01-01', '2011-01-01', '2026-11-26')).toEqual([]);
});
