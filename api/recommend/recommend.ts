/**
 * Personal recommendations: performances now showing or opening soon, scored by
 *
 *   score = taste cosine (profile · show) + picked-tag cosine + prior weight × popularity prior
 *
 * then re-ranked for diversity (diversify.ts) and explained (reasons.ts). Pure and synchronous:
 * everything it needs is in the catalogue snapshot and the user's history.
 */
import type { CatalogEntry, CatalogSnapshot } from './catalog.ts';
import { diversify } from './diversify.ts';
import { dotDense, featureKey, normalizeName } from './features.ts';
import { tasteProfile, type UserHistory } from './profile.ts';
import { explain, type Reason } from './reasons.ts';

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

/** "Opening soon": big productions open booking two months or more ahead. */
export const OPENING_SOON_DAYS = 60;

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

/** Scores closer than this are ties, broken by id, so float noise cannot reorder equal shows. */
const TIE_EPSILON = 1e-9;

function addDays(iso: string, days: number): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function compareScored(
	a: { entry: CatalogEntry; score: number },
	b: { entry: CatalogEntry; score: number },
): number {
	const difference = b.score - a.score;
	if (Math.abs(difference) > TIE_EPSILON) return difference;
	return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
}

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
	const vector = new Float64Array(catalog.features.kinds.length);
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
	for (const value of vector) squared += value * value;
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
	const profile = tasteProfile(catalog, history);
	const picked = pickedVector(catalog, request.pickedTags, weights.pickedContext);
	const tasteScale = profile.norm === 0 ? 0 : 1 / profile.norm;
	const evidence = profile.items.length;
	const priorWeight =
		weights.priorWarm +
		((weights.priorCold - weights.priorWarm) * weights.priorHalfHistory) /
			(weights.priorHalfHistory + evidence);
	const horizon = addDays(request.today, OPENING_SOON_DAYS);

	const scored: { entry: CatalogEntry; score: number; picked: number }[] = [];
	for (const entry of catalog.list) {
		if (entry.endDate < request.today || entry.startDate > horizon) continue;
		if (profile.seen.has(entry.id)) continue;
		const taste = tasteScale === 0 ? 0 : dotDense(profile.vector, entry.vector) * tasteScale;
		const pickedTerm =
			picked.tags.length === 0 ? 0 : weights.picked * dotDense(picked.vector, entry.vector);
		scored.push({
			entry,
			score: taste + pickedTerm + priorWeight * entry.prior,
			picked: pickedTerm,
		});
	}
	scored.sort(compareScored);

	const context = {
		profile,
		features: catalog.features,
		pickedTags: picked.tags,
		today: request.today,
	};
	return diversify(scored, request.limit, weights.diversity).map((item) => ({
		performanceId: item.entry.id,
		score: item.score,
		reasons: explain(
			item.entry,
			{ tasteScale, picked: item.picked, prior: priorWeight * item.entry.prior },
			context,
		),
	}));
}
