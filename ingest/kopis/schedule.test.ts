import { describe, expect, test } from 'vitest';
import { parseSchedule } from './schedule.ts';

function compact(text: string | null): string[] {
	return parseSchedule(text).map((slot) => `${slot.day} ${slot.time}`);
}

describe('parseSchedule', () => {
	test('reads ranges, several times and public holidays', () => {
		expect(compact('화요일 ~ 금요일(20:00), 토요일(15:00,19:00), HOL(15:00)')).toEqual([
			'tue 20:00',
			'wed 20:00',
			'thu 20:00',
			'fri 20:00',
			'sat 15:00',
			'sat 19:00',
			'hol 15:00',
		]);
	});

	test('reads the PF273608 schedule', () => {
		expect(compact('수요일 ~ 금요일(19:30), 토요일(15:00,19:00), 일요일(14:00)')).toEqual([
			'wed 19:30',
			'thu 19:30',
			'fri 19:30',
			'sat 15:00',
			'sat 19:00',
			'sun 14:00',
		]);
	});

	test('reads a whole week', () => {
		expect(compact('월요일 ~ 일요일(11:00)')).toEqual(
			['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => `${day} 11:00`),
		);
	});

	test.each([
		['매주 토요일(15:00)', ['sat 15:00']],
		['토요일, 일요일(14:00)', ['sat 14:00', 'sun 14:00']],
		['토요일 ~ 일요일(14:00, 18:00)', ['sat 14:00', 'sat 18:00', 'sun 14:00', 'sun 18:00']],
		['금요일 ~ 월요일(20:00)', ['mon 20:00', 'fri 20:00', 'sat 20:00', 'sun 20:00']],
		[
			'평일(19:30), 주말(14:00)',
			['mon 19:30', 'tue 19:30', 'wed 19:30', 'thu 19:30', 'fri 19:30', 'sat 14:00', 'sun 14:00'],
		],
		['월 ~ 수(9:30)', ['mon 09:30', 'tue 09:30', 'wed 09:30']],
		['토(15시)', ['sat 15:00']],
		['공휴일(17:00)', ['hol 17:00']],
		['일요일(14:00), 일요일(14:00)', ['sun 14:00']],
		['수요일(25:00, 19:61, 19:30)', ['wed 19:30']],
	])('%j', (text, expected) => {
		expect(compact(text)).toEqual(expected);
	});

	test.each([null, '', ' ', '추후 공지', '공연 시간 문의', '(19:30)'])(
		'finds no slot in %j',
		(text) => {
			expect(parseSchedule(text)).toEqual([]);
		},
	);
});
