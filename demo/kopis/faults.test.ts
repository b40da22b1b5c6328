import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DemoDataset } from '../dataset/generate.ts';
import type { KopisServer } from './server.ts';
import { DEMO_TEST_TODAY, parseDemoXml, startSmallDemoServer } from './testing.ts';

let dataset: DemoDataset;
let server: KopisServer;

beforeAll(async () => {
	({ dataset, server } = await startSmallDemoServer());
});
afterAll(() => server.close());

const day = DEMO_TEST_TODAY.replaceAll('-', '');

function listUrl(page = 1): string {
	return `${server.url}/pblprfr?service=secret-key&stdate=${day}&eddate=${day}&cpage=${page}&rows=5`;
}

function detailUrl(): string {
	const performance = dataset.performances.find((p) => p.detailFailure === null);
	return `${server.url}/pblprfr/${performance?.id}?service=secret-key`;
}

async function withFault<T>(
	fault: Parameters<KopisServer['setFault']>[0],
	run: () => Promise<T>,
): Promise<T> {
	server.setFault(fault);
	try {
		return await run();
	} finally {
		server.setFault(null);
	}
}

test('http500 fails API calls while posters keep working', async () => {
	await withFault({ kind: 'http500' }, async () => {
		expect((await fetch(listUrl())).status).toBe(500);
		const poster = dataset.performances.find(
			(p) => p.poster.fault === null && !p.poster.redirected,
		)?.poster;
		expect((await fetch(`${server.origin}${poster?.path}`)).status).toBe(200);
	});
	expect((await fetch(listUrl())).status).toBe(200);
});

test("throttle answers KOPIS's 400 Request Blocked page", async () => {
	await withFault({ kind: 'throttle' }, async () => {
		const response = await fetch(listUrl());
		expect(response.status).toBe(400);
		expect(await response.text()).toBe('<HTML><H1>Request Blocked</H1></HTML>');
	});
});

test('malformed sends a 200 that is not well-formed XML', async () => {
	await withFault({ kind: 'malformed' }, async () => {
		const response = await fetch(listUrl());
		expect(response.status).toBe(200);
		expect(XMLValidator.validate(await response.text())).not.toBe(true);
	});
});

test('error-envelope sends a returncode, 03 unless told otherwise', async () => {
	const code = async () => {
		const xml = parseDemoXml(await (await fetch(listUrl())).text()) as {
			dbs: { db: Record<string, string>[] };
		};
		return xml.dbs.db[0]?.returncode;
	};
	expect(await withFault({ kind: 'error-envelope' }, code)).toBe('03');
	expect(await withFault({ kind: 'error-envelope', returnCode: '06' }, code)).toBe('06');
});

test('hang never answers; close() still ends promptly', async () => {
	const own = await startSmallDemoServer({ dataset });
	own.server.setFault({ kind: 'hang' });
	const request = fetch(`${own.server.url}/pblprfr/PF000001?service=k`, {
		signal: AbortSignal.timeout(300),
	});
	await expect(request).rejects.toThrow(/timeout|aborted/i);
	const pending = fetch(`${own.server.url}/prfplc?service=k&cpage=1&rows=1`).catch(
		(error: unknown) => error,
	);
	await new Promise((resolve) => setTimeout(resolve, 50));
	const started = performance.now();
	await own.server.close();
	expect(performance.now() - started).toBeLessThan(5_000);
	expect(await pending).toBeInstanceOf(Error);
});

test('afterRequests lets the first matching requests through', async () => {
	await withFault({ kind: 'http500', afterRequests: 2 }, async () => {
		const statuses = [];
		for (let page = 1; page <= 4; page += 1) statuses.push((await fetch(listUrl(page))).status);
		expect(statuses).toEqual([200, 200, 500, 500]);
	});
});

test('path limits the fault to matching requests', async () => {
	await withFault({ kind: 'http500', path: /^\/openApi\/restful\/pblprfr\/PF/ }, async () => {
		expect((await fetch(detailUrl())).status).toBe(500);
		expect((await fetch(listUrl())).status).toBe(200);
	});
});

test('counts requests and logs them without the key', async () => {
	const before = server.requestCount;
	await fetch(listUrl(3));
	expect(server.requestCount).toBe(before + 1);
	const last = server.requests.at(-1) ?? '';
	expect(last).toBe(`/openApi/restful/pblprfr?stdate=${day}&eddate=${day}&cpage=3&rows=5`);
	expect(server.requests.join('\n')).not.toContain('secret-key');
});
