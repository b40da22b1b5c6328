import { expect, test } from 'vitest';
import {
	addDays,
	daysBetween,
	monthsBetween,
	overlaps,
	seoulDate,
	stateOn,
	weekendOf,
} from './dates.ts';

test('takes the calendar day in Seoul, not UTC', () => {
	expect(seoulDate(new Date('2026-11-26T16:30:00Z'))).toBe('2026-11-27');
	expect(seoulDate(new Date('2026-11-26T14:59:00Z'))).toBe('2026-11-26');
});

test('finds the coming weekend, or this one on Saturday and Sunday', () => {
	expect(weekendOf('2026-11-26')).toEqual({ saturday: '2026-11-28', sunday: '2026-11-29' });
	expect(weekendOf('2026-11-28')).toEqual({ saturday: '2026-11-28', sunday: '2026-11-29' });
	expect(weekendOf('2026-11-29')).toEqual({ saturday: '2026-11-28', sunday: '2026-11-29' });
});

test('derives the state from the dates', () => {
	expect(stateOn('2026-12-01', '2026-12-31', '2026-11-26')).toBe('upcoming');
	expect(stateOn('2026-11-26', '2026-11-26', '2026-11-26')).toBe('running');
	expect(stateOn('2026-01-01', '2026-11-25', '2026-11-26')).toBe('finished');
});

test('lists months across a year end and caps long runs', () => {
	expect(monthsBetween('2026-11-20', '2027-02-01')).toEqual([
		'2026-11',
		'2026-12',
		'2027-01',
		'2027-02',
	]);
	expect(monthsBetween('2020-01-01', '2030-01-01', 12)).toHaveLength(12);
	expect(monthsBetween('2026-05-01', '2026-04-01')).toEqual([]);
});

test('does date arithmetic across months and leap days', () => {
	expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
	expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	expect(daysBetween('2026-11-26', '2026-12-10')).toBe(14);
	expect(overlaps('2026-11-01', '2026-11-30', '2026-11-30', '2026-12-05')).toBe(true);
	expect(overlaps('2026-11-01', '2026-11-29', '2026-11-30', '2026-12-05')).toBe(false);
});
