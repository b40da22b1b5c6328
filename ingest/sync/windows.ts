/** KOPIS's list windows over a range of ISO days (core/calendar.ts does the arithmetic). */
import { addDays } from '../../core/calendar.ts';

/** KOPIS refuses list windows longer than 31 days (error 05). */
export const MAX_WINDOW_DAYS = 31;

/** Splits [from, to] (inclusive) into consecutive windows of at most MAX_WINDOW_DAYS days. */
export function splitWindows(from: string, to: string): { startDate: string; endDate: string }[] {
	const windows: { startDate: string; endDate: string }[] = [];
	for (let start = from; start <= to; start = addDays(start, MAX_WINDOW_DAYS)) {
		const end = addDays(start, MAX_WINDOW_DAYS - 1);
		windows.push({ startDate: start, endDate: end < to ? end : to });
	}
	return windows;
}
