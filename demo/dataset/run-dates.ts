/**
 * When a demo performance runs, relative to today: the date classes that guarantee every state
 * and edge (opening or closing within days, open runs), run lengths per genre, and registration
 * and update timestamps that never lie in the future.
 */

import type { GenreCode } from '../../core/kopis-genres.ts';
import { isoDay, officeTime, timestampDay } from './dates.ts';
import type { Rng } from './random.ts';

export type DateClass =
	| 'running'
	| 'today-only'
	| 'opening-soon'
	| 'closing-soon'
	| 'finished-recent'
	| 'upcoming'
	| 'far-future'
	| 'old-finished'
	| 'open-run';

/** The first legs take these in order, so even a tiny dataset has every case. */
export const FORCED_CLASSES: readonly DateClass[] = [
	'running',
	'opening-soon',
	'closing-soon',
	'finished-recent',
	'upcoming',
	'far-future',
	'open-run',
	'old-finished',
	'today-only',
];
export const OPEN_RUN_GENRES = new Set<GenreCode>(['AAAA', 'GGGA', 'EEEB']);
export const CLASS_WEIGHTS: readonly (readonly [DateClass, number])[] = [
	['running', 23],
	['today-only', 1],
	['closing-soon', 7],
	['opening-soon', 9],
	['finished-recent', 16],
	['upcoming', 22],
	['far-future', 7],
	['old-finished', 13],
	['open-run', 1],
];

export function runLength(
	rng: Rng,
	genre: GenreCode,
	child: boolean,
	seats: number,
	touring: boolean,
): number {
	switch (genre) {
		case 'CCCA':
		case 'CCCC':
			return rng.weighted([
				[1, 85],
				[2, 10],
				[3, 5],
			]);
		case 'BBBC':
		case 'BBBE':
		case 'CCCD':
			return rng.weighted([
				[1, 50],
				[2, 30],
				[rng.int(3, 5), 20],
			]);
		case 'EEEA':
			return rng.chance(0.5) ? 1 : rng.int(2, 10);
		case 'EEEB':
			return rng.chance(0.5) ? rng.int(1, 3) : rng.int(14, 60);
		case 'GGGA':
			if (touring && rng.chance(0.5)) return rng.int(2, 4);
			return child ? rng.int(2, 60) : seats < 400 ? rng.int(30, 120) : rng.int(45, 120);
		case 'AAAA':
			return seats < 400 ? rng.int(14, 60) : rng.int(1, 5);
	}
}

export function runDays(
	rng: Rng,
	dateClass: DateClass,
	length: number,
	today: number,
): [number, number] {
	const span = (start: number): [number, number] => [start, start + length - 1];
	switch (dateClass) {
		case 'today-only':
			return [today, today];
		case 'running': {
			if (length === 1) return [today, today];
			const start = today - rng.int(1, Math.min(length - 1, 60));
			return [start, Math.max(start + length - 1, today + 1)];
		}
		case 'closing-soon': {
			const end = today + rng.int(0, 6);
			return [Math.min(end - length + 1, today - 1), end];
		}
		case 'opening-soon':
			return span(today + rng.int(1, 7));
		case 'finished-recent': {
			const end = today - rng.int(1, 30);
			return [end - length + 1, end];
		}
		case 'upcoming':
			return span(today + rng.int(8, 75));
		case 'far-future':
			return span(today + rng.int(90, 330));
		case 'old-finished': {
			const end = today - rng.int(31, 420);
			return [end - length + 1, end];
		}
		case 'open-run':
			return [today - rng.int(300, 2500), today + rng.int(200, 1500)];
	}
}

/** Shows are registered weeks before they open, and never after today. */
export function registrationDay(
	rng: Rng,
	dateClass: DateClass,
	start: number,
	today: number,
): number {
	const lead = dateClass === 'open-run' ? rng.int(20, 90) : rng.int(10, 120);
	return Math.min(start - lead, start > today ? today - rng.int(0, 40) : today - 1);
}

/** Most records were touched after registration; a few today; some carry microseconds. */
export function updateTime(rng: Rng, registeredAt: string, today: number): string {
	const registered = timestampDay(registeredAt);
	const roll = rng.float();
	const day =
		roll < 0.3
			? registered
			: roll < 0.92
				? rng.int(registered, Math.max(registered, today - 1))
				: rng.int(Math.max(registered, today - 2), today);
	let time = officeTime(isoDay(day), rng.float());
	if (time < registeredAt) time = registeredAt;
	return rng.chance(0.4) ? `${time}.${String(rng.int(0, 999_999)).padStart(6, '0')}` : time;
}
