import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { createKopisClient, defaultRequestsPerSecond, type KopisClientOptions } from './client.ts';
import {
	KopisHttpError,
	KopisNetworkError,
	KopisParseError,
	KopisRecordError,
	KopisResponseError,
	KopisThrottledError,
} from './errors.ts';
import { readFixture } from './testing.ts';
import { THROTTLE_BASE_MS } from './transport.ts';

const KEY = 'SECRET-KEY-42';
const BLOCKED = '<HTML><H1>Request Blocked</H1></HTML>';
const EMPTY = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><dbs/>';

type Handler = (url: URL, res: ServerResponse, req: IncomingMessage) => void;

interface FakeKopis {
	baseUrl: string;
	requests: URL[];
}

const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((close) => close()));
});

/** A real HTTP server on 127.0.0.1 playing KOPIS; `handle` answers each request. */
async function fakeKopis(handle: Handler): Promise<FakeKopis> {
	const requests: URL[] = [];
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		requests.push(url);
		handle(url, res, req);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	servers.push(
		() =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	);
	const { port } = server.address() as AddressInfo;
	return { baseUrl: `http://127.0.0.1:${port}/openApi/restful`, requests };
}

function xml(res: ServerResponse, body: string, status = 200): void {
	res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8' });
	res.end(body);
}

/** Answers in turn with each response, repeating the last one. */
function sequence(...answers: [number, string][]): Handler {
	let index = 0;
	return (_url, res) => {
		const [status, body] = answers[Math.min(index, answers.length - 1)] ?? [200, EMPTY];
		index += 1;
		xml(res, body, status);
	};
}

function client(baseUrl: string, options: Partial<KopisClientOptions> = {}) {
	const slept: number[] = [];
	const kopis = createKopisClient({
		baseUrl,
		apiKey: KEY,
		sleep: async (ms) => void slept.push(ms),
		random: () => 0.5,
		...options,
	});
	return { kopis, slept };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof Error) return error;
	}
	throw new Error('expected a rejection');
}

function expectNoKey(error: Error): void {
	for (let current: unknown = error; current instanceof Error; current = current.cause) {
		expect(current.message).not.toContain(KEY);
	}
}

