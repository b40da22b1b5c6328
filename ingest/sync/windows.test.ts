import { expect, test } from 'vitest';
import { addDays, daysBetween } from '../../core/calendar.ts';
import { koreanToday } from '../../core/korean-today.ts';
import { splitWindows } from './windows.ts';

test('splits a range into windows of at most 31 days that cover it exactly', () => {
	const windows = splitWindows('2026-01-01', '2026-03-15');
	expect(windows[0]).toEqual({ startDate: '2026-01-01', endDate: '2026-01-31' });
	expect(windows.at(-1)?.endDate).toBe('2026-03-15');
	for (const [index, window] of windows.entries()) {
		expect(daysBetween(window.startDate, window.endDate)).toBeLessThanOrEqual(30);
		const next = windows[index + 1];
		if (next !== undefined) expect(next.startDate).toBe(addDays(window.endDate, 1));
	}
});

test('a one-day range is one window', () => {
	expect(splitWindows('2026-11-26', '2026-11-26')).toEqual([
		{ startDate: '2026-11-26', endDate: '2026-11-26' },
	]);
});

test('adds days across month and year ends', () => {
	expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
	expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
});

test('today in Korea is a day ahead of UTC after 15:00 UTC', () => {
	expect(koreanToday(Date.parse('2026-11-26T14:59:00Z'))).toBe('2026-11-26');
	expect(koreanToday(Date.parse('2026-11-26T15:00:00Z'))).toBe('2026-11-27');
});
