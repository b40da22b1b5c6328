/**
 * A performance's state on a day, from its dates alone: KOPIS does not update a record when a show
 * simply opens or closes, so the state always follows the dates (the nightly ingest rewrites the
 * stored column with the same rule, db/performance-state.ts builds its SQL from STATE_BOUNDARIES).
 */

export const PERFORMANCE_STATES = ['upcoming', 'running', 'finished'] as const;
export type PerformanceState = (typeof PERFORMANCE_STATES)[number];

/** KOPIS's own labels (`prfstate`), which the site shows as they are. */
export const STATE_LABELS: Readonly<Record<PerformanceState, string>> = {
	upcoming: '공연예정',
	running: '공연중',
	finished: '공연완료',
};

/**
 * The codes a performance list request takes in `prfstate` (docs/kopis/API.md §7.3); responses
 * carry STATE_LABELS instead.
 */
export const STATE_CODES = {
	upcoming: '01',
	running: '02',
	finished: '03',
} as const satisfies Record<PerformanceState, string>;

/** The state a `prfstate` request code asks for, or null for anything else. */
export function stateFromCode(code: string): PerformanceState | null {
	return PERFORMANCE_STATES.find((state) => STATE_CODES[state] === code) ?? null;
}

/**
 * The rule as data, so that SQL can be built from it: before the first day the show is upcoming,
 * after the last day it is finished, on any day of the run (both ends included) it is running.
 * ISO days compare as strings, in JavaScript and in SQLite alike.
 */
export const STATE_BOUNDARIES = {
	beforeStart: 'upcoming',
	afterEnd: 'finished',
	during: 'running',
} as const satisfies Record<string, PerformanceState>;

/** The state on `today` (ISO day in Korea) of a run from `startDate` to `endDate` inclusive. */
export function stateOn(startDate: string, endDate: string, today: string): PerformanceState {
	if (today < startDate) return STATE_BOUNDARIES.beforeStart;
	if (today > endDate) return STATE_BOUNDARIES.afterEnd;
	return STATE_BOUNDARIES.during;
}

/** The state for a KOPIS label (spaces ignored: `공연 중`), or null for anything else. */
export function stateFromLabel(label: string): PerformanceState | null {
	const compact = label.replace(/\s/g, '');
	return PERFORMANCE_STATES.find((state) => STATE_LABELS[state] === compact) ?? null;
}