describe('requests', () => {
	test('lists performances with KOPIS parameter names and YYYYMMDD dates', async () => {
		const server = await fakeKopis((_url, res) =>
			xml(res, readFixture('pblprfr-list/seoulw-block19-5rows-2024-10.xml')),
		);
		const { kopis } = client(`${server.baseUrl}/`);
		const page = await kopis.listPerformances({
			startDate: '2024-10-01',
			endDate: '2024-10-31',
			page: 2,
			rows: 100,
			afterDate: '2024-10-15',
			genreCode: 'BBBC',
			areaCode: '11',
			state: 'running',
		});
		expect(page.rejected).toEqual([]);
		expect(page.records).toHaveLength(5);
		expect(page.records[0]?.genreName).toBe('무용');
		const [request] = server.requests;
		expect(request?.pathname).toBe('/openApi/restful/pblprfr');
		expect(Object.fromEntries(request?.searchParams ?? [])).toEqual({
			service: KEY,
			stdate: '20241001',
			eddate: '20241031',
			cpage: '2',
			rows: '100',
			afterdate: '20241015',
			shcate: 'BBBC',
			signgucode: '11',
			prfstate: '02',
		});
	});

	test('reads a detail, a venue and the box office from their paths', async () => {
		const server = await fakeKopis((url, res) => {
			if (url.pathname.endsWith('/pblprfr/PF273608')) {
				xml(res, readFixture('pblprfr-detail/xmlparserdemo-PF273608-2025-09.xml'));
			} else if (url.pathname.endsWith('/prfplc/FC001247')) {
				xml(res, readFixture('prfplc-detail/xmlparserdemo-FC001247-olympicpark-12halls.xml'));
			} else if (url.pathname.endsWith('/prfplc')) {
				xml(res, readFixture('prfplc-list/xmlparserdemo-prfplc-page1-100rows-2025.xml'));
			} else if (url.pathname.endsWith('/boxoffice')) {
				xml(res, readFixture('boxoffice/xmlparserdemo-boxoffice-50rows-2025-09.xml'));
			} else {
				xml(res, EMPTY);
			}
		});
		const { kopis } = client(server.baseUrl);
		expect((await kopis.getPerformance('PF273608'))?.title).toBe('최현우 아판타시아 [서울 서초]');
		expect((await kopis.getVenue('FC001247'))?.halls).toHaveLength(12);
		expect((await kopis.listVenues({ page: 1, rows: 100 })).records).toHaveLength(100);
		const ranking = await kopis.boxOffice({
			startDate: '2025-09-15',
			endDate: '2025-09-21',
			genreCode: 'GGGA',
			areaCode: '11',
		});
		expect(ranking.records).toHaveLength(50);
		expect(await kopis.getPerformance('PF000001')).toBeNull();
		expect(server.requests.map((url) => url.pathname.replace('/openApi/restful', ''))).toEqual([
			'/pblprfr/PF273608',
			'/prfplc/FC001247',
			'/prfplc',
			'/boxoffice',
			'/pblprfr/PF000001',
		]);
		expect(Object.fromEntries(server.requests[3]?.searchParams ?? [])).toEqual({
			service: KEY,
			stdate: '20250915',
			eddate: '20250921',
			catecode: 'GGGA',
			area: '11',
		});
		expect(kopis.stats.requests).toBe(5);
		expect(kopis.stats.bytes).toBeGreaterThan(50_000);
	});

	test('puts a bad record in rejected and returns the rest of the page', async () => {
		const server = await fakeKopis((_url, res) =>
			xml(
				res,
				'<dbs><db><mt20id>PF1</mt20id><prfnm>좋은 기록</prfnm><prfpdfrom>2024.10.01</prfpdfrom>' +
					'<prfpdto>2024.10.02</prfpdto><fcltynm>극장</fcltynm><genrenm>연극</genrenm></db>' +
					'<db><mt20id>PF2</mt20id><prfnm> </prfnm></db></dbs>',
			),
		);
		const page = await client(server.baseUrl).kopis.listPerformances({
			startDate: '2024-10-01',
			endDate: '2024-10-31',
			page: 1,
			rows: 10,
		});
		expect(page.records.map((record) => record.id)).toEqual(['PF1']);
		expect(page.rejected).toEqual([
			{ index: 1, id: 'PF2', reason: expect.stringContaining('prfnm') },
		]);
	});

	test('throws KopisRecordError for a detail that fails validation', async () => {
		const server = await fakeKopis((_url, res) =>
			xml(res, '<dbs><db><mt20id>PF9</mt20id><prfnm>x</prfnm></db></dbs>'),
		);
		const error = await rejection(client(server.baseUrl).kopis.getPerformance('PF9'));
		expect(error).toBeInstanceOf(KopisRecordError);
		expect(error.message).toMatch(/^Invalid KOPIS record PF9: .*prfpdfrom/);
	});

	test('follows a redirect', async () => {
		const server = await fakeKopis((url, res) => {
			if (url.pathname.startsWith('/old')) {
				res.writeHead(301, { location: url.pathname.replace('/old', '') + url.search });
				res.end();
			} else {
				xml(res, readFixture('pblprfr-detail/xmlparserdemo-PF273608-2025-09.xml'));
			}
		});
		const { kopis } = client(server.baseUrl.replace('/openApi', '/old/openApi'));
		expect((await kopis.getPerformance('PF273608'))?.id).toBe('PF273608');
		expect(server.requests).toHaveLength(2);
	});

	test('refuses dates that are not ISO before sending anything', async () => {
		const server = await fakeKopis(sequence([200, EMPTY]));
		const { kopis } = client(server.baseUrl);
		await expect(
			kopis.listPerformances({ startDate: '20241001', endDate: '2024-10-31', page: 1, rows: 10 }),
		).rejects.toThrow(TypeError);
		await expect(kopis.listVenues({ page: 0, rows: 10 })).rejects.toThrow(TypeError);
		expect(server.requests).toHaveLength(0);
	});
});

