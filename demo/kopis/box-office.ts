/**
 * A deterministic booking ranking. KOPIS ranks by tickets booked in the window; here each show
 * books `popularity × ramp × jitter` tickets a day from its sales opening (registration, at most
 * 60 days before the first show) until its last show, over the 12 weeks up to today. The jitter
 * is a hash of (id, day), so any window gives the same answer every time.
 */

import { isGenreCode } from '../../core/kopis-genres.ts';
import { dayNumber, timestampDay } from '../dataset/dates.ts';
import type { CatalogIndex, IndexedPerformance } from './catalog-index.ts';
import type { BoxOfficeRow } from './xml.ts';

export const BOX_OFFICE_HISTORY_DAYS = 84;
export const BOX_OFFICE_SIZE = 50;
const SALES_LEAD_DAYS = 60;

export interface BoxOfficeQuery {
	start: number;
	end: number;
	/** `catecode` split on `|`: genre codes, `KID` and `OPEN`; null for all. */
	categories: string[] | null;
	/** Two-digit sido code, or `UNI` for Daehak-ro; null nationwide. */
	area: string | null;
	/** `srchseatscale` bucket (0, 100, 300, 500, 1000, 5000, 10000); null for any. */
	seatBucket: number | null;
}

const SEAT_BUCKETS = [
	[100, 1, 299],
	[300, 300, 499],
	[500, 500, 999],
	[1000, 1000, 4999],
	[5000, 5000, 9999],
	[10000, 10000, Number.POSITIVE_INFINITY],
] as const;

function inSeatBucket(seats: number, bucket: number): boolean {
	if (bucket === 0) return seats === 0;
	const range = SEAT_BUCKETS.find(([code]) => code === bucket);
	return range !== undefined && seats >= range[1] && seats <= range[2];
}

function inCategories(entry: IndexedPerformance, categories: string[]): boolean {
	return categories.some((code) =>
		code === 'KID'
			? entry.record.child
			: code === 'OPEN'
				? entry.record.openRun
				: isGenreCode(code) && entry.record.genre === code,
	);
}

/** A well-spread 32-bit value for (show, day) without building strings (murmur3 finaliser). */
function mix(a: number, b: number): number {
	let hash = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35);
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85ebca6b);
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2b2ae35);
	hash ^= hash >>> 16;
	return hash >>> 0;
}

/** Tickets booked per day over the history (index 0 = `firstDay`), computed once per index. */
function dailyBookings(entry: IndexedPerformance, firstDay: number): Float64Array {
	const days = new Float64Array(BOX_OFFICE_HISTORY_DAYS);
	const salesOpen = Math.max(
		timestampDay(entry.record.registeredAt),
		entry.start - SALES_LEAD_DAYS,
	);
	const idNumber = Number(entry.record.id.slice(2));
	const last = Math.min(firstDay + BOX_OFFICE_HISTORY_DAYS - 1, entry.end);
	for (let day = Math.max(firstDay, salesOpen); day <= last; day += 1) {
		// Sales build up towards the opening and stay high during the run.
		const ramp = day >= entry.start ? 1 : 0.35 + 0.65 * (1 - (entry.start - day) / SALES_LEAD_DAYS);
		const jitter = 0.6 + 0.8 * (mix(idNumber, day) / 0x1_0000_0000);
		days[day - firstDay] = entry.record.popularity * ramp * jitter;
	}
	return days;
}

const historyCache = new WeakMap<IndexedPerformance, Float64Array>();

export function rankBoxOffice(index: CatalogIndex, query: BoxOfficeQuery): BoxOfficeRow[] {
	const today = dayNumber(index.today);
	const firstDay = today - BOX_OFFICE_HISTORY_DAYS + 1;
	const from = Math.max(query.start, firstDay);
	const to = Math.min(query.end, today);
	if (from > to) return [];
	const scored: { entry: IndexedPerformance; score: number }[] = [];
	for (const entry of index.performances) {
		if (entry.end < from || entry.start - SALES_LEAD_DAYS > to) continue;
		if (query.categories !== null && !inCategories(entry, query.categories)) continue;
		if (
			query.area === 'UNI'
				? !entry.record.daehakro
				: query.area !== null && entry.venue?.regionCode !== query.area
		)
			continue;
		if (query.seatBucket !== null && !inSeatBucket(entry.hall?.seats ?? 0, query.seatBucket))
			continue;
		let history = historyCache.get(entry);
		if (history === undefined) {
			history = dailyBookings(entry, firstDay);
			historyCache.set(entry, history);
		}
		let score = 0;
		for (let day = from; day <= to; day += 1) score += history[day - firstDay] ?? 0;
		if (score > 0) scored.push({ entry, score });
	}
	scored.sort((a, b) => b.score - a.score || (a.entry.record.id < b.entry.record.id ? -1 : 1));
	return scored.slice(0, BOX_OFFICE_SIZE).map(({ entry }, position) => ({
		rank: position + 1,
		performance: entry.record,
		venue: entry.venue,
		hall: entry.hall,
	}));
}
