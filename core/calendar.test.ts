import { describe, expect, test } from 'vitest';
import {
	addDays,
	daysBetween,
	isCalendarDate,
	monthsBetween,
	overlaps,
	weekday,
	weekendOf,
} from './calendar.ts';

describe('isCalendarDate', () => {
	test.each(['2000-02-29', '2028-02-29', '1999-12-31', '1900-01-01', '2026-01-31', '2026-04-30'])(
		'%s is on the calendar',
		(value) => {
			expect(isCalendarDate(value)).toBe(true);
		},
	);

	test.each([
		'2001-02-29',
		'1900-02-29',
		'2026-02-30',
		'2026-04-31',
		'2026-13-01',
		'2026-00-10',
		'2026-01-00',
		'2026-01-32',
		'20260101',
		'2026-1-01',
		'2026-01-01T00:00',
		' 2026-01-01',
		'',
		'yyyy-mm-dd',
	])('%j is not', (value) => {
		expect(isCalendarDate(value)).toBe(false);
	});
});

describe('addDays', () => {
	test('crosses month and year ends both ways', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
		expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});

	test('lands on leap days only in leap years', () => {
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
		expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
		expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
	});

	test('adds whole years of days and nothing', () => {
		expect(addDays('2026-11-26', 365)).toBe('2027-11-26');
		expect(addDays('2027-11-26', 366)).toBe('2028-11-26');
		expect(addDays('2026-11-26', 0)).toBe('2026-11-26');
	});
});

test('counts days between, negative backwards, across a leap day', () => {
	expect(daysBetween('2026-11-26', '2026-12-10')).toBe(14);
	expect(daysBetween('2026-12-10', '2026-11-26')).toBe(-14);
	expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
	expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
	expect(daysBetween('2026-01-01', '2026-01-01')).toBe(0);
});

test('names weekdays from Sunday 0', () => {
	expect(weekday('2026-11-29')).toBe(0);
	expect(weekday('2026-11-26')).toBe(4);
	expect(weekday('2026-11-28')).toBe(6);
	expect(weekday('2028-02-29')).toBe(2);
});

test('finds the coming weekend, or this one on Saturday and Sunday, across a month end', () => {
	expect(weekendOf('2026-11-26')).toEqual({ saturday: '2026-11-28', sunday: '2026-11-29' });
	expect(weekendOf('2026-11-28')).toEqual({ saturday: '2026-11-28', sunday: '2026-11-29' });
	expect(weekendOf('2026-11-29')).toEqual({ saturday: '2026-11-28', sunday: '2026-11-29' });
	expect(weekendOf('2026-11-30')).toEqual({ saturday: '2026-12-05', sunday: '2026-12-06' });
	expect(weekendOf('2026-12-31')).toEqual({ saturday: '2027-01-02', sunday: '2027-01-03' });
});

test('runs overlap when they share a day, the end days included', () => {
	expect(overlaps('2026-11-01', '2026-11-30', '2026-11-30', '2026-12-05')).toBe(true);
	expect(overlaps('2026-11-30', '2026-12-05', '2026-11-01', '2026-11-30')).toBe(true);
	expect(overlaps('2026-11-01', '2026-11-29', '2026-11-30', '2026-12-05')).toBe(false);
	expect(overlaps('2026-11-10', '2026-11-10', '2026-11-01', '2026-11-30')).toBe(true);
});

test('lists months across a year end, caps long runs, and is empty backwards', () => {
	expect(monthsBetween('2026-11-20', '2027-02-01')).toEqual([
		'2026-11',
		'2026-12',
		'2027-01',
		'2027-02',
	]);
	expect(monthsBetween('2026-05-31', '2026-05-01')).toEqual(['2026-05']);
	expect(monthsBetween('2020-01-01', '2030-01-01', 12)).toHaveLength(12);
	expect(monthsBetween('2026-05-01', '2026-04-30')).toEqual([]);
	expect(monthsBetween('2026-05-01', '2026-04-01')).toEqual([]);
});
