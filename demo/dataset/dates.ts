/**
 * Calendar arithmetic on ISO days (`YYYY-MM-DD`) and the date formats KOPIS writes.
 * Days are counted in UTC so nothing depends on the machine's time zone; KOPIS's dates
 * are Korean calendar days and carry no zone.
 */
import { KOREA_UTC_OFFSET_MS } from '../../core/korean-today.ts';

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;

/** Days since 1970-01-01 for a valid ISO day; throws on anything else. */
export function dayNumber(isoDay: string): number {
	const match = ISO_DAY.exec(isoDay);
	const days = match === null ? null : validDay(match);
	if (days === null) {
		throw new RangeError(`Not an ISO day: ${isoDay}`);
	}
	return days;
}

export function isoDay(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `YYYYMMDD` (KOPIS request parameters) to a day number, or null when it is not a real date. */
export function parseCompactDay(text: string): number | null {
	const match = COMPACT_DAY.exec(text);
	return match === null ? null : validDay(match);
}

export function compactDay(day: number): string {
	return isoDay(day).replaceAll('-', '');
}

/** `YYYY.MM.DD`, as in `prfpdfrom`/`prfpdto`. */
export function kopisDay(day: number): string {
	return isoDay(day).replaceAll('-', '.');
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
	return (((day + 4) % 7) + 7) % 7;
}

/**
 * KOPIS timestamps (`updatedate`, `frstregdt`) are `YYYY-MM-DD HH:MM:SS[.ffffff]`. Accepts that,
 * an ISO datetime (`T` separator, optional `Z`/fraction) or a bare ISO day (midnight).
 */
export function kopisTimestamp(text: string): string {
	const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d{1,6})?Z?)?$/.exec(text);
	if (match === null) {
		throw new RangeError(`Not a timestamp: ${text}`);
	}
	const [, day = '', time = '00:00:00', fraction = ''] = match;
	dayNumber(day);
	return `${day} ${time.length === 5 ? `${time}:00` : time}${fraction}`;
}

/** The day part of a KOPIS timestamp as a day number. */
export function timestampDay(timestamp: string): number {
	return dayNumber(timestamp.slice(0, 10));
}

/** `YYYY-MM-DD HH:MM:SS` in Korean time, as in the error envelope's `responsetime`. */
export function koreanTimestamp(now: Date): string {
	return new Date(now.getTime() + KOREA_UTC_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

function validDay(match: RegExpExecArray): number | null {
	const year = Number(match[1]);
	const month = Number(match[2]);
	const date = Number(match[3]);
	const time = Date.UTC(year, month - 1, date);
	const check = new Date(time);
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
		return null;
	}
	return Math.round(time / MS_PER_DAY);
}

/** A registration moment on `day` during office hours, `YYYY-MM-DD HH:MM:SS`. */
export function officeTime(day: string, unit: number): string {
	const seconds = 9 * 3600 + Math.floor(unit * 9 * 3600);
	const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
	const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
	const ss = String(seconds % 60).padStart(2, '0');
	return `${day} ${hh}:${mm}:${ss}`;
}
