/**
 * Browser-side: runs one search against the Pagefind index. Pagefind's script (and with it the
 * WebAssembly and index chunks) is imported on the first search only.
 */
import { monthsBetween } from '../../../core/calendar.ts';
import { SEARCH_BUNDLE, SORTED_SEARCH_BUNDLE } from '../../lib/search/bundles.ts';
import { normalizeQuery } from '../../lib/search/korean-query.ts';

export interface SearchState {
	query: string;
	genre: string;
	region: string;
	state: string;
	/** `start-desc`, `end-asc`, …; empty for relevance. */
	sort: string;
	/** `YYYY-MM` or empty. */
	from: string;
	to: string;
}

export interface PagefindResultData {
	url: string;
	meta: Record<string, string | undefined>;
}

export interface PagefindResult {
	id: string;
	data(): Promise<PagefindResultData>;
}

interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	search(
		term: string | null,
		options: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> },
	): Promise<{ results: PagefindResult[] } | null>;
}

const loaded = new Map<string, Promise<Pagefind>>();

/**
 * One of the two bundles (bundles.ts), imported on first use. Each URL is its own module, so the
 * two keep their own state. Pagefind runs on the page's thread: its worker would be one more
 * script to fetch, and a search over this index takes milliseconds.
 */
function pagefind(bundle: string): Promise<Pagefind> {
	let module = loaded.get(bundle);
	if (module === undefined) {
		// A variable, so the bundler leaves the import of a file it does not build alone.
		const url = `/${bundle}/pagefind.js`;
		module = (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pagefindModule) => {
			await pagefindModule.options({ excerptLength: 0, noWorker: true });
			return pagefindModule;
		});
		loaded.set(bundle, module);
	}
	return module;
}

const SORT_KEYS: Readonly<Record<string, { key: string; direction: 'asc' | 'desc' }>> = {
	'start-desc': { key: 'start', direction: 'desc' },
	'start-asc': { key: 'start', direction: 'asc' },
	'end-asc': { key: 'end', direction: 'asc' },
	'rating-desc': { key: 'rating', direction: 'desc' },
};

/** The months a from/to choice covers; a missing end is open (5 years is plenty). */
export function monthRange(from: string, to: string): string[] {
	if (from === '' && to === '') return [];
	const start = from === '' ? to : from;
	const end = to === '' ? `${Number(start.slice(0, 4)) + 5}${start.slice(4)}` : to;
	if (end < start) return monthsBetween(`${end}-01`, `${start}-01`);
	return monthsBetween(`${start}-01`, `${end}-01`);
}

/** The results, or null when there is nothing to search for (no words, no filters). */
export async function runSearch(state: SearchState): Promise<{ results: PagefindResult[] } | null> {
	const term = normalizeQuery(state.query);
	const filters: Record<string, unknown> = {};
	if (state.genre !== '') filters.genre = state.genre;
	if (state.region !== '') filters.region = state.region;
	if (state.state !== '') filters.state = state.state;
	const months = monthRange(state.from, state.to);
	if (months.length > 0) filters.month = { any: months };
	const sort = SORT_KEYS[state.sort];
	if (term === '' && Object.keys(filters).length === 0 && sort === undefined) return null;
	const bundle = sort === undefined ? SEARCH_BUNDLE : SORTED_SEARCH_BUNDLE;
	const search = await (await pagefind(bundle)).search(term === '' ? null : term, {
		filters,
		...(sort === undefined ? {} : { sort: { [sort.key]: sort.direction } }),
	});
	return { results: search?.results ?? [] };
}
