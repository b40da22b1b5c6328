/**
 * KOPIS date shapes → ISO strings. KOPIS writes Korea time without a zone; we keep the wall-clock
 * value as written (`2025-09-09T15:00:03`, no offset) because every reader of it is in Korea too.
 */
import { isCalendarDate } from '../../core/calendar.ts';

/** `2025.10.25` (or `2025-10-25`, `20251025`) → `2025-10-25`; null when not a real calendar day. */
export function isoDateFromKopis(text: string | null): string | null {
	if (text === null) return null;
	const match = /^(\d{4})[.-]?(\d{2})[.-]?(\d{2})$/.exec(text.trim());
	if (match === null) return null;
	const [, year, month, day] = match;
	const iso = `${year}-${month}-${day}`;
	return isCalendarDate(iso) ? iso : null;
}

/**
 * `2025-09-09 15:00:03` or `2025-09-09 15:00:03.056916` → `2025-09-09T15:00:03` (Korea time, no
 * offset; fractions dropped). Null when unreadable.
 */
export function isoDateTimeFromKopis(text: string | null): string | null {
	if (text === null) return null;
	const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(text.trim());
	if (match === null) return null;
	const [, date = '', hours = '', minutes = '', seconds = ''] = match;
	if (!isCalendarDate(date) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
		return null;
	}
	return `${date}T${hours}:${minutes}:${seconds}`;
}

/** Box office `prfpd`: `2025.10.24~2025.10.26` → both ends; a single date counts as both. */
export function isoRangeFromKopis(text: string | null): {
	start: string | null;
	end: string | null;
} {
	if (text === null) return { start: null, end: null };
	const [from = '', to] = text.split('~');
	const start = isoDateFromKopis(from);
	return { start, end: to === undefined ? start : isoDateFromKopis(to) };
}

/** ISO `2025-10-25` → KOPIS's `20251025` request format; throws on anything else (a caller bug). */
export function kopisRequestDate(iso: string): string {
	if (!isCalendarDate(iso)) {
		throw new TypeError(`Expected an ISO date YYYY-MM-DD, got ${JSON.stringify(iso)}`);
	}
	return iso.replaceAll('-', '');
}
