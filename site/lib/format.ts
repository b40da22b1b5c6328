/** Korean display formats for dates, prices and ratings (state labels: core/performance-state.ts). */

import { weekday } from '../../core/calendar.ts';
import type { ScheduleSlot } from '../../db/schema/catalog.ts';

const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'] as const;

/** `2025-06-01` → `2025.06.01`, the form KOPIS and Korean ticket sites use. */
export function formatDate(iso: string): string {
	return iso.replaceAll('-', '.');
}

/** `2025-06-01` → `6월 1일 (일)`. */
export function formatDayShort(iso: string): string {
	const [, month, day] = iso.split('-');
	return `${Number(month)}월 ${Number(day)}일 (${WEEKDAYS[weekday(iso)]})`;
}

/** A run as `2025.06.01 ~ 2025.08.31`, or one date for a single day. */
export function formatRun(startDate: string, endDate: string): string {
	return startDate === endDate
		? formatDate(startDate)
		: `${formatDate(startDate)} ~ ${formatDate(endDate)}`;
}

/** `2025-06` → `2025년 6월`. */
export function formatMonth(month: string): string {
	return `${month.slice(0, 4)}년 ${Number(month.slice(5, 7))}월`;
}

const timestampFormat = new Intl.DateTimeFormat('ko-KR', {
	timeZone: 'Asia/Seoul',
	year: 'numeric',
	month: 'long',
	day: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
});

/** A moment in Seoul time, e.g. `2025년 6월 1일 03:12`. */
export function formatTimestamp(moment: Date): string {
	return timestampFormat.format(moment);
}

/** One formatter for every number: toLocaleString() builds a new one on each call. */
const numberFormat = new Intl.NumberFormat('ko-KR');

export function formatPrice(won: number): string {
	return won === 0 ? '무료' : `${numberFormat.format(won)}원`;
}

export function formatPriceRange(min: number | null, max: number | null): string | null {
	if (min === null || max === null) return null;
	return min === max ? formatPrice(min) : `${formatPrice(min)} ~ ${formatPrice(max)}`;
}

/** An average of half-stars on the 0.5–5 scale with one decimal. */
export function formatRating(average: number): string {
	return average.toFixed(1);
}

export const DAY_LABELS: Readonly<Record<ScheduleSlot['day'], string>> = {
	mon: '월',
	tue: '화',
	wed: '수',
	thu: '목',
	fri: '금',
	sat: '토',
	sun: '일',
	hol: '공휴일',
};

export function formatCount(count: number): string {
	return numberFormat.format(count);
}
