/**
 * Personal recommendations: performances now showing or opening soon, scored by
 *
 *   score = taste cosine (taste · show) + picked-tag cosine + prior weight × popularity prior
 *
 * then re-ranked for diversity (diversify.ts) and explained (reasons.ts). Pure and synchronous:
 * everything it needs is in the catalogue snapshot and the user's history.
 */

import { normalizeName } from '../../core/names.ts';
import { bestPositions, liveShows, scoreRows } from './candidates.ts';
import type { CatalogEntry, CatalogSnapshot } from './catalog.ts';
import { diversify, poolSize } from './diversify.ts';
import { featureKey } from './features.ts';
import { explain, type Reason } from './reasons.ts';
import { tasteOf, type UserHistory } from './taste.ts';

export { OPENING_SOON_DAYS } from './candidates.ts';

export interface RecommendationRequest {
	/** Hashtag names (without `#`) the user picked to steer the list; unknown ones are ignored. */
	pickedTags: readonly string[];
	limit: number;
	/** ISO `YYYY-MM-DD` in Seoul. */
	today: string;
}

export interface Recommendation {
	performanceId: string;
	/** Relevance before the diversity step; the list's order is the final ranking. */
	score: number;
	reasons: Reason[];
}

export interface RecommendationWeights {
	/** The picked-tag term next to a taste cosine (at most 1). */
	picked: number;
	/** Share of a picked tag's weight given to its context (see pickedVector). */
	pickedContext: number;
	/**
	 * The prior's weight shrinks as the history grows (more evidence, less need for the crowd),
	 * from `priorCold` with no history towards `priorWarm`, halfway at `priorHalfHistory` items.
	 */
	priorCold: number;
	priorWarm: number;
	priorHalfHistory: number;
	/** MMR trade-off, see diversify.ts. */
	diversity: number;
}

/**
 * Swept on the offline evaluation (bench/recommend-quality.bench.ts) over seeds 1–5 of its world,
 * never the seed it reports. Results are flat near these values: a cold prior of 3 scores 0.006
 * higher there but lets the box office drown the tags a user has just picked.
 */
export const DEFAULT_WEIGHTS: Readonly<RecommendationWeights> = {
	picked: 1.5,
	pickedContext: 0.7,
	priorCold: 1.5,
	priorWarm: 0.3,
	priorHalfHistory: 1,
	diversity: 0.25,
};

/**
 * The picked tags as a unit vector: each tag itself plus, with `contextShare` of its weight, its
 * context (the genres, regions, flags and fellow tags of the shows that carry it), so a picked
 * `#전통` also favours 국악 that the tagger labelled otherwise. Unknown tags are dropped.
 */
function pickedVector(
	catalog: CatalogSnapshot,
	pickedTags: readonly string[],
	contextShare: number,
): { vector: Float64Array; tags: string[] } {
	// No tags, no vector: an empty one reads as zeros everywhere.
	const vector = new Float64Array(pickedTags.length === 0 ? 0 : catalog.features.kinds.length);
	const tags: string[] = [];
	for (const tag of new Set(pickedTags.map(normalizeName))) {
		const id = catalog.features.index.get(featureKey('tag', tag));
		if (id === undefined) continue;
		tags.push(tag);
		vector[id] = (vector[id] as number) + 1 - contextShare;
		const context = catalog.tagContexts.get(tag);
		if (context === undefined) continue;
		for (let index = 0; index < context.ids.length; index += 1) {
			const feature = context.ids[index] as number;
			vector[feature] =
				(vector[feature] as number) + contextShare * (context.values[index] as number);
		}
	}
	let squared = 0;
	for (let index = 0; index < vector.length; index += 1) squared += (vector[index] as number) ** 2;
	const scale = squared === 0 ? 0 : 1 / Math.sqrt(squared);
	for (let index = 0; index < vector.length; index += 1) {
		vector[index] = (vector[index] as number) * scale;
	}
	return { vector, tags };
}

export function recommend(
	catalog: CatalogSnapshot,
	history: UserHistory,
	request: RecommendationRequest,
	weights: Readonly<RecommendationWeights> = DEFAULT_WEIGHTS,
): Recommendation[] {
	const taste = tasteOf(catalog, history);
	const picked = pickedVector(catalog, request.pickedTags, weights.pickedContext);
	const tasteScale = taste.norm === 0 ? 0 : 1 / taste.norm;
	const evidence = taste.items.length;
	const priorWeight =
		weights.priorWarm +
		((weights.priorCold - weights.priorWarm) * weights.priorHalfHistory) /
			(weights.priorHalfHistory + evidence);
	const live = liveShows(catalog, request.today);
	const pickedTerms = new Float64Array(live.entries.length);
	if (picked.tags.length > 0) scoreRows(live, picked.vector, pickedTerms, weights.picked);
	const scores = new Float64Array(live.entries.length);
	for (let index = 0; index < scores.length; index += 1) {
		scores[index] = priorWeight * (live.priors[index] as number) + (pickedTerms[index] as number);
	}
	if (tasteScale > 0) scoreRows(live, taste.vector, scores, tasteScale);
	for (const id of taste.seen) {
		const index = live.positions.get(id);
		if (index !== undefined) scores[index] = Number.NEGATIVE_INFINITY;
	}
	const ranked = bestPositions(live.entries, scores, poolSize(request.limit)).map((index) => ({
		entry: live.entries[index] as CatalogEntry,
		score: scores[index] as number,
		picked: pickedTerms[index] as number,
	}));

	const context = {
		taste,
		features: catalog.features,
		pickedTags: picked.tags,
		today: request.today,
	};
	return diversify(ranked, request.limit, weights.diversity).map((item) => ({
		performanceId: item.entry.id,
		score: item.score,
		reasons: explain(
			item.entry,
			{ tasteScale, picked: item.picked, prior: priorWeight * item.entry.prior },
			context,
		),
	}));
}
