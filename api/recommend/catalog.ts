/**
 * The in-memory catalogue the engine scores against: every performance's feature vector and
 * popularity prior, built once per data change so a request only pays for its user's history.
 */
import { normalizeName } from '../../core/names.ts';
import {
	buildVectors,
	type CatalogItem,
	type FeatureKind,
	type FeatureTable,
	type SparseVector,
	toUnitVector,
} from './features.ts';
import { type PopularitySignals, popularityPriors } from './popularity.ts';

export interface CatalogEntry {
	id: string;
	title: string;
	startDate: string;
	endDate: string;
	genreName: string;
	/** The normalised title: touring runs of one production share it (see workOf). */
	work: string;
	tags: readonly string[];
	vector: SparseVector;
	/** Popularity prior in [0, 1]. */
	prior: number;
	overallRank: number | null;
	genreRank: number | null;
}

export interface CatalogSnapshot {
	entries: Map<string, CatalogEntry>;
	/** Ids ascending: the order every scan runs in, so equal inputs give equal outputs. */
	list: CatalogEntry[];
	features: FeatureTable;
	/** The hashtag vocabulary, for validating picked tags. */
	vocabulary: ReadonlySet<string>;
	/**
	 * Per hashtag, the mean vector of the shows carrying it over tags, genre, region and flags:
	 * what a picked tag implies beyond itself (`#전통` → 국악, `#아이와함께` → children's shows).
	 */
	tagContexts: Map<string, SparseVector>;
}

const CONTEXT_KINDS: ReadonlySet<FeatureKind> = new Set(['tag', 'genre', 'region', 'flag']);

function tagContexts(
	list: readonly CatalogEntry[],
	features: FeatureTable,
): Map<string, SparseVector> {
	const sums = new Map<string, Map<number, number>>();
	for (const entry of list) {
		for (const tag of entry.tags) {
			let sum = sums.get(tag);
			if (sum === undefined) {
				sum = new Map();
				sums.set(tag, sum);
			}
			const { ids, values } = entry.vector;
			for (let index = 0; index < ids.length; index += 1) {
				const id = ids[index] as number;
				if (!CONTEXT_KINDS.has(features.kinds[id] as FeatureKind)) continue;
				sum.set(id, (sum.get(id) ?? 0) + (values[index] as number));
			}
		}
	}
	return new Map([...sums].map(([tag, sum]) => [tag, toUnitVector([...sum])]));
}

/** Bracketed notes (`[부산]`, `(앵콜)`) and punctuation removed, lower-cased. */
export function workOf(title: string): string {
	return normalizeName(title)
		.replace(/\[[^\]]*\]|\([^)]*\)/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, '')
		.toLowerCase();
}

export function buildCatalogSnapshot(
	items: readonly CatalogItem[],
	popularity: PopularitySignals,
	vocabulary: readonly string[],
): CatalogSnapshot {
	const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const { table, vectors } = buildVectors(sorted, vocabulary);
	const priors = popularityPriors(
		sorted.map((item) => item.id),
		popularity,
	);
	const list = sorted.map(
		(item, index): CatalogEntry => ({
			id: item.id,
			title: normalizeName(item.title),
			startDate: item.startDate,
			endDate: item.endDate,
			genreName: item.genreName,
			work: workOf(item.title),
			tags: item.tags.map(normalizeName),
			vector: vectors[index] as SparseVector,
			prior: priors.get(item.id) ?? 0,
			overallRank: popularity.overallRanks.get(item.id) ?? null,
			genreRank: popularity.genreRanks.get(item.id) ?? null,
		}),
	);
	return {
		entries: new Map(list.map((entry) => [entry.id, entry])),
		list,
		features: table,
		vocabulary: new Set(vocabulary.map(normalizeName)),
		tagContexts: tagContexts(list, table),
	};
}
