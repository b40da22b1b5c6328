/**
 * The deterministic demo dataset: what the local KOPIS server serves when the product runs
 * without keys, and what tests ingest. Same `seed` and `today` → identical data.
 */

import type { GenreCode } from '../../core/kopis-genres.ts';
import { dayNumber, kopisTimestamp, timestampDay } from './dates.ts';
import { placeLandmarks } from './landmarks.ts';
import type { DemoDataset, DemoPerformance, DemoVenue } from './model.ts';
import { createPeople } from './performance-text.ts';
import {
	createLeg,
	createPerformanceContext,
	createProduction,
	formatPerformanceId,
	generatePerformances,
	setIdentity,
} from './performances.ts';
import { createRng, hashOf } from './random.ts';
import { generateVenues } from './venues.ts';

export { DEMO_LANDMARKS } from './landmarks.ts';
export type * from './model.ts';
export { DEMO_IMAGE_FAULTS, demoPerformanceState } from './model.ts';
export { MIN_VENUES } from './venues.ts';

export const DEMO_SIZES = {
	full: { performances: 1500, venues: 220 },
	small: { performances: 120, venues: 24 },
} as const;

export type DemoSize = keyof typeof DEMO_SIZES;

export const DEFAULT_DEMO_SEED = 20_261_126;

export interface DemoDatasetOptions {
	/** ISO day the demo treats as today. */
	today: string;
	seed?: number;
	performances?: number;
	venues?: number;
}

export function generateDemoDataset(options: DemoDatasetOptions): DemoDataset {
	const { today, seed = DEFAULT_DEMO_SEED } = options;
	dayNumber(today);
	const rng = createRng(seed);
	const venues = generateVenues(rng, options.venues ?? DEMO_SIZES.full.venues, today);
	const context = createPerformanceContext(rng, venues, today, peopleOf(seed));
	const performances = generatePerformances(
		context,
		options.performances ?? DEMO_SIZES.full.performances,
	);
	placeLandmarks(venues, performances, today, seed);
	return { generatedOn: today, seed, venues, performances, version: 0 };
}

/** The recurring names come from their own stream, so later additions reuse the same stars. */
function peopleOf(seed: number) {
	return createPeople(createRng(hashOf(seed, 'people')));
}

/** An update cannot precede the registration (a `now` given as a bare day means midnight). */
function updateStamp(now: string, registeredAt: string): string {
	const stamp = kopisTimestamp(now);
	if (stamp < registeredAt) return registeredAt;
	return stamp;
}

export type DemoPerformanceChanges = Partial<Omit<DemoPerformance, 'id' | 'updatedAt'>>;

/**
 * Changes a performance as KOPIS would: the fields change and `updatedate` becomes `now`
 * (ISO day or datetime), so `afterdate` queries from that day see it.
 */
export function updateDemoPerformance(
	dataset: DemoDataset,
	id: string,
	changes: DemoPerformanceChanges,
	now: string,
): void {
	const performance = dataset.performances.find((candidate) => candidate.id === id);
	if (performance === undefined) {
		throw new RangeError(`No demo performance ${id}`);
	}
	Object.assign(performance, changes);
	performance.updatedAt = updateStamp(now, performance.registeredAt);
	dataset.version += 1;
}

/** Registers a new upcoming performance at `now`, with the next id, as KOPIS would. */
export function addDemoPerformance(dataset: DemoDataset, now: string): DemoPerformance {
	const registeredAt = kopisTimestamp(now);
	const rng = createRng(hashOf(dataset.seed, 'add', dataset.performances.length, dataset.version));
	const context = createPerformanceContext(
		rng,
		dataset.venues,
		registeredAt.slice(0, 10),
		peopleOf(dataset.seed),
	);
	const genres: GenreCode[] = ['GGGA', 'AAAA', 'CCCA', 'CCCD'];
	const production = createProduction(context, rng.pick(genres));
	const performance = createLeg(context, production, 'upcoming', new Set(), false);
	performance.registeredAt = registeredAt;
	performance.updatedAt = registeredAt;
	const lastId = dataset.performances.reduce(
		(max, candidate) => Math.max(max, Number(candidate.id.slice(2))),
		0,
	);
	setIdentity(rng, performance, formatPerformanceId(lastId + rng.int(1, 30)));
	dataset.performances.push(performance);
	dataset.version += 1;
	return performance;
}

/** Drops a performance (KOPIS signals no deletions: it just stops listing it). */
export function removeDemoPerformance(dataset: DemoDataset, id: string): void {
	const index = dataset.performances.findIndex((candidate) => candidate.id === id);
	if (index === -1) {
		throw new RangeError(`No demo performance ${id}`);
	}
	dataset.performances.splice(index, 1);
	dataset.version += 1;
}

export type DemoVenueChanges = Partial<Omit<DemoVenue, 'id' | 'updatedAt'>>;

export function updateDemoVenue(
	dataset: DemoDataset,
	id: string,
	changes: DemoVenueChanges,
	now: string,
): void {
	const venue = dataset.venues.find((candidate) => candidate.id === id);
	if (venue === undefined) {
		throw new RangeError(`No demo venue ${id}`);
	}
	Object.assign(venue, changes);
	venue.updatedAt = updateStamp(now, venue.registeredAt);
	dataset.version += 1;
}

/** The last day anything in the dataset was registered or modified. */
export function lastChangeDay(dataset: DemoDataset): number {
	let last = 0;
	for (const record of [...dataset.performances, ...dataset.venues]) {
		last = Math.max(last, timestampDay(record.updatedAt), timestampDay(record.registeredAt));
	}
	return last;
}
