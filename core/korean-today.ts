/**
 * "Today" for the whole product is the calendar day in Korea: KOPIS's dates are Korean calendar
 * days, and so are the site's users' birthdays and viewing dates. Korea has kept UTC+9 without
 * daylight saving since 1988, so a fixed offset gives the same day as the Asia/Seoul time zone
 * without depending on the runtime's time-zone data (browsers, Node with small ICU).
 */

/** UTC+9. */
export const KOREA_UTC_OFFSET_MS = 9 * 60 * 60_000;

/**
 * The calendar day in Korea at the moment `now` (milliseconds since the epoch, as `Date.now()`
 * gives it), as `YYYY-MM-DD`. The day turns at 15:00 UTC.
 */
export function koreanToday(now: number): string {
	return new Date(now + KOREA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}
