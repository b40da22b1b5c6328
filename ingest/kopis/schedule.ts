/**
 * `dtguidance` → weekly slots. KOPIS writes day groups with their start times:
 * `화요일 ~ 금요일(20:00), 토요일(15:00,19:00), HOL(15:00)` (HOL = public holidays), sometimes
 * `토요일, 일요일(14:00)`, `매주 토요일(15:00)`, `평일(19:30)` or `주말(14:00)`.
 */
import type { ScheduleSlot } from '../../db/schema/catalog.ts';

export type { ScheduleSlot };

type Day = ScheduleSlot['day'];

const WEEK: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ORDER: readonly Day[] = [...WEEK, 'hol'];

const DAY_BY_NAME: Readonly<Record<string, Day>> = {
	월: 'mon',
	화: 'tue',
	수: 'wed',
	목: 'thu',
	금: 'fri',
	토: 'sat',
	일: 'sun',
};

export function parseSchedule(text: string | null): ScheduleSlot[] {
	if (text === null) return [];
	const slots = new Map<string, ScheduleSlot>();
	// One group: the day part (everything since the previous group) and its parenthesised times.
	for (const group of text.normalize('NFKC').matchAll(/([^()]*)\(([^()]*)\)/g)) {
		const days = parseDays(group[1] ?? '');
		const times = parseTimes(group[2] ?? '');
		for (const day of days) {
			for (const time of times) slots.set(`${day} ${time}`, { day, time });
		}
	}
	return [...slots.values()].sort(
		(a, b) => ORDER.indexOf(a.day) - ORDER.indexOf(b.day) || a.time.localeCompare(b.time),
	);
}

function parseDays(text: string): Day[] {
	const days = new Set<Day>();
	const cleaned = text.replace(/매주|및|그리고/g, ' ');
	for (const part of cleaned.split(/[,/·、]/)) {
		const range = /([월화수목금토일])(?:요일)?\s*[~\-–]\s*([월화수목금토일])(?:요일)?/.exec(part);
		if (range !== null) {
			for (const day of dayRange(range[1] ?? '', range[2] ?? '')) days.add(day);
			continue;
		}
		if (/HOL|공휴일/i.test(part)) days.add('hol');
		if (/평일/.test(part)) for (const day of WEEK.slice(0, 5)) days.add(day);
		if (/주말/.test(part)) for (const day of ['sat', 'sun'] as const) days.add(day);
		if (/매일/.test(part)) for (const day of WEEK) days.add(day);
		const single = DAY_BY_NAME[part.trim()];
		if (single !== undefined) days.add(single);
		for (const match of part.matchAll(/([월화수목금토일])요일/g)) {
			const day = DAY_BY_NAME[match[1] ?? ''];
			if (day !== undefined) days.add(day);
		}
	}
	return [...days];
}

/** `화`..`금` → tue..fri; a wrapping range (`금 ~ 월`) runs through the weekend. */
function dayRange(from: string, to: string): Day[] {
	const start = WEEK.indexOf(DAY_BY_NAME[from] ?? 'mon');
	const end = WEEK.indexOf(DAY_BY_NAME[to] ?? 'sun');
	const length = ((end - start + 7) % 7) + 1;
	return Array.from({ length }, (_, offset) => WEEK[(start + offset) % 7] ?? 'mon');
}

function parseTimes(text: string): string[] {
	const times: string[] = [];
	for (const match of text.matchAll(/(\d{1,2})\s*[:시]\s*(\d{2})?/g)) {
		const hours = Number(match[1]);
		const minutes = Number(match[2] ?? '0');
		if (hours > 23 || minutes > 59) continue;
		times.push(`${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`);
	}
	return times;
}
