import { describe, expect, test } from 'vitest';
import {
	isoDateFromKopis,
	isoDateTimeFromKopis,
	isoRangeFromKopis,
	kopisRequestDate,
} from './dates.ts';

describe('KOPIS dates', () => {
	test.each([
		['2025.10.25', '2025-10-25'],
		[' 2024.02.29 ', '2024-02-29'],
		['2025-10-25', '2025-10-25'],
		['20251025', '2025-10-25'],
		['2025.02.29', null],
		['2025.13.01', null],
		['2025.1.5', null],
		['', null],
		[null, null],
	])('date %j → %j', (text, expected) => {
		expect(isoDateFromKopis(text)).toBe(expected);
	});

	test.each([
		['2025-09-09 15:00:03', '2025-09-09T15:00:03'],
		['2025-09-09 15:00:03.056916', '2025-09-09T15:00:03'],
		['2025-09-09T15:00:03', '2025-09-09T15:00:03'],
		['2025-09-09 24:00:00', null],
		['2025-09-09', null],
		[null, null],
	])('datetime %j → %j', (text, expected) => {
		expect(isoDateTimeFromKopis(text)).toBe(expected);
	});

	test.each([
		['2025.10.24~2025.10.26', { start: '2025-10-24', end: '2025-10-26' }],
		['2025.10.24 ~ 2025.10.26', { start: '2025-10-24', end: '2025-10-26' }],
		['2025.10.24', { start: '2025-10-24', end: '2025-10-24' }],
		['~', { start: null, end: null }],
		[null, { start: null, end: null }],
	])('range %j', (text, expected) => {
		expect(isoRangeFromKopis(text)).toEqual(expected);
	});

	test('writes request dates as YYYYMMDD and refuses anything but ISO', () => {
		expect(kopisRequestDate('2024-10-01')).toBe('20241001');
		for (const bad of ['20241001', '2024.10.01', '2024-02-30', '']) {
			expect(() => kopisRequestDate(bad)).toThrow(TypeError);
		}
	});
});
