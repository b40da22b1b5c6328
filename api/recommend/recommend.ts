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
/**
 * Picked tags are what the user asks for right now: they outweigh even a perfect taste match
 * (a taste cosine is at most 1; a show carrying every picked tag scores about 0.8 × this).
 */
export const PICKED_WEIGHT = 1.5;
/**
 * The prior's weight next to a taste cosine. It shrinks as the history grows (more evidence,
 * less need for the crowd) from PRIOR_WEIGHT_COLD towards PRIOR_WEIGHT_WARM, halfway at
 * PRIOR_HALF_HISTORY items. Chosen on the offline evaluation with a different seed than it reports.
 */
export const PRIOR_WEIGHT_COLD = 0.5;
export const PRIOR_WEIGHT_WARM = 0.15;
const PRIOR_HALF_HISTORY = 4;
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

/** The picked tags as a unit vector over tag features, with the names that were known. */
function pickedVector(
	catalog: CatalogSnapshot,
	pickedTags: readonly string[],
): { vector: Float64Array; tags: string[] } {
	const vector = new Float64Array(catalog.features.kinds.length);
	const tags = [...new Set(pickedTags.map(normalizeName))].filter((tag) => {
		const id = catalog.features.index.get(featureKey('tag', tag));
		if (id === undefined) return false;
		vector[id] = 1;
		return true;
	});
	const scale = tags.length === 0 ? 0 : 1 / Math.sqrt(tags.length);
	for (const tag of tags) {
		vector[catalog.features.index.get(featureKey('tag', tag)) as number] = scale;
	}
	return { vector, tags };
}

export function recommend(
	catalog: CatalogSnapshot,
	history: UserHistory,
	request: RecommendationRequest,
): Recommendation[] {
	const profile = tasteProfile(catalog, history);
	const picked = pickedVector(catalog, request.pickedTags);
	const tasteScale = profile.norm === 0 ? 0 : 1 / profile.norm;
	const evidence = profile.items.length;
	const priorWeight =
		PRIOR_WEIGHT_WARM +
		((PRIOR_WEIGHT_COLD - PRIOR_WEIGHT_WARM) * PRIOR_HALF_HISTORY) /
			(PRIOR_HALF_HISTORY + evidence);
	const horizon = addDays(request.today, OPENING_SOON_DAYS);

	const scored: { entry: CatalogEntry; score: number; picked: number }[] = [];
	for (const entry of catalog.list) {
		if (entry.endDate < request.today || entry.startDate > horizon) continue;
		if (profile.seen.has(entry.id)) continue;
		const taste = tasteScale === 0 ? 0 : dotDense(profile.vector, entry.vector) * tasteScale;
		const pickedTerm =
			picked.tags.length === 0 ? 0 : PICKED_WEIGHT * dotDense(picked.vector, entry.vector);
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
	return diversify(scored, request.limit).map((item) => ({
		performanceId: item.entry.id,
		score: item.score,
		reasons: explain(
			item.entry,
			{ tasteScale, picked: item.picked, prior: priorWeight * item.entry.prior },
			context,
		),
	}));
}
