/**
 * The popularity prior: what is selling now (KOPIS's weekly booking ranking) and what our own
 * users review and favorite. It ranks the cold-start list, breaks near-ties in personal lists and
 * is the whole of the "most popular" baseline in the offline evaluation.
 */

export interface PopularitySignals {
	/** Latest weekly overall ranking, performance id → rank 1..50. */
	overallRanks: ReadonlyMap<string, number>;
	/** Latest weekly per-genre rankings, performance id → best rank 1..50. */
	genreRanks: ReadonlyMap<string, number>;
	/** Reviews plus favorites by our users, per performance. */
	communityCounts: ReadonlyMap<string, number>;
}

export const NO_POPULARITY: PopularitySignals = {
	overallRanks: new Map(),
	genreRanks: new Map(),
	communityCounts: new Map(),
};

/**
 * Shares of the prior. The overall ranking is the strongest public signal; a genre ranking
 * reaches further down (50 per genre) but says less; our community is small and young, so it
 * only nudges.
 */
const OVERALL_SHARE = 0.6;
const GENRE_SHARE = 0.25;
const COMMUNITY_SHARE = 0.15;

/** Top-heavy like the sales behind it: rank 1 → 1, rank 10 → 0.29, rank 50 → 0.18. */
function rankScore(rank: number | undefined): number {
	return rank === undefined ? 0 : 1 / Math.log2(rank + 1);
}

/** The prior of each id, in [0, 1]. */
export function popularityPriors(
	ids: readonly string[],
	signals: PopularitySignals,
): Map<string, number> {
	let maxCount = 0;
	for (const count of signals.communityCounts.values()) maxCount = Math.max(maxCount, count);
	const priors = new Map<string, number>();
	for (const id of ids) {
		const count = signals.communityCounts.get(id) ?? 0;
		const community = maxCount === 0 ? 0 : Math.log1p(count) / Math.log1p(maxCount);
		priors.set(
			id,
			OVERALL_SHARE * rankScore(signals.overallRanks.get(id)) +
				GENRE_SHARE * rankScore(signals.genreRanks.get(id)) +
				COMMUNITY_SHARE * community,
		);
	}
	return priors;
}
