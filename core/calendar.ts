/**
 * Calendar arithmetic on ISO days (`YYYY-MM-DD`, no time zone). Every step works on midnight UTC,
 * where no daylight-saving shift can move a day; which day is "today" is koreanToday's business.
 * ISO days compare correctly as strings, so callers compare them with `<` directly.
 */

const DAY_MS = 86_400_000;

/**
 * Days people type before this are typing mistakes: birthdays, and viewing dates (the oldest
 * KOPIS records are from the 2000s).
 */
export const EARLIEST_PLAUSIBLE_DAY = '1900-01-01';

/** The shape of an ISO day; isCalendarDate also checks that the day exists. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function toUtc(iso: string): number {
	return Date.parse(`${iso}T00:00:00Z`);
}

function fromUtc(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** True for a `YYYY-MM-DD` day that is on the calendar (`2001-02-29` and `2001-13-01` are not). */
export function isCalendarDate(value: string): boolean {
	if (!ISO_DATE_PATTERN.test(value)) return false;
	const ms = toUtc(value);
	return !Number.isNaN(ms) && fromUtc(ms) === value;
}

export function addDays(iso: string, days: number): string {
	return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
	return new Date(toUtc(iso)).getUTCDay();
}

/** The coming weekend: today's if today is Saturday or Sunday, else the next one. */
export function weekendOf(today: string): { saturday: string; sunday: string } {
	const day = weekday(today);
	const saturday = day === 0 ? addDays(today, -1) : addDays(today, 6 - day);
	return { saturday, sunday: addDays(saturday, 1) };
}

/** True when the runs [aStart, aEnd] and [bStart, bEnd] share at least one day. */
export function overlaps(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
	return aStart <= bEnd && bStart <= aEnd;
}

/** Every `YYYY-MM` from the month of `start` to the month of `end`, capped at `limit` months. */
export function monthsBetween(start: string, end: string, limit = 240): string[] {
	const months: string[] = [];
	let year = Number(start.slice(0, 4));
	let month = Number(start.slice(5, 7));
	const last = end.slice(0, 7);
	while (months.length < limit) {
		const current = `${year}-${String(month).padStart(2, '0')}`;
		if (current > last) break;
		months.push(current);
		month += 1;
		if (month === 13) {
			month = 1;
			year += 1;
		}
	}
	return months;
}
