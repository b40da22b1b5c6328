/**
 * What a performance is compared by: its hashtags, genre, cast, crew, producers, venue, region and
 * KOPIS flags, each a sparse TF-IDF feature. Similarity is the cosine of two such vectors, so it
 * can always be taken apart into the shared features that made it, which is what the reasons show.
 */
import { normalizeName } from '../../core/names.ts';

export type FeatureKind =
	| 'tag'
	| 'genre'
	| 'cast'
	| 'crew'
	| 'producer'
	| 'venue'
	| 'region'
	| 'flag';

/**
 * How much each kind counts before IDF. Hashtags carry the mood a person picks shows by; genre
 * is broad (one of nine); cast pulls hard but is noisy (homonyms, long ensembles); venue and
 * region mostly say "where I can go". Checked against the offline evaluation
 * (bench/recommend-quality.bench.ts), not fitted to it.
 */
export const KIND_WEIGHTS: Readonly<Record<FeatureKind, number>> = {
	tag: 1,
	genre: 0.8,
	cast: 0.7,
	crew: 0.4,
	producer: 0.4,
	venue: 0.3,
	region: 0.5,
	flag: 0.4,
};

/** Kinds whose values are mostly unique to one show: a value seen once can match nothing. */
const PRUNED_WHEN_UNIQUE: ReadonlySet<FeatureKind> = new Set(['cast', 'crew', 'producer', 'venue']);

/** What the engine needs of one performance; the loader and the benchmarks both build it. */
export interface CatalogItem {
	id: string;
	title: string;
	/** ISO `YYYY-MM-DD`. */
	startDate: string;
	endDate: string;
	genreCode: string;
	genreName: string;
	venueId: string | null;
	/** Two-digit KOPIS `signgucode`. */
	areaCode: string | null;
	/** Hashtag names without `#`. */
	tags: readonly string[];
	cast: readonly string[];
	crew: readonly string[];
	producers: readonly string[];
	/** KOPIS Y/N flags that hold, e.g. `child`, `visiting` (see flagsOf). */
	flags: readonly string[];
}

/** A unit-length sparse vector, ids ascending. */
export interface SparseVector {
	ids: Int32Array;
	values: Float64Array;
}

export interface FeatureTable {
	kinds: FeatureKind[];
	labels: string[];
	/** `kind:label` → id. */
	index: Map<string, number>;
}

export function featureKey(kind: FeatureKind, label: string): string {
	return `${kind}:${label}`;
}

/** The flags of a performance row, as feature labels. */
export function flagsOf(row: {
	isChild: boolean | null;
	isVisiting: boolean | null;
	isDaehakro: boolean | null;
	isFestival: boolean | null;
	isMusicalLicense: boolean | null;
	isMusicalCreate: boolean | null;
}): string[] {
	const flags: string[] = [];
	if (row.isChild === true) flags.push('child');
	if (row.isVisiting === true) flags.push('visiting');
	if (row.isDaehakro === true) flags.push('daehakro');
	if (row.isFestival === true) flags.push('festival');
	if (row.isMusicalLicense === true) flags.push('licensed');
	if (row.isMusicalCreate === true) flags.push('original');
	return flags;
}

/** The distinct (kind, label) pairs of one item, in a fixed order. */
export function rawFeatures(item: CatalogItem): [FeatureKind, string][] {
	const seen = new Set<string>();
	const features: [FeatureKind, string][] = [];
	const add = (kind: FeatureKind, label: string | null): void => {
		if (label === null) return;
		const normalized = normalizeName(label);
		const key = featureKey(kind, normalized);
		if (normalized === '' || seen.has(key)) return;
		seen.add(key);
		features.push([kind, normalized]);
	};
	for (const tag of item.tags) add('tag', tag);
	add('genre', item.genreCode);
	for (const name of item.cast) add('cast', name);
	for (const name of item.crew) add('crew', name);
	for (const name of item.producers) add('producer', name);
	add('venue', item.venueId);
	add('region', item.areaCode);
	for (const flag of item.flags) add('flag', flag);
	return features;
}

/**
 * TF-IDF vectors for every item. IDF is taken over the whole catalogue (closed shows included:
 * they are what histories are made of). Within a kind, weights are divided by √(values of that
 * kind), so a 30-name ensemble counts as much as a solo recital, and each vector is unit length.
 * `extraTags` get ids even when no item carries them, so a picked tag is always known.
 */
export function buildVectors(
	items: readonly CatalogItem[],
	extraTags: readonly string[],
): { table: FeatureTable; vectors: SparseVector[] } {
	const perItem = items.map(rawFeatures);
	const documentFrequency = new Map<string, number>();
	for (const features of perItem) {
		for (const [kind, label] of features) {
			const key = featureKey(kind, label);
			documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
		}
	}
	const table: FeatureTable = { kinds: [], labels: [], index: new Map() };
	const idOf = (kind: FeatureKind, label: string): number => {
		const key = featureKey(kind, label);
		let id = table.index.get(key);
		if (id === undefined) {
			id = table.kinds.length;
			table.index.set(key, id);
			table.kinds.push(kind);
			table.labels.push(label);
		}
		return id;
	};
	for (const tag of extraTags) idOf('tag', normalizeName(tag));

	const total = Math.max(items.length, 1);
	const vectors = perItem.map((features) => {
		const kept = features.filter(
			([kind, label]) =>
				!PRUNED_WHEN_UNIQUE.has(kind) || (documentFrequency.get(featureKey(kind, label)) ?? 0) > 1,
		);
		const perKind = new Map<FeatureKind, number>();
		for (const [kind] of kept) perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
		const entries = kept.map(([kind, label]): [number, number] => {
			const frequency = documentFrequency.get(featureKey(kind, label)) ?? 1;
			const idf = Math.log(1 + total / frequency);
			return [idOf(kind, label), (KIND_WEIGHTS[kind] * idf) / Math.sqrt(perKind.get(kind) ?? 1)];
		});
		return toUnitVector(entries);
	});
	return { table, vectors };
}

/** Sorts by id and scales to unit length; an empty list stays empty. */
export function toUnitVector(entries: [number, number][]): SparseVector {
	entries.sort((a, b) => a[0] - b[0]);
	let norm = 0;
	for (const [, value] of entries) norm += value * value;
	norm = Math.sqrt(norm);
	const ids = new Int32Array(entries.length);
	const values = new Float64Array(entries.length);
	entries.forEach(([id, value], index) => {
		ids[index] = id;
		values[index] = norm === 0 ? 0 : value / norm;
	});
	return { ids, values };
}

/** Dot product of two sparse vectors (both ids ascending). */
export function dotSparse(a: SparseVector, b: SparseVector): number {
	let sum = 0;
	let i = 0;
	let j = 0;
	while (i < a.ids.length && j < b.ids.length) {
		const left = a.ids[i] as number;
		const right = b.ids[j] as number;
		if (left === right) {
			sum += (a.values[i] as number) * (b.values[j] as number);
			i += 1;
			j += 1;
		} else if (left < right) i += 1;
		else j += 1;
	}
	return sum;
}

/** Dot product of a dense vector with a sparse one. */
export function dotDense(dense: Float64Array, vector: SparseVector): number {
	let sum = 0;
	for (let index = 0; index < vector.ids.length; index += 1) {
		sum += (dense[vector.ids[index] as number] ?? 0) * (vector.values[index] as number);
	}
	return sum;
}
