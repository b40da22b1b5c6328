/**
 * The shows a list may hold on a given day (running, or opening within OPENING_SOON_DAYS), kept per
 * snapshot and day so a request does not rescan the whole catalogue, and the selection of the best
 * scored of them without sorting them all: at 20,000 performances a full sort with a comparator
 * cost more than the scoring itself.
 */
import { addDays } from '../../core/calendar.ts';
import type { CatalogEntry, CatalogSnapshot } from './catalog.ts';

/** "Opening soon": big productions open booking two months or more ahead. */
export const OPENING_SOON_DAYS = 60;

/** Scores closer than this are ties, broken by id, so float noise cannot reorder equal shows. */
const TIE_EPSILON = 1e-9;

export interface LiveShows {
	today: string;
	entries: CatalogEntry[];
	/** Performance id → position in `entries`. */
	positions: Map<string, number>;
	/**
	 * The entries' vectors packed row after row (row i spans offsets[i] to offsets[i + 1]): one
	 * sequential scan instead of thousands of small arrays scattered over the heap.
	 */
	offsets: Int32Array;
	ids: Int32Array;
	values: Float64Array;
	priors: Float64Array;
}

const liveBySnapshot = new WeakMap<CatalogSnapshot, LiveShows>();

/** Not closed on `today` and open by `today + OPENING_SOON_DAYS`, ids ascending. */
export function liveShows(catalog: CatalogSnapshot, today: string): LiveShows {
	const cached = liveBySnapshot.get(catalog);
	if (cached !== undefined && cached.today === today) return cached;
	const horizon = addDays(today, OPENING_SOON_DAYS);
	const entries = catalog.list.filter(
		(entry) => entry.endDate >= today && entry.startDate <= horizon,
	);
	const offsets = new Int32Array(entries.length + 1);
	entries.forEach((entry, index) => {
		offsets[index + 1] = (offsets[index] as number) + entry.vector.ids.length;
	});
	const ids = new Int32Array(offsets[entries.length] as number);
	const values = new Float64Array(ids.length);
	entries.forEach((entry, index) => {
		ids.set(entry.vector.ids, offsets[index]);
		values.set(entry.vector.values, offsets[index]);
	});
	const live: LiveShows = {
		today,
		entries,
		positions: new Map(entries.map((entry, index) => [entry.id, index])),
		offsets,
		ids,
		values,
		priors: Float64Array.from(entries, (entry) => entry.prior),
	};
	liveBySnapshot.set(catalog, live);
	return live;
}

export function compareScored(
	a: { entry: CatalogEntry; score: number },
	b: { entry: CatalogEntry; score: number },
): number {
	const difference = b.score - a.score;
	if (Math.abs(difference) > TIE_EPSILON) return difference;
	return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
}

/** Packed dot products: out[i] = Σ dense[ids[j]] × values[j] over row i. */
export function scoreRows(
	live: LiveShows,
	dense: Float64Array,
	out: Float64Array,
	scale: number,
): void {
	const { offsets, ids, values } = live;
	for (let row = 0; row < out.length; row += 1) {
		let sum = 0;
		for (let j = offsets[row] as number; j < (offsets[row + 1] as number); j += 1) {
			sum += (dense[ids[j] as number] as number) * (values[j] as number);
		}
		out[row] = (out[row] as number) + sum * scale;
	}
}

/** The k-th largest value (Hoare's quickselect on a copy, O(n)); the smallest when k ≥ n. */
function kthLargest(values: Float64Array, k: number): number {
	const work = Float64Array.from(values);
	const target = Math.max(0, work.length - k);
	let low = 0;
	let high = work.length - 1;
	while (low < high) {
		const pivot = work[(low + high) >> 1] as number;
		let i = low;
		let j = high;
		while (i <= j) {
			while ((work[i] as number) < pivot) i += 1;
			while ((work[j] as number) > pivot) j -= 1;
			if (i <= j) {
				const swap = work[i] as number;
				work[i] = work[j] as number;
				work[j] = swap;
				i += 1;
				j -= 1;
			}
		}
		if (target <= j) high = j;
		else if (target >= i) low = i;
		else break;
	}
	return work[target] ?? Number.NEGATIVE_INFINITY;
}

/**
 * The `count` best positions by score (−Infinity marks an excluded show), best first, ties by id:
 * the same order a full sort with compareScored gives, from a comparator-free sort of the scores
 * plus a sort of the few at or above the cut.
 */
export function bestPositions(
	entries: readonly CatalogEntry[],
	scores: Float64Array,
	count: number,
): number[] {
	if (count <= 0) return [];
	const cut = kthLargest(scores, count) - TIE_EPSILON;
	const chosen: number[] = [];
	for (let index = 0; index < scores.length; index += 1) {
		const score = scores[index] as number;
		if (score !== Number.NEGATIVE_INFINITY && score >= cut) chosen.push(index);
	}
	const scored = chosen.map((index) => ({
		index,
		entry: entries[index] as CatalogEntry,
		score: scores[index] as number,
	}));
	return scored
		.sort(compareScored)
		.slice(0, count)
		.map((item) => item.index);
}
