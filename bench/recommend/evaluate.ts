/**
 * The two baselines the engine must beat and the ranking metrics, for the offline evaluation.
 */
import type { CatalogEntry, CatalogSnapshot } from '../../api/recommend/catalog.ts';
import { dotSparse } from '../../api/recommend/features.ts';
import { OPENING_SOON_DAYS, type RecommendationRequest } from '../../api/recommend/recommend.ts';
import type { UserHistory } from '../../api/recommend/taste.ts';
import { addDays } from '../../core/calendar.ts';
import type { SimUser } from './users.ts';

export type Recommender = (
	catalog: CatalogSnapshot,
	history: UserHistory,
	request: RecommendationRequest,
) => string[];

/** The same candidate rule as the engine: showing or opening soon, not reviewed or favorited. */
function candidates(catalog: CatalogSnapshot, history: UserHistory, today: string): CatalogEntry[] {
	const seen = new Set([
		...history.reviews.map((review) => review.performanceId),
		...history.favorites,
	]);
	const horizon = addDays(today, OPENING_SOON_DAYS);
	return catalog.list.filter(
		(entry) => entry.endDate >= today && entry.startDate <= horizon && !seen.has(entry.id),
	);
}

function byPrior(a: CatalogEntry, b: CatalogEntry): number {
	return b.prior - a.prior || (a.id < b.id ? -1 : 1);
}

/** (b) Most popular: the popularity prior alone (box office, then our users' activity). */
export const mostPopular: Recommender = (catalog, history, request) =>
	candidates(catalog, history, request.today)
		.sort(byPrior)
		.slice(0, request.limit)
		.map((entry) => entry.id);

/**
 * (a) The original rule: current shows sharing at least two hashtags with the user's favorites,
 * reviews of 4 stars or more and picked tags. The rule gives a set, not an order; this ranks it by
 * shared tags, then popularity — a stronger version than a bare filter.
 */
export const originalRule: Recommender = (catalog, history, request) => {
	const liked = [
		...history.favorites,
		...history.reviews
			.filter((review) => review.ratingHalves >= 8)
			.map((review) => review.performanceId),
	];
	const tags = new Set([
		...liked.flatMap((id) => catalog.entries.get(id)?.tags ?? []),
		...request.pickedTags,
	]);
	return candidates(catalog, history, request.today)
		.map((entry) => ({ entry, shared: entry.tags.filter((tag) => tags.has(tag)).length }))
		.filter((scored) => scored.shared >= 2)
		.sort((a, b) => b.shared - a.shared || byPrior(a.entry, b.entry))
		.slice(0, request.limit)
		.map((scored) => scored.entry.id);
};

export interface Scores {
	/** Users with at least one relevant show in the top k. */
	hitRate: number;
	ndcg: number;
	/** Mean cosine between pairs in a top k: lower is more varied. */
	similarity: number;
	/** Share of lists holding two runs of one work. */
	repeatedWork: number;
	/** Distinct shows recommended to anyone, over the candidates. */
	coverage: number;
	users: number;
	msPerUser: number;
}

/** Binary-relevance nDCG@k. */
export function ndcgAt(list: readonly string[], relevant: ReadonlySet<string>, k: number): number {
	let dcg = 0;
	list.slice(0, k).forEach((id, rank) => {
		if (relevant.has(id)) dcg += 1 / Math.log2(rank + 2);
	});
	let ideal = 0;
	for (let rank = 0; rank < Math.min(k, relevant.size); rank += 1) ideal += 1 / Math.log2(rank + 2);
	return ideal === 0 ? 0 : dcg / ideal;
}

export function evaluate(
	catalog: CatalogSnapshot,
	users: readonly SimUser[],
	recommender: Recommender,
	options: { today: string; k: number; cold: boolean },
): Scores {
	let hits = 0;
	let ndcg = 0;
	let similarity = 0;
	let pairs = 0;
	let repeated = 0;
	let evaluated = 0;
	const shown = new Set<string>();
	const started = performance.now();
	for (const user of users) {
		if (user.relevant.size === 0) continue;
		const history = options.cold ? { reviews: [], favorites: [] } : user.history;
		const pickedTags = options.cold ? user.pickedTags : [];
		const list = recommender(catalog, history, {
			pickedTags,
			limit: options.k,
			today: options.today,
		});
		evaluated += 1;
		if (list.some((id) => user.relevant.has(id))) hits += 1;
		ndcg += ndcgAt(list, user.relevant, options.k);
		const entries = list.flatMap((id) => catalog.entries.get(id) ?? []);
		for (const entry of entries) shown.add(entry.id);
		if (new Set(entries.map((entry) => entry.work)).size < entries.length) repeated += 1;
		entries.forEach((a, i) => {
			for (const b of entries.slice(i + 1)) {
				similarity += dotSparse(a.vector, b.vector);
				pairs += 1;
			}
		});
	}
	const elapsed = performance.now() - started;
	const candidateCount = candidates(catalog, { reviews: [], favorites: [] }, options.today).length;
	return {
		hitRate: hits / evaluated,
		ndcg: ndcg / evaluated,
		similarity: pairs === 0 ? 0 : similarity / pairs,
		repeatedWork: repeated / evaluated,
		coverage: shown.size / candidateCount,
		users: evaluated,
		msPerUser: elapsed / evaluated,
	};
}
