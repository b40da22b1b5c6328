import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { serveBuiltFiles } from './static-files.ts';

let root: string;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'built-files-'));
	mkdirSync(join(root, 'genres', 'musical'), { recursive: true });
	mkdirSync(join(root, '_astro'));
	writeFileSync(join(root, 'index.html'), '<h1>홈</h1>');
	writeFileSync(join(root, 'genres', 'musical', 'index.html'), '<h1>뮤지컬</h1>');
	writeFileSync(join(root, '_astro', 'app.abc123.js'), 'console.log(1)');
	writeFileSync(join(root, 'big.json'), JSON.stringify({ data: 'x'.repeat(5000) }));
	writeFileSync(join(tmpdir(), 'outside-built-files.txt'), 'secret');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The middleware in front of a fallback that says it was reached. */
function app(options: { maxFileBytes?: number; maxCachedBytes?: number } = {}) {
	const server = new Hono();
	server.use(
		'*',
		serveBuiltFiles({
			root,
			cacheControl: (path) => (path.includes('/_astro/') ? 'immutable' : 'revalidate'),
			...options,
		}),
	);
	server.all('*', (c) => c.text('fallback', 404));
	return server;
}

test('serves a folder index for /, /dir/ and /dir, with type, validators and cache policy', async () => {
	const server = app();
	const home = await server.request('/');
	expect(home.status).toBe(200);
	expect(await home.text()).toBe('<h1>홈</h1>');
	expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
	expect(home.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
	expect(home.headers.get('last-modified')).toMatch(/GMT$/);
	expect(home.headers.get('cache-control')).toBe('revalidate');
	for (const path of ['/genres/musical/', '/genres/musical']) {
		const page = await server.request(path);
		expect(await page.text()).toBe('<h1>뮤지컬</h1>');
	}
	const script = await server.request('/_astro/app.abc123.js');
	expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
	expect(script.headers.get('cache-control')).toBe('immutable');
});

test('answers a matching If-None-Match with 304 and no body, and another tag with the file', async () => {
	const server = app();
	const etag = (await server.request('/')).headers.get('etag') ?? '';
	for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
		const again = await server.request('/', { headers: { 'If-None-Match': header } });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		expect(again.headers.get('etag')).toBe(etag);
	}
	const other = await server.request('/', { headers: { 'If-None-Match': '"stale"' } });
	expect(other.status).toBe(200);
	expect(await other.text()).toBe('<h1>홈</h1>');
});

test('HEAD gives the length and no body', async () => {
	const head = await app().request('/', { method: 'HEAD' });
	expect(head.status).toBe(200);
	expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength('<h1>홈</h1>')));
	expect(await head.text()).toBe('');
});

test('a file rebuilt on disk is served new at once, with a new ETag', async () => {
	const server = app();
	const before = await server.request('/');
	await before.text();
	writeFileSync(join(root, 'index.html'), '<h1>새 홈 페이지</h1>');
	const later = new Date(Date.now() + 5000);
	utimesSync(join(root, 'index.html'), later, later);
	const after = await server.request('/');
	expect(await after.text()).toBe('<h1>새 홈 페이지</h1>');
	expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
});

test('paths that leave the folder, missing files, other methods, ranges and big files fall through', async () => {
	const server = app({ maxFileBytes: 1000 });
	for (const path of [
		'/../outside-built-files.txt',
		'/%2e%2e/outside-built-files.txt',
		'/genres/%2e%2e/%2e%2e/%2e%2e/outside-built-files.txt',
		'/index.html%00.txt',
		'/%E0%A4%A',
		'/missing/',
		'/big.json',
	]) {
		const response = await server.request(path);
		expect(await response.text(), path).toBe('fallback');
	}
	expect(await (await server.request('/', { method: 'POST' })).text()).toBe('fallback');
	const ranged = await server.request('/', { headers: { Range: 'bytes=0-3' } });
	expect(await ranged.text()).toBe('fallback');
});

test('a cache smaller than the site still serves every file right', async () => {
	for (let index = 0; index < 20; index += 1) {
		mkdirSync(join(root, 'performances', `PF${index}`), { recursive: true });
		writeFileSync(
			join(root, 'performances', `PF${index}`, 'index.html'),
			`공연 ${index} `.repeat(50),
		);
	}
	const server = app({ maxCachedBytes: 2000 });
	for (let round = 0; round < 2; round += 1) {
		for (let index = 0; index < 20; index += 1) {
			const page = await server.request(`/performances/PF${index}/`);
			expect(await page.text()).toBe(`공연 ${index} `.repeat(50));
		}
	}
});

test('text goes out compressed as the client accepts it, each coding with its own ETag', async () => {
	const page = `<main>${'<p>오늘의 공연 목록입니다.</p>'.repeat(200)}</main>`;
	writeFileSync(join(root, 'genres', 'musical', 'index.html'), page);
	const server = app();
	const get = (acceptEncoding?: string, ifNoneMatch?: string) =>
		server.request('/genres/musical/', {
			headers: {
				...(acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding }),
				...(ifNoneMatch === undefined ? {} : { 'If-None-Match': ifNoneMatch }),
			},
		});
	const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

	const br = await get('gzip, deflate, br');
	expect(br.headers.get('content-encoding')).toBe('br');
	expect(br.headers.get('vary')).toBe('Accept-Encoding');
	const brBody = await bytes(br);
	expect(brBody.byteLength).toBeLessThan(Buffer.byteLength(page) / 10);
	expect(brotliDecompressSync(brBody).toString()).toBe(page);

	const gzip = await get('gzip, br;q=0');
	expect(gzip.headers.get('content-encoding')).toBe('gzip');
	expect(gunzipSync(await bytes(gzip)).toString()).toBe(page);

	for (const refused of [undefined, 'identity', 'br;q=0, gzip;q=0.0']) {
		const plain = await get(refused);
		expect(plain.headers.get('content-encoding'), refused).toBeNull();
		expect((await bytes(plain)).toString()).toBe(page);
	}

	const tags = [br, gzip, await get()].map((response) => response.headers.get('etag'));
	expect(new Set(tags).size).toBe(3);
	// A tag of any coding of this version answers 304.
	const revalidated = await get('gzip', tags[0] ?? '');
	expect(revalidated.status).toBe(304);
	expect(revalidated.headers.get('etag')).toBe(tags[1]);

	// Small files and images are not worth compressing.
	const small = await server.request('/', { headers: { 'Accept-Encoding': 'br' } });
	expect(small.headers.get('content-encoding')).toBeNull();
});
