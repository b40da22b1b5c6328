/**
 * What a visitor's first search costs, measured in Debian's Chromium: the bytes on the wire
 * (compressed, headers included) from typing into /search/ until the results are shown, and the
 * JavaScript a page loads before any island fetches anything.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

export interface Transfer {
	bytes: number;
	requests: { url: string; bytes: number }[];
}

async function withPage<T>(work: (page: import('playwright-core').Page) => Promise<T>): Promise<T> {
	const profile = await mkdtemp(join(tmpdir(), 'chr-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS,
	});
	try {
		return await work(context.pages()[0] ?? (await context.newPage()));
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
}

/**
 * Records the bytes on the wire (compressed body and headers) of every request the page or its
 * workers finish while `action` runs.
 */
async function recordTransfer(
	page: import('playwright-core').Page,
	action: () => Promise<void>,
): Promise<Transfer> {
	const pending: Promise<{ url: string; bytes: number }>[] = [];
	const listener = (request: import('playwright-core').Request): void => {
		pending.push(
			request.sizes().then((sizes) => ({
				url: request.url(),
				bytes: sizes.responseBodySize + sizes.responseHeadersSize,
			})),
		);
	};
	page.context().on('requestfinished', listener);
	try {
		await action();
	} finally {
		page.context().off('requestfinished', listener);
	}
	const requests = await Promise.all(pending);
	return { bytes: requests.reduce((sum, request) => sum + request.bytes, 0), requests };
}

/** Resolves once no request of the page has been in flight for `quietMs`. */
async function networkQuiet(page: import('playwright-core').Page, quietMs: number): Promise<void> {
	let inFlight = 0;
	let lastChange = Date.now();
	const started = (): void => {
		inFlight += 1;
		lastChange = Date.now();
	};
	const ended = (): void => {
		inFlight = Math.max(0, inFlight - 1);
		lastChange = Date.now();
	};
	const context = page.context();
	context.on('request', started);
	context.on('requestfinished', ended);
	context.on('requestfailed', ended);
	try {
		while (inFlight > 0 || Date.now() - lastChange < quietMs) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	} finally {
		context.off('request', started);
		context.off('requestfinished', ended);
		context.off('requestfailed', ended);
	}
}

/**
 * The transfer of the first search on `${origin}/search/`, page load excluded: `query` typed in the
 * box, or a sort order picked (which lists everything in that order, from the sorted bundle).
 */
export function firstSearchTransfer(
	origin: string,
	search: { query: string } | { sort: string },
): Promise<Transfer> {
	return withPage(async (page) => {
		await page.goto(`${origin}/search/`, { waitUntil: 'networkidle' });
		return recordTransfer(page, async () => {
			if ('query' in search) {
				await page.getByLabel('검색어').fill(search.query);
				await page.getByLabel('검색어').press('Enter');
			} else {
				await page.getByLabel('정렬').selectOption(search.sort);
			}
			await page.locator('cp-search [data-results] li').first().waitFor();
			// The load state is already 'networkidle' from the page load, so waiting for it again
			// returns at once: wait for the result thumbnails and the fetches they start instead.
			await page.waitForFunction(() =>
				[...document.querySelectorAll('cp-search [data-results] img')].every(
					(image) => (image as HTMLImageElement).complete,
				),
			);
			await networkQuiet(page, 500);
		});
	});
}

/** JavaScript transferred by loading `path` until the network is idle (islands' API calls excluded). */
export function pageScriptTransfer(origin: string, path: string): Promise<Transfer> {
	return withPage(async (page) => {
		const transfer = await recordTransfer(page, async () => {
			await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
		});
		const scripts = transfer.requests.filter((request) => /\.m?js(\?|$)/.test(request.url));
		return { bytes: scripts.reduce((sum, request) => sum + request.bytes, 0), requests: scripts };
	});
}