describe('failures and retries', () => {
	test('retries a 500 and then succeeds', async () => {
		const server = await fakeKopis(sequence([500, 'oops'], [502, ''], [200, EMPTY]));
		const { kopis, slept } = client(server.baseUrl);
		expect(await kopis.getVenue('FC000001')).toBeNull();
		expect(server.requests).toHaveLength(3);
		expect(kopis.stats).toMatchObject({ requests: 3, retries: 2 });
		// Full jitter with random() = 0.5: half of 500 ms, then half of 1000 ms.
		expect(slept).toEqual([250, 500]);
	});

	test('gives up after maxAttempts with KopisHttpError', async () => {
		const server = await fakeKopis(sequence([503, 'down']));
		const { kopis } = client(server.baseUrl, { maxAttempts: 4 });
		const error = await rejection(kopis.getPerformance('PF1'));
		expect(error).toBeInstanceOf(KopisHttpError);
		expect(error).toMatchObject({ status: 503, retryable: true });
		expect(server.requests).toHaveLength(4);
		expect(kopis.stats.retries).toBe(3);
	});

	test('does not retry a 404', async () => {
		const server = await fakeKopis(sequence([404, 'not here']));
		const error = await rejection(client(server.baseUrl).kopis.getPerformance('PF1'));
		expect(error).toMatchObject({ name: 'KopisHttpError', status: 404, retryable: false });
		expect(server.requests).toHaveLength(1);
	});

	test('waits longer after the throttle page, then succeeds', async () => {
		const server = await fakeKopis(sequence([400, BLOCKED], [200, EMPTY]));
		const { kopis, slept } = client(server.baseUrl);
		expect(await kopis.getPerformance('PF1')).toBeNull();
		expect(server.requests).toHaveLength(2);
		expect(slept).toEqual([THROTTLE_BASE_MS * 0.75]);
	});

	test('honours Retry-After and ends with KopisThrottledError when the block persists', async () => {
		const server = await fakeKopis((_url, res) => {
			res.writeHead(429, { 'retry-after': '7' });
			res.end();
		});
		const { kopis, slept } = client(server.baseUrl);
		const error = await rejection(kopis.getPerformance('PF1'));
		expect(error).toBeInstanceOf(KopisThrottledError);
		expect(slept).toEqual([7_000, 7_000]);
	});

	test('treats a 400 without the block page as a plain client error', async () => {
		const server = await fakeKopis(sequence([400, '<html>Bad Request</html>']));
		const error = await rejection(client(server.baseUrl).kopis.getPerformance('PF1'));
		expect(error).toMatchObject({ name: 'KopisHttpError', status: 400, retryable: false });
		expect(server.requests).toHaveLength(1);
	});

	test('does not retry returncode 02', async () => {
		const server = await fakeKopis(
			sequence([200, readFixture('error/returncode-02-service-key-not-registered-2026-08.xml')]),
		);
		const error = await rejection(client(server.baseUrl).kopis.getPerformance('PF1'));
		expect(error).toBeInstanceOf(KopisResponseError);
		expect(error).toMatchObject({ code: '02', retryable: false });
		expect(server.requests).toHaveLength(1);
	});

	test('retries returncode 03', async () => {
		const server = await fakeKopis(
			sequence(
				[200, '<dbs><db><returncode>03</returncode><errmsg>DB</errmsg></db></dbs>'],
				[200, EMPTY],
			),
		);
		expect(await client(server.baseUrl).kopis.getPerformance('PF1')).toBeNull();
		expect(server.requests).toHaveLength(2);
	});

	test('does not retry a 200 body that is not KOPIS XML', async () => {
		const server = await fakeKopis(sequence([200, '<html><body>maintenance</body></html>']));
		const error = await rejection(client(server.baseUrl).kopis.getPerformance('PF1'));
		expect(error).toBeInstanceOf(KopisParseError);
		expect(server.requests).toHaveLength(1);
	});

	test('refuses a body above maxBodyBytes', async () => {
		const server = await fakeKopis((_url, res) => {
			res.writeHead(200, { 'content-type': 'text/xml' });
			// Chunked, no content-length: the cap must hold while streaming.
			res.write(`<dbs>${'<db><prfnm>x</prfnm></db>'.repeat(200)}`);
			res.end('</dbs>');
		});
		const error = await rejection(
			client(server.baseUrl, { maxBodyBytes: 1_000 }).kopis.getPerformance('PF1'),
		);
		expect(error).toBeInstanceOf(KopisParseError);
		expect(error.message).toContain('larger than 1000 bytes');
	});

	test('times out a silent server with KopisNetworkError after every attempt', async () => {
		const server = await fakeKopis(() => {
			// Never answers.
		});
		const { kopis } = client(server.baseUrl, { timeoutMs: 100, maxAttempts: 2 });
		const error = await rejection(kopis.getPerformance('PF1'));
		expect(error).toBeInstanceOf(KopisNetworkError);
		expect(error.message).toContain('TimeoutError');
		expect(server.requests).toHaveLength(2);
	});

	test('reports a refused connection as KopisNetworkError', async () => {
		const server = await fakeKopis(sequence([200, EMPTY]));
		await Promise.all(servers.splice(0).map((close) => close()));
		const error = await rejection(
			client(server.baseUrl, { maxAttempts: 2 }).kopis.getPerformance('PF1'),
		);
		expect(error).toBeInstanceOf(KopisNetworkError);
		expect(error.cause).toBeInstanceOf(Error);
	});

	test('keeps the key out of every error message, causes included', async () => {
		const server = await fakeKopis((url, res) => {
			const id = url.pathname.split('/').at(-1);
			if (id === 'PF1') xml(res, 'oops', 500);
			else if (id === 'PF2') xml(res, BLOCKED, 400);
			else if (id === 'PF3') xml(res, 'not xml');
			else if (id === 'PF4')
				xml(
					res,
					`<dbs><db><returncode>02</returncode><errmsg>KEY ${KEY} UNKNOWN</errmsg></db></dbs>`,
				);
			else if (id === 'PF5') xml(res, '<dbs><db><mt20id>PF5</mt20id></db></dbs>');
			// PF6: no answer → timeout
		});
		const { kopis } = client(server.baseUrl, { maxAttempts: 1 });
		// Only the silent PF6 gets a short timeout, so a busy machine cannot turn the others into one.
		const { kopis: impatient } = client(server.baseUrl, { timeoutMs: 100, maxAttempts: 1 });
		const errors = await Promise.all([
			...['PF1', 'PF2', 'PF3', 'PF4', 'PF5'].map((id) => rejection(kopis.getPerformance(id))),
			rejection(impatient.getPerformance('PF6')),
		]);
		expect(errors.map((error) => error.name)).toEqual([
			'KopisHttpError',
			'KopisThrottledError',
			'KopisParseError',
			'KopisResponseError',
			'KopisRecordError',
			'KopisNetworkError',
		]);
		for (const error of errors) expectNoKey(error);
		expect(errors[0]?.message).toContain('/pblprfr/PF1?service=***');
		expect(errors[3]?.message).toContain('KEY *** UNKNOWN');

		const unreachable = await rejection(
			createKopisClient({ baseUrl: 'http://127.0.0.1:1/x', apiKey: KEY, maxAttempts: 1 }).getVenue(
				'FC1',
			),
		);
		expect(unreachable).toBeInstanceOf(KopisNetworkError);
		expectNoKey(unreachable);
	});
});

