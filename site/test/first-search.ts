/**
 * What a visitor's first search costs, measured in Debian's Chromium: the bytes on the wire
 * (compressed, headers included) from typing into /search/ until the results are shown, and the
 * JavaScript a page loads before any island fetches anything.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** shared/TOOLCHAIN.md: Chromium must not try to reach the (closed) network. */
const ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface Transfer {
	bytes: number;
	requests: { url: string; bytes: number }[];
}

async function withPage<T>(work: (page: import('playwright-core').Page) => Promise<T>): Promise<T> {
	const profile = await mkdtemp(join(tmpdir(), 'chr-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: ARGS,
	});
	try {
		return await work(context.pages()[0] ?? (await context.newPage()));
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
}

/** Records encoded (on-the-wire) bytes per request while `action` runs. */
async function recordTransfer(
	page: import('playwright-core').Page,
	action: () => Promise<void>,
): Promise<Transfer> {
	const session = await page.context().newCDPSession(page);
	await session.send('Network.enable');
	const urls = new Map<string, string>();
	const requests: { url: string; bytes: number }[] = [];
	session.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
	session.on('Network.loadingFinished', (event) =>
		requests.push({ url: urls.get(event.requestId) ?? '?', bytes: event.encodedDataLength }),
	);
	await action();
	await session.detach();
	return { bytes: requests.reduce((sum, request) => sum + request.bytes, 0), requests };
}

/** The transfer of the first search for `query` on `${origin}/search/`, page load excluded. */
export function firstSearchTransfer(origin: string, query: string): Promise<Transfer> {
	return withPage(async (page) => {
		await page.goto(`${origin}/search/`, { waitUntil: 'networkidle' });
		return recordTransfer(page, async () => {
			await page.getByLabel('검색어').fill(query);
			await page.getByLabel('검색어').press('Enter');
			await page.locator('cp-search [data-results] li').first().waitFor();
			await page.waitForLoadState('networkidle');
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
