/**
 * Maximal marginal relevance over the best-scored candidates, so the top ten are not ten runs of
 * one touring production or one ensemble's season: each next pick trades relevance against its
 * similarity to what is already on the list. Another run of a work already picked is one ticket
 * the user will not buy twice, so it waits until the alternatives are used up.
 */
import type { CatalogEntry } from './catalog.ts';
import { dotSparse } from './features.ts';

/** How far below the limit the re-ranking looks: deep enough for alternatives, cheap enough. */
const POOL_FACTOR = 4;
const MIN_POOL = 40;
/** How many of the best-scored candidates the re-ranking chooses from. */
export function poolSize(limit: number): number {
	return Math.max(limit * POOL_FACTOR, MIN_POOL);
}

/** Penalty for a run of a work already picked: the whole relevance range. */
const SAME_WORK_PENALTY = 1;

function penalty(pick: CatalogEntry, candidate: CatalogEntry, diversity: number): number {
	if (pick.work !== '' && pick.work === candidate.work) return diversity + SAME_WORK_PENALTY;
	return diversity * dotSparse(pick.vector, candidate.vector);
}

/**
 * Picks by relevance (scaled to [0, 1] over the pool) minus `diversity` × the highest similarity
 * to an earlier pick. `ranked` must be sorted best first; returns at most `limit` of its items.
 */
export function diversify<T extends { entry: CatalogEntry; score: number }>(
	ranked: readonly T[],
	limit: number,
	diversity: number,
): T[] {
	const pool = ranked.slice(0, poolSize(limit));
	if (pool.length === 0 || limit <= 0) return [];
	const top = pool[0]?.score ?? 0;
	const bottom = pool.at(-1)?.score ?? 0;
	const range = top - bottom;
	const relevance = pool.map((item) => (range === 0 ? 1 : (item.score - bottom) / range));
	/** The largest penalty each candidate has from the picks so far. */
	const penalties = new Float64Array(pool.length);
	const taken = new Uint8Array(pool.length);
	const picks: T[] = [];
	while (picks.length < Math.min(limit, pool.length)) {
		let best = -1;
		let bestValue = Number.NEGATIVE_INFINITY;
		for (let index = 0; index < pool.length; index += 1) {
			if (taken[index] === 1) continue;
			const value = (relevance[index] as number) - (penalties[index] as number);
			// Strictly greater: among equal values the earlier (better-ranked, then lower id) wins.
			if (value > bestValue + 1e-12) {
				best = index;
				bestValue = value;
			}
		}
		const pick = pool[best] as T;
		taken[best] = 1;
		picks.push(pick);
		for (let index = 0; index < pool.length; index += 1) {
			if (taken[index] === 1) continue;
			const candidate = pool[index] as T;
			penalties[index] = Math.max(
				penalties[index] as number,
				penalty(pick.entry, candidate.entry, diversity),
			);
		}
	}
	return picks;
}
