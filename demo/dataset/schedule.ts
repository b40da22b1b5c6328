/** `dtguidance` texts in KOPIS's formats and how many shows they mean over a run. */
import { weekdayOf } from './dates.ts';
import type { Rng } from './random.ts';

const DAY_NAMES = ['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일'];

interface Slot {
	/** Weekdays 0–6; empty for the HOL entry. */
	days: number[];
	times: string[];
}

const LONG_RUN_PATTERNS: readonly (readonly Slot[])[] = [
	[slot([2, 5], ['20:00']), slot([6], ['15:00', '19:00']), slot([0], ['14:00', '18:00'])],
	[slot([3, 5], ['19:30']), slot([6], ['15:00', '19:00']), slot([0], ['14:00'])],
	[slot([2, 5], ['19:30']), slot([6, 0], ['14:00', '18:30']), { days: [], times: ['14:00'] }],
	[slot([2], ['20:00']), slot([4], ['20:00']), slot([6], ['15:00', '19:00'])],
	[slot([4, 5], ['20:00']), slot([6, 0], ['15:00', '19:00'])],
];
const KIDS_PATTERNS: readonly (readonly Slot[])[] = [
	[slot([1, 0], ['11:00', '14:00'])],
	[slot([2, 0], ['10:30', '14:00'])],
	[slot([6, 0], ['11:00', '13:00', '15:00'])],
];

/** Days `from`–`to` inclusive; Sunday (0) closes a week, so `[2, 0]` is 화요일 ~ 일요일. */
function slot([from, to = from]: number[], times: string[]): Slot {
	const days: number[] = [];
	for (let day = from ?? 0; ; day = (day + 1) % 7) {
		days.push(day);
		if (day === to) break;
	}
	return { days, times };
}

export interface Schedule {
	/** `dtguidance`. */
	text: string;
	/** Shows between the first and last day (the box office's `prfdtcnt`). */
	count: number;
}

export function schedule(rng: Rng, startDay: number, endDay: number, child: boolean): Schedule {
	const length = endDay - startDay + 1;
	let slots: readonly Slot[];
	if (length <= 4) {
		const byDay = new Map<number, string[]>();
		for (let day = startDay; day <= endDay; day += 1) {
			const weekday = weekdayOf(day);
			const weekend = weekday === 0 || weekday === 6;
			byDay.set(
				weekday,
				weekend
					? rng.pick([['15:00'], ['17:00'], ['14:00', '18:00'], ['16:00']])
					: [rng.pick(['19:30', '20:00', '19:00'])],
			);
		}
		slots = [...byDay].map(([day, times]) => ({ days: [day], times }));
	} else {
		slots = rng.pick(child ? KIDS_PATTERNS : LONG_RUN_PATTERNS);
	}
	let count = 0;
	for (let day = startDay; day <= endDay; day += 1) {
		const weekday = weekdayOf(day);
		for (const entry of slots) {
			if (entry.days.includes(weekday)) count += entry.times.length;
		}
	}
	const text = slots.map((entry) => `${dayRange(entry.days)}(${entry.times.join(',')})`).join(', ');
	return { text, count };
}

function dayRange(days: number[]): string {
	const first = days[0];
	const last = days.at(-1);
	if (first === undefined || last === undefined) return 'HOL';
	const name = (day: number) => DAY_NAMES[day] ?? '';
	return days.length === 1 ? name(first) : `${name(first)} ~ ${name(last)}`;
}