describe('load control', () => {
	test('never has more than `concurrency` requests in flight', async () => {
		let inFlight = 0;
		let peak = 0;
		const server = await fakeKopis((_url, res) => {
			inFlight += 1;
			peak = Math.max(peak, inFlight);
			setTimeout(() => {
				inFlight -= 1;
				xml(res, EMPTY);
			}, 20);
		});
		const { kopis } = client(server.baseUrl, { concurrency: 3 });
		const ids = Array.from({ length: 12 }, (_, i) => `PF${i + 1}`);
		await Promise.all(ids.map((id) => kopis.getPerformance(id)));
		expect(server.requests).toHaveLength(12);
		expect(peak).toBe(3);
	});

	test('spaces requests to requestsPerSecond on the injected clock', async () => {
		const server = await fakeKopis(sequence([200, EMPTY]));
		let time = 0;
		const slept: number[] = [];
		const kopis = createKopisClient({
			baseUrl: server.baseUrl,
			apiKey: KEY,
			requestsPerSecond: 5,
			concurrency: 10,
			now: () => time,
			sleep: async (ms) => {
				slept.push(ms);
				time += ms;
			},
		});
		await Promise.all(['PF1', 'PF2', 'PF3', 'PF4'].map((id) => kopis.getPerformance(id)));
		expect(slept).toEqual([200, 200, 200]);
		expect(server.requests).toHaveLength(4);
	});

	test('paces the real KOPIS by default and leaves other hosts unpaced', () => {
		expect(defaultRequestsPerSecond('http://www.kopis.or.kr/openApi/restful')).toBe(8);
		expect(defaultRequestsPerSecond('https://kopis.or.kr/openApi/restful/')).toBe(8);
		expect(defaultRequestsPerSecond('http://127.0.0.1:4321/openApi/restful')).toBeNull();
		expect(defaultRequestsPerSecond('http://kopis.or.kr.example.com/x')).toBeNull();
	});

	test('reports each attempt to onRequest without the key', async () => {
		const server = await fakeKopis(sequence([500, ''], [200, EMPTY]));
		const seen: unknown[] = [];
		const { kopis } = client(server.baseUrl, { onRequest: (info) => seen.push(info) });
		await kopis.getVenue('FC000001');
		expect(seen).toEqual([
			{ path: '/prfplc/FC000001', ms: expect.any(Number), status: 500, attempt: 1 },
			{ path: '/prfplc/FC000001', ms: expect.any(Number), status: 200, attempt: 2 },
		]);
	});
});
