/**
 * Runs a built Pagefind bundle in Node, as the browser would, for tests and benchmarks: its
 * `fetch` of index files is answered from disk and every byte is counted. (Node has no Worker,
 * so Pagefind runs on the main thread; the browser additionally loads pagefind-worker.js.)
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PagefindFragment {
	url: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[]>;
}

export interface NodeSearchResult {
	id: string;
	data(): Promise<PagefindFragment>;
}

export interface NodePagefind {
	search(
		term: string | null,
		options?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> },
	): Promise<{ results: NodeSearchResult[] }>;
	/** URLs of the pages a search returns, in order (loads every fragment). */
	searchUrls(term: string | null, options?: Record<string, unknown>): Promise<string[]>;
	/** Bytes fetched so far, pagefind.js included. */
	transferred(): number;
	/** Files fetched so far, relative to the bundle. */
	fetched(): string[];
	close(): void;
}

let generation = 0;

export async function loadPagefindInNode(bundleDir: string): Promise<NodePagefind> {
	const originalFetch = globalThis.fetch;
	const entry = join(bundleDir, 'pagefind.js');
	let bytes = (await stat(entry)).size;
	const files: string[] = ['pagefind.js'];
	globalThis.fetch = async (input: string | URL | Request): Promise<Response> => {
		const url = new URL(input instanceof Request ? input.url : String(input), 'http://site/');
		const relative = url.pathname.replace(/^\/pagefind\//, '');
		const body = await readFile(join(bundleDir, decodeURIComponent(relative)));
		bytes += body.length;
		files.push(relative);
		return new Response(body, {
			headers: {
				'content-type': relative.endsWith('.pagefind')
					? 'application/wasm'
					: 'application/octet-stream',
			},
		});
	};
	// A fresh module per load: Pagefind keeps its index in module state.
	generation += 1;
	const module = (await import(`${pathToFileURL(entry).href}?load=${generation}`)) as {
		options(options: Record<string, unknown>): Promise<void>;
		search: NodePagefind['search'];
	};
	await module.options({ basePath: '/pagefind/', excerptLength: 0 });
	const search: NodePagefind['search'] = async (term, options = {}) =>
		(await module.search(term, options)) ?? { results: [] };
	return {
		search,
		async searchUrls(term, options = {}) {
			const { results } = await search(term, options);
			return Promise.all(results.map(async (result) => (await result.data()).url));
		},
		transferred: () => bytes,
		fetched: () => [...files],
		close() {
			globalThis.fetch = originalFetch;
		},
	};
}
