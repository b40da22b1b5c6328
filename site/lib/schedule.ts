/** Weekly show times grouped for reading: consecutive days with the same times share a row. */
import type { ScheduleSlot } from '../../db/schema/catalog.ts';
import { DAY_LABELS } from './format.ts';

export interface ScheduleRow {
	/** `화 ~ 금`, `토`, `공휴일`. */
	days: string;
	times: string[];
}

const WEEK: readonly ScheduleSlot['day'][] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function groupSchedule(slots: readonly ScheduleSlot[]): ScheduleRow[] {
	const timesByDay = new Map<ScheduleSlot['day'], string[]>();
	for (const slot of slots) {
		const times = timesByDay.get(slot.day) ?? [];
		if (!times.includes(slot.time)) times.push(slot.time);
		timesByDay.set(slot.day, times);
	}
	for (const times of timesByDay.values()) times.sort();
	const rows: ScheduleRow[] = [];
	let run: { first: ScheduleSlot['day']; last: ScheduleSlot['day']; key: string } | null = null;
	const flush = (): void => {
		if (run === null) return;
		const times = timesByDay.get(run.first) ?? [];
		const days =
			run.first === run.last
				? DAY_LABELS[run.first]
				: `${DAY_LABELS[run.first]} ~ ${DAY_LABELS[run.last]}`;
		rows.push({ days, times });
		run = null;
	};
	for (const day of WEEK) {
		const times = timesByDay.get(day);
		if (times === undefined) {
			flush();
			continue;
		}
		const key = times.join(',');
		if (run !== null && run.key === key) run.last = day;
		else {
			flush();
			run = { first: day, last: day, key };
		}
	}
	flush();
	const holiday = timesByDay.get('hol');
	if (holiday !== undefined) rows.push({ days: DAY_LABELS.hol, times: holiday });
	return rows;
}
