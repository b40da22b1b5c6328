/**
 * The demo server's XML against real KOPIS responses (ingest/kopis/fixtures, copied from the
 * shared sample set): same element names in the same order, one line, the same empty forms.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compactDay, dayNumber } from '../dataset/dates.ts';
import type { DemoDataset } from '../dataset/generate.ts';
import type { KopisServer } from './server.ts';
import { DEMO_TEST_TODAY, elementOrder, startSmallDemoServer } from './testing.ts';

const FIXTURES = new URL('../../ingest/kopis/fixtures/', import.meta.url);

function sample(path: string): string {
	return readFileSync(new URL(path, FIXTURES), 'utf8');
}

let dataset: DemoDataset;
let server: KopisServer;

beforeAll(async () => {
	({ dataset, server } = await startSmallDemoServer());
});
afterAll(() => server.close());

async function get(path: string): Promise<string> {
	const separator = path.includes('?') ? '&' : '?';
	return (await fetch(`${server.url}${path}${separator}service=test-key`)).text();
}

function richPerformanceId(): string {
	const performance = dataset.performances.find(
		(p) =>
			p.detailFailure === null &&
			p.introImages.length > 0 &&
			p.bookingLinks.some((link) => link.seller !== null),
	);
	if (performance === undefined) throw new Error('no performance with images and sellers');
	return performance.id;
}

test('list rows have the 2025 list elements in order', async () => {
	const day = compactDay(dayNumber(DEMO_TEST_TODAY));
	const ours = await get(`/pblprfr?stdate=${day}&eddate=${day}&cpage=1&rows=5`);
	expect(elementOrder(ours, 'db')).toEqual(
		elementOrder(sample('pblprfr-list/xmlparserdemo-list-10rows-2025-09.xml'), 'db'),
	);
});

test('details keep the 2025 detail order, with 2026 mt13id and frstregdt added', async () => {
	const ours = await get(`/pblprfr/${richPerformanceId()}`);
	const theirs = sample('pblprfr-detail/xmlparserdemo-PF273608-2025-09.xml');
	const order = elementOrder(ours, 'db');
	expect(order.filter((name) => name !== 'mt13id' && name !== 'frstregdt')).toEqual(
		elementOrder(theirs, 'db'),
	);
	expect(order.slice(0, 3)).toEqual(['mt20id', 'mt13id', 'prfnm']);
	expect(order.indexOf('frstregdt')).toBe(order.indexOf('updatedate') - 1);
	expect(elementOrder(ours, 'relate')).toEqual(elementOrder(theirs, 'relate'));
	expect(elementOrder(ours, 'styurls')).toEqual(['styurl']);
	// 2026 responses put stray spaces between elements (docs/kopis/API.md §1).
	expect(ours).toContain('</mt13id> <prfnm>');
	expect(ours).toMatch(/<relates> {2}<relate> {3}<relatenm>/);
});

test('venue list rows and details match the facility samples', async () => {
	const list = await get('/prfplc?cpage=1&rows=3');
	expect(elementOrder(list, 'db')).toEqual(
		elementOrder(sample('prfplc-list/xmlparserdemo-prfplc-page1-100rows-2025.xml'), 'db'),
	);
	const detail = await get('/prfplc/FC000001');
	const theirs = sample('prfplc-detail/xmlparserdemo-FC001247-olympicpark-12halls.xml');
	expect(elementOrder(detail, 'db')).toEqual(elementOrder(theirs, 'db'));
	expect(elementOrder(detail, 'mt13')).toEqual(elementOrder(theirs, 'mt13'));
});

test('box-office rows match the 2025 ranking sample', async () => {
	const end = dayNumber(DEMO_TEST_TODAY) - 1;
	const ours = await get(`/boxoffice?stdate=${compactDay(end - 6)}&eddate=${compactDay(end)}`);
	expect(ours).toMatch(/^<\?xml[^>]*\?>|^<boxofs>/);
	expect(elementOrder(ours, 'boxof')).toEqual(
		elementOrder(sample('boxoffice/xmlparserdemo-boxoffice-50rows-2025-09.xml'), 'boxof'),
	);
	expect(ours).not.toContain('<basedate>');
});

test('the error envelope matches the captured 02 response', async () => {
	const ours = await (await fetch(`${server.url}/pblprfr/PF000001`)).text();
	const theirs = sample('error/returncode-02-service-key-not-registered-2026-08.xml');
	expect(elementOrder(ours, 'db')).toEqual(elementOrder(theirs, 'db'));
	expect(
		ours.startsWith(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><dbs><db><returncode>02</returncode>',
		),
	).toBe(true);
});

test('responses are one line, escape & once, and vary their prolog like KOPIS', async () => {
	const bodies: string[] = [];
	for (const performance of dataset.performances.slice(0, 40)) {
		if (performance.detailFailure !== 'http500')
			bodies.push(await get(`/pblprfr/${performance.id}`));
	}
	for (const body of bodies) expect(body).not.toMatch(/>\s*\n\s*</);
	const prologs = new Set(bodies.map((body) => /^<\?xml[^>]*\?>/.exec(body)?.[0] ?? 'none'));
	expect(prologs.size).toBeGreaterThan(1);
	const withAmpersand = dataset.performances.find(
		(p) => p.title.includes('&') && p.detailFailure === null,
	);
	if (withAmpersand === undefined) throw new Error('no title with &');
	const body = await get(`/pblprfr/${withAmpersand.id}`);
	expect(body).toContain(withAmpersand.title.replaceAll('&', '&amp;'));
	expect(body).not.toContain('&amp;amp;');
});
