/** Date arithmetic for KOPIS's windows, on ISO `YYYY-MM-DD` strings (calendar days, no time zone). */

/** KOPIS refuses list windows longer than 31 days (error 05). */
export const MAX_WINDOW_DAYS = 31;

export function addDays(isoDate: string, days: number): string {
	const date = new Date(`${isoDate}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's date in Korea, where KOPIS's days begin. */
export function todayInKorea(now: number = Date.now()): string {
	return new Date(now + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** Splits [from, to] (inclusive) into consecutive windows of at most MAX_WINDOW_DAYS days. */
export function splitWindows(from: string, to: string): { startDate: string; endDate: string }[] {
	const windows: { startDate: string; endDate: string }[] = [];
	for (let start = from; start <= to; start = addDays(start, MAX_WINDOW_DAYS)) {
		const end = addDays(start, MAX_WINDOW_DAYS - 1);
		windows.push({ startDate: start, endDate: end < to ? end : to });
	}
	return windows;
}
