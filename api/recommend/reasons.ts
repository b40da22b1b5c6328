/**
 * Why a show is recommended, in Korean, from the terms that made its score: the history item
 * whose shared features added most (and which features they were), the picked tags it matches,
 * and the box office. The score decomposes exactly into these terms, so a reason never names a
 * feature that did not count.
 */
import { particle } from '../../core/korean-particle.ts';
import { starsFromHalves } from '../../core/ratings.ts';
import type { CatalogEntry } from './catalog.ts';
import type { FeatureKind, FeatureTable } from './features.ts';
import type { HistoryItem, Taste } from './taste.ts';

export const REASON_KINDS = ['taste', 'people', 'picked-tags', 'popular', 'schedule'] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export interface Reason {
	kind: ReasonKind;
	/** Korean, ready to show. */
	text: string;
	/** The reviewed or favorited performance the reason refers to. */
	basedOn: string | null;
}

/** The weighted terms of one candidate's score (see recommend.ts). */
export interface ScoreTerms {
	/** Multiplies each history item's share of the taste cosine. */
	tasteScale: number;
	/** Weighted picked-tag term. */
	picked: number;
	/** Weighted popularity term. */
	prior: number;
}

export interface ReasonContext {
	taste: Taste;
	features: FeatureTable;
	pickedTags: readonly string[];
	today: string;
}

/** At most this many reasons per recommendation: one line under a card, two at most. */
export const MAX_REASONS = 2;
/** A term adding less than this to the score is not worth a sentence. */
const MIN_CONTRIBUTION = 0.01;

const PEOPLE_KINDS: ReadonlySet<FeatureKind> = new Set(['cast', 'crew', 'producer']);
const PEOPLE_NOUNS: Partial<Record<FeatureKind, string>> = {
	cast: '출연진',
	crew: '제작진',
	producer: '제작사',
};

/** `'레미제라블'과` but `'맘마미아!'와`: the particle follows the last letter, not the punctuation. */
export function withAnd(quoted: string, word: string): string {
	const letters = [...word].filter((char) => /[\p{L}\p{N}]/u.test(char));
	return quoted + particle(letters.at(-1) ?? '', '과/와');
}

/** 9 half-stars → `4.5`, 8 → `4`. */
export function starsOf(ratingHalves: number): string {
	return String(starsFromHalves(ratingHalves));
}

interface Shared {
	item: HistoryItem;
	total: number;
	/** Feature id → contribution. */
	parts: Map<number, number>;
}

/** `'X'에 4.5점을 준 취향` or `즐겨찾기한 'Y'`. */
function sourcePhrase(item: HistoryItem): string {
	const title = `'${item.entry.title}'`;
	return item.ratingHalves === null
		? `즐겨찾기한 ${title}`
		: `${title}에 ${starsOf(item.ratingHalves)}점을 준 취향`;
}

function topLabels(shared: Shared, features: FeatureTable, kind: FeatureKind): string[] {
	return [...shared.parts]
		.filter(([id]) => features.kinds[id] === kind)
		.sort((a, b) => b[1] - a[1] || a[0] - b[0])
		.slice(0, 2)
		.map(([id]) => features.labels[id] ?? '');
}

function tasteReason(shared: Shared, features: FeatureTable): Reason {
	const tags = topLabels(shared, features, 'tag').map((tag) => `#${tag}`);
	const prefix = tags.length === 0 ? '' : `${tags.join(' ')} — `;
	const item = shared.item;
	const text =
		item.ratingHalves === null
			? `${prefix}${withAnd(sourcePhrase(item), item.entry.title)} 비슷해요`
			: `${prefix}${sourcePhrase(item)}과 비슷해요`;
	return { kind: 'taste', text, basedOn: item.entry.id };
}

function peopleReason(shared: Shared, features: FeatureTable): Reason {
	const byKind = new Map<FeatureKind, number>();
	for (const [id, value] of shared.parts) {
		const kind = features.kinds[id] as FeatureKind;
		byKind.set(kind, (byKind.get(kind) ?? 0) + value);
	}
	const [kind] = [...byKind].sort((a, b) => b[1] - a[1])[0] ?? ['cast'];
	const names = topLabels(shared, features, kind).join(', ');
	const item = shared.item;
	const source =
		item.ratingHalves === null
			? `즐겨찾기한 '${item.entry.title}'`
			: `${starsOf(item.ratingHalves)}점을 준 '${item.entry.title}'`;
	return {
		kind: 'people',
		text: `${withAnd(source, item.entry.title)} 같은 ${PEOPLE_NOUNS[kind] ?? '출연진'}(${names})`,
		basedOn: item.entry.id,
	};
}

