import { expect, test } from 'vitest';
import { groupSchedule } from './schedule.ts';

test('groups consecutive days with the same times and lists holidays last', () => {
	const rows = groupSchedule([
		{ day: 'hol', time: '15:00' },
		{ day: 'tue', time: '19:30' },
		{ day: 'wed', time: '19:30' },
		{ day: 'thu', time: '19:30' },
		{ day: 'fri', time: '19:30' },
		{ day: 'sat', time: '19:00' },
		{ day: 'sat', time: '15:00' },
		{ day: 'sun', time: '14:00' },
	]);
	expect(rows).toEqual([
		{ days: '화 ~ 금', times: ['19:30'] },
		{ days: '토', times: ['15:00', '19:00'] },
		{ days: '일', times: ['14:00'] },
		{ days: '공휴일', times: ['15:00'] },
	]);
});

test('does not join days across a gap', () => {
	expect(
		groupSchedule([
			{ day: 'tue', time: '20:00' },
			{ day: 'thu', time: '20:00' },
		]).map((row) => row.days),
	).toEqual(['화', '목']);
});
