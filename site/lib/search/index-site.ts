/**
 * The search step of the build: reads the pre-rendered pages, adds the Korean partial-word terms
 * (korean-terms.ts) where each performance page asks for them, and writes the Pagefind index.
 * The terms go only into what Pagefind reads, never into the pages visitors download.
 */

import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import pLimit from 'p-limit';
import * as pagefind from 'pagefind';
import { decodeEntities, XML_ENTITIES } from '../../../core/html-entities.ts';
import { SEARCH_BUNDLE, SORTED_SEARCH_BUNDLE } from './bundles.ts';
import { koreanSearchTerms } from './korean-terms.ts';

export interface IndexSiteOptions {
	/** The static output, e.g. `dist/client`. */
	clientDir: string;
	/** Where the index goes; `<clientDir>/pagefind` by default. */
	outputPath?: string;
	/** Pages read and indexed at once (the indexer itself is one process). */
	concurrency?: number;
	/** Add the Korean partial-word terms (default); off only to measure what they cost. */
	koreanTerms?: boolean;
	/** Keep the pages' `data-pagefind-sort` keys (see bundles.ts); default true. */
	sortKeys?: boolean;
}

export interface IndexSiteResult {
	pages: number;
	/** Partial-word terms added across all pages. */
	extraTerms: number;
	outputPath: string;
}

export class SearchIndexError extends Error {
	override name = 'SearchIndexError';
}

/** The empty `<div hidden data-search-terms="[…]">` a performance page carries (SearchFacets). */
const TERMS_ELEMENT = /<div\b[^>]*\bdata-search-terms="([^"]*)"[^>]*><\/div>/;

const SORT_ATTRIBUTE = /\sdata-pagefind-sort="[^"]*"/g;

function escapeText(value: string): string {
	return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The page with its terms element replaced by the indexed partial words (or removed). */
export function withSearchTerms(html: string, koreanTerms = true): { html: string; terms: number } {
	const match = TERMS_ELEMENT.exec(html);
	if (match === null) return { html, terms: 0 };
	if (!koreanTerms) return { html: html.replace(match[0], ''), terms: 0 };
	// Undoes the attribute escaping of the HTML writer (XML's named and numeric references).
	const texts = JSON.parse(decodeEntities(match[1] ?? '[]', XML_ENTITIES)) as unknown;
	if (!Array.isArray(texts) || !texts.every((text) => typeof text === 'string')) {
		throw new SearchIndexError('data-search-terms must hold a JSON array of strings');
	}
	const terms = koreanSearchTerms(texts);
	// Low weight: a partial-word hit should rank below a whole-word hit in the title or cast.
	const block = `<div data-pagefind-weight="0.5">${escapeText(terms.join(' '))}</div>`;
	return { html: html.replace(match[0], block), terms: terms.length };
}

async function* htmlFiles(dir: string): AsyncGenerator<string> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			if (!entry.name.startsWith('pagefind') && entry.name !== '_astro') yield* htmlFiles(path);
		} else if (entry.name.endsWith('.html')) yield path;
	}
}

/** `performances/PF1/index.html` → `/performances/PF1/` (URLs as the site links them). */
function urlOf(clientDir: string, file: string): string {
	const path = relative(clientDir, file).split(sep).map(encodeURIComponent).join('/');
	return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

export async function indexSite(options: IndexSiteOptions): Promise<IndexSiteResult> {
	const outputPath = options.outputPath ?? join(options.clientDir, 'pagefind');
	await rm(outputPath, { recursive: true, force: true });
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ko' });
	if (index === undefined)
		throw new SearchIndexError(`Pagefind did not start: ${errors.join('; ')}`);
	const limit = pLimit(options.concurrency ?? 8);
	// Adding one URL twice makes Pagefind's writeFiles() hang without an error.
	const seen = new Set<string>();
	let pages = 0;
	let extraTerms = 0;
	const tasks: Promise<void>[] = [];
	try {
		for await (const file of htmlFiles(options.clientDir)) {
			tasks.push(
				limit(async () => {
					const html = await readFile(file, 'utf8');
					if (!html.includes('data-pagefind-body')) return;
					const url = urlOf(options.clientDir, file);
					if (seen.has(url)) return;
					seen.add(url);
					const prepared = withSearchTerms(html, options.koreanTerms ?? true);
					const content =
						(options.sortKeys ?? true) ? prepared.html : prepared.html.replace(SORT_ATTRIBUTE, '');
					const added = await index.addHTMLFile({ url, content });
					if (added.errors.length > 0) {
						throw new SearchIndexError(`Pagefind refused ${url}: ${added.errors.join('; ')}`);
					}
					pages += 1;
					extraTerms += prepared.terms;
				}),
			);
		}
		await Promise.all(tasks);
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) {
			throw new SearchIndexError(
				`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`,
			);
		}
	} finally {
		await pagefind.close();
	}
	return { pages, extraTerms, outputPath };
}

/**
 * Both bundles of the site (bundles.ts), one after the other: each Pagefind run holds its whole
 * index in memory, so running them together would double the peak.
 */
export async function indexSearchBundles(
	clientDir: string,
): Promise<{ main: IndexSiteResult; sorted: IndexSiteResult }> {
	const main = await indexSite({
		clientDir,
		outputPath: join(clientDir, SEARCH_BUNDLE),
		sortKeys: false,
	});
	const sorted = await indexSite({ clientDir, outputPath: join(clientDir, SORTED_SEARCH_BUNDLE) });
	return { main, sorted };
}