function scheduleReason(candidate: CatalogEntry, today: string): Reason {
	const text =
		candidate.startDate <= today
			? '지금 공연 중이에요'
			: `${Number(candidate.startDate.slice(5, 7))}월 ${Number(candidate.startDate.slice(8, 10))}일 개막해요`;
	return { kind: 'schedule', text, basedOn: null };
}

function popularReason(candidate: CatalogEntry): Reason | null {
	if (candidate.overallRank !== null) {
		return { kind: 'popular', text: `이번 주 예매 순위 ${candidate.overallRank}위`, basedOn: null };
	}
	if (candidate.genreRank !== null) {
		return {
			kind: 'popular',
			text: `이번 주 ${candidate.genreName} 예매 순위 ${candidate.genreRank}위`,
			basedOn: null,
		};
	}
	return null;
}

/**
 * One history item's share of the candidate's taste term, split into people (cast, crew,
 * producers) and the rest; `parts` is filled only when given, for the item finally chosen.
 */
function share(
	candidate: CatalogEntry,
	item: HistoryItem,
	features: FeatureTable,
	scale: number,
	parts: { people: Map<number, number>; other: Map<number, number> } | null,
): { people: number; other: number } {
	const { ids, values } = candidate.vector;
	const own = item.entry.vector;
	const totals = { people: 0, other: 0 };
	let j = 0;
	for (let i = 0; i < ids.length; i += 1) {
		const id = ids[i] as number;
		while (j < own.ids.length && (own.ids[j] as number) < id) j += 1;
		if (own.ids[j] !== id) continue;
		const value = scale * item.weight * (values[i] as number) * (own.values[j] as number);
		const side = PEOPLE_KINDS.has(features.kinds[id] as FeatureKind) ? 'people' : 'other';
		totals[side] += value;
		parts?.[side].set(id, value);
	}
	return totals;
}

/**
 * The liked history item that adds most through people, and the one that adds most through
 * everything else. Disliked items only lower the score; they explain nothing.
 */
function bestShares(
	candidate: CatalogEntry,
	context: ReasonContext,
	scale: number,
): { taste: Shared | null; people: Shared | null } {
	let taste: { item: HistoryItem; total: number } | null = null;
	let people: { item: HistoryItem; total: number } | null = null;
	for (const item of context.taste.items) {
		if (item.weight <= 0) continue;
		const totals = share(candidate, item, context.features, scale, null);
		if (totals.other > (taste?.total ?? 0)) taste = { item, total: totals.other };
		if (totals.people > (people?.total ?? 0)) people = { item, total: totals.people };
	}
	// Only the chosen items pay for collecting their per-feature parts.
	const withParts = (
		best: { item: HistoryItem; total: number } | null,
		side: 'people' | 'other',
	): Shared | null => {
		if (best === null) return null;
		const parts = { people: new Map<number, number>(), other: new Map<number, number>() };
		share(candidate, best.item, context.features, scale, parts);
		return { item: best.item, total: best.total, parts: parts[side] };
	};
	return { taste: withParts(taste, 'other'), people: withParts(people, 'people') };
}

export function explain(
	candidate: CatalogEntry,
	terms: ScoreTerms,
	context: ReasonContext,
): Reason[] {
	const weighted: { reason: Reason; contribution: number }[] = [];
	const { taste, people } = bestShares(candidate, context, terms.tasteScale);
	if (taste !== null) {
		weighted.push({ reason: tasteReason(taste, context.features), contribution: taste.total });
	}
	if (people !== null) {
		weighted.push({ reason: peopleReason(people, context.features), contribution: people.total });
	}
	const matched = context.pickedTags.filter((tag) => candidate.tags.includes(tag));
	if (matched.length > 0) {
		weighted.push({
			reason: {
				kind: 'picked-tags',
				text: `${matched.map((tag) => `#${tag}`).join(' ')} — 고른 태그와 맞아요`,
				basedOn: null,
			},
			contribution: terms.picked,
		});
	}
	const popular = popularReason(candidate);
	if (popular !== null) weighted.push({ reason: popular, contribution: terms.prior });
	const reasons = weighted
		.filter((entry) => entry.contribution >= MIN_CONTRIBUTION)
		// Stable sort: equal contributions keep the order above.
		.sort((a, b) => b.contribution - a.contribution)
		.slice(0, MAX_REASONS)
		.map((entry) => entry.reason);
	return reasons.length > 0 ? reasons : [scheduleReason(candidate, context.today)];
}
