/**
 * A user's taste: the rating-weighted sum of the vectors of what they reviewed and favorited.
 * Liked shows pull their features in, shows rated two stars or less push theirs away, so the
 * taste can be taken apart per show when a recommendation explains itself.
 */
import { RATING_HALVES_MAX, RATING_HALVES_MIN } from '../../core/ratings.ts';
import type { CatalogEntry, CatalogSnapshot } from './catalog.ts';

export interface UserHistory {
	reviews: readonly { performanceId: string; ratingHalves: number }[];
	/** Favorited performance ids. */
	favorites: readonly string[];
}

export const EMPTY_HISTORY: UserHistory = { reviews: [], favorites: [] };

/**
 * Weight per rating in half-stars (index 0 = 0.5 stars). 2.5 stars is the neutral point; two
 * stars or less push away, and a 0.5-star review pushes as hard as a 5-star one pulls.
 */
const RATING_WEIGHTS = [-1, -0.9, -0.75, -0.5, 0, 0.15, 0.35, 0.6, 0.8, 1] as const;

/** A favorite without a review: a deliberate "I want this", about a 4.5-star pull. */
export const FAVORITE_WEIGHT = 0.8;

export function ratingWeight(ratingHalves: number): number {
	const index =
		Math.min(Math.max(Math.round(ratingHalves), RATING_HALVES_MIN), RATING_HALVES_MAX) -
		RATING_HALVES_MIN;
	return RATING_WEIGHTS[index] ?? 0;
}

export interface HistoryItem {
	entry: CatalogEntry;
	weight: number;
	/** Null for a favorite that was never reviewed. */
	ratingHalves: number | null;
	favorite: boolean;
}

export interface Taste {
	/** History items in the catalogue, ids ascending. */
	items: HistoryItem[];
	/** Σ weight × vector, dense over the catalogue's feature ids. */
	vector: Float64Array;
	/** Its length; 0 when there is nothing to go on (no history, or only neutral ratings). */
	norm: number;
	/** Everything the user reviewed or favorited, in the catalogue or not. */
	seen: ReadonlySet<string>;
}

export function tasteOf(catalog: CatalogSnapshot, history: UserHistory): Taste {
	const ratings = new Map(history.reviews.map((review) => [review.performanceId, review]));
	const favorites = new Set(history.favorites);
	const seen = new Set([...ratings.keys(), ...favorites]);
	const items: HistoryItem[] = [];
	for (const id of [...seen].sort()) {
		const entry = catalog.entries.get(id);
		if (entry === undefined) continue;
		const review = ratings.get(id);
		// A review is the later, considered judgement: it overrides the favorite's weight.
		const weight = review === undefined ? FAVORITE_WEIGHT : ratingWeight(review.ratingHalves);
		items.push({
			entry,
			weight,
			ratingHalves: review?.ratingHalves ?? null,
			favorite: favorites.has(id),
		});
	}
	const vector = new Float64Array(catalog.features.kinds.length);
	for (const item of items) {
		const { ids, values } = item.entry.vector;
		for (let index = 0; index < ids.length; index += 1) {
			const id = ids[index] as number;
			vector[id] = (vector[id] as number) + item.weight * (values[index] as number);
		}
	}
	let squared = 0;
	for (let index = 0; index < vector.length; index += 1) squared += (vector[index] as number) ** 2;
	return { items, vector, norm: Math.sqrt(squared), seen };
}
