/**
 * A small seeded PRNG (mulberry32) for the recommendation benchmarks: millions of draws, so
 * faker's per-call overhead would dominate, and a fixed seed must give the same world everywhere.
 */
export interface Random {
	/** Uniform in [0, 1). */
	next(): number;
	int(min: number, max: number): number;
	chance(probability: number): boolean;
	/** Standard normal (Box–Muller). */
	normal(): number;
	/** Gumbel(0, 1): argmax of value + gumbel samples proportionally to exp(value). */
	gumbel(): number;
	pick<T>(items: readonly T[]): T;
	/** An index drawn with the given weights. */
	weightedIndex(weights: readonly number[]): number;
	/** `count` distinct items drawn with the given weights, without replacement. */
	weightedSample<T>(items: readonly T[], weights: readonly number[], count: number): T[];
}

export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	const weightedIndex = (weights: readonly number[]): number => {
		let total = 0;
		for (const weight of weights) total += weight;
		let target = next() * total;
		for (let index = 0; index < weights.length; index += 1) {
			target -= weights[index] as number;
			if (target < 0) return index;
		}
		return weights.length - 1;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		chance: (probability) => next() < probability,
		normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
		gumbel: () => -Math.log(-Math.log(next() || Number.MIN_VALUE)),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
		weightedIndex,
		weightedSample: (items, weights, count) => {
			// Efraimidis–Spirakis: the largest u^(1/w) keys are a weighted sample without replacement.
			return items
				.map((value, index) => ({ value, key: Math.log(1 - next()) / (weights[index] ?? 1) }))
				.sort((a, b) => b.key - a.key)
				.slice(0, count)
				.map((entry) => entry.value);
		},
	};
}
