import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { performanceImages } from '../../db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { type ImageStepOptions, processPendingImages } from './process.ts';
import {
	type ImageServer,
	insertImage,
	insertPerformance,
	makeBombPng,
	makeImage,
	sha256Hex,
	startImageServer,
} from './testing.ts';

let database: TestDatabase;
let server: ImageServer;
let mediaDir: string;
let warnings: string[];
let options: ImageStepOptions;

beforeEach(async () => {
	database = await createTestDatabase();
	server = await startImageServer();
	mediaDir = mkdtempSync(join(tmpdir(), 'culturepedia-media-'));
	warnings = [];
	options = {
		mediaDir,
		allowedHosts: [server.host],
		onWarning: (message) => warnings.push(message),
	};
});
afterEach(async () => {
	await server.close();
	database.destroy();
	rmSync(mediaDir, { recursive: true, force: true });
});

async function imageRows() {
	return database.db
		.select()
		.from(performanceImages)
		.orderBy(asc(performanceImages.performanceId), asc(performanceImages.kind));
}

function countFiles(): number {
	return readdirSync(mediaDir, { recursive: true, withFileTypes: true }).filter((entry) =>
		entry.isFile(),
	).length;
}

test('turns pending posters and intro images into ready variants, and a rerun fetches nothing', async () => {
	const { db } = database;
	const poster = await makeImage(600, 840, 'jpeg', 1);
	const intro = await makeImage(700, 1800, 'png', 2);
	server.serve('/upload/pfmPoster/PF_1.jpg', poster);
	server.serve('/upload/pfmIntroImage/PF_1_1.png', intro);
	const performance = await insertPerformance(db);
	await insertImage(db, {
		performanceId: performance.id,
		sourceUrl: `${server.origin}/upload/pfmPoster/PF_1.jpg`,
	});
	await insertImage(db, {
		performanceId: performance.id,
		kind: 'intro',
		sourceUrl: `${server.origin}/upload/pfmIntroImage/PF_1_1.png`,
	});
	const progress: [number, number][] = [];

	const first = await processPendingImages(db, {
		...options,
		now: () => Date.UTC(2026, 0, 2),
		onProgress: (done, total) => progress.push([done, total]),
	});

	expect(first).toMatchObject({ processed: 2, reused: 0, failed: 0 });
	expect(first.bytesIn).toBe(poster.bytes.length + intro.bytes.length);
	expect(first.bytesOut).toBeGreaterThan(0);
	expect(progress).toEqual([
		[0, 2],
		[2, 2],
	]);
	const [introRow, posterRow] = await imageRows();
	expect(posterRow).toMatchObject({
		status: 'ready',
		sourceHash: sha256Hex(poster.bytes),
		sourceBytes: poster.bytes.length,
		width: 600,
		height: 840,
		error: null,
		processedAt: new Date(Date.UTC(2026, 0, 2)),
	});
	expect(posterRow?.variants.map((v) => `${v.format}${v.width}`)).toEqual([
		'webp240',
		'webp480',
		'avif240',
		'avif480',
	]);
	expect(posterRow?.placeholder).toMatch(/^data:image\/webp;base64,/);
	expect(introRow).toMatchObject({ status: 'ready', width: 700, height: 1800 });
	expect(introRow?.variants.map((v) => `${v.format}${v.width}`)).toEqual(['webp480', 'webp700']);
	expect(countFiles()).toBe(6);
	expect(warnings).toEqual([]);

	const requestsBefore = server.requests.length;
	const second = await processPendingImages(db, options);
	expect(second).toEqual({ processed: 0, reused: 0, failed: 0, bytesIn: 0, bytesOut: 0 });
	expect(server.requests.length).toBe(requestsBefore);
	expect(await imageRows()).toEqual([introRow, posterRow]);
});

test('reuses the variants of the same bytes under a new URL without encoding', async () => {
	const { db } = database;
	const poster = await makeImage(500, 700);
	server.serve('/old.jpg', poster);
	server.serve('/new.jpg', poster);
	const first = await insertPerformance(db);
	await insertImage(db, { performanceId: first.id, sourceUrl: `${server.origin}/old.jpg` });
	await processPendingImages(db, options);
	const files = countFiles();
	// The sync saw a new URL: the row is pending again, and another show uses the same file.
	await db
		.update(performanceImages)
		.set({ sourceUrl: `${server.origin}/new.jpg`, status: 'pending' })
		.where(eq(performanceImages.performanceId, first.id));
	const second = await insertPerformance(db);
	await insertImage(db, { performanceId: second.id, sourceUrl: `${server.origin}/new.jpg` });

	const result = await processPendingImages(db, options);

	expect(result).toEqual({
		processed: 0,
		reused: 2,
		failed: 0,
		bytesIn: 2 * poster.bytes.length,
		bytesOut: 0,
	});
	expect(countFiles()).toBe(files);
	const [a, b] = await imageRows();
	expect(a?.status).toBe('ready');
	expect(b?.variants).toEqual(a?.variants);
});

test('finds the variants on disk when the rows that described them were recreated', async () => {
	const { db } = database;
	const poster = await makeImage(600, 840);
	server.serve('/old.jpg', poster);
	server.serve('/new.jpg', poster);
	const performance = await insertPerformance(db);
	await insertImage(db, { performanceId: performance.id, sourceUrl: `${server.origin}/old.jpg` });
	await processPendingImages(db, options);
	const [before] = await imageRows();
	const files = countFiles();
	// What a sync that deletes and re-inserts a changed row leaves: a bare pending row.
	await db.delete(performanceImages);
	await insertImage(db, { performanceId: performance.id, sourceUrl: `${server.origin}/new.jpg` });

	const result = await processPendingImages(db, options);

	expect(result).toMatchObject({ processed: 0, reused: 1, bytesOut: 0 });
	expect(countFiles()).toBe(files);
	const [after] = await imageRows();
	expect(after?.variants.map((v) => v.format)).toEqual(['webp', 'webp', 'avif', 'avif']);
	expect(after).toMatchObject({
		status: 'ready',
		width: before?.width,
		height: before?.height,
		variants: before?.variants,
		sourceHash: before?.sourceHash,
		placeholder: expect.stringMatching(/^data:image\/webp;base64,/),
	});
});

test('encodes the same bytes once when two rows carry them in one run', async () => {
	const { db } = database;
	const poster = await makeImage(300, 420);
	server.serve('/a.jpg', poster);
	server.serve('/b.jpg', poster);
	for (const path of ['/a.jpg', '/b.jpg']) {
		const performance = await insertPerformance(db);
		await insertImage(db, { performanceId: performance.id, sourceUrl: `${server.origin}${path}` });
	}
	const result = await processPendingImages(db, { ...options, concurrency: 2 });
	expect([result.processed, result.reused]).toEqual([1, 1]);
	const [a, b] = await imageRows();
	expect(b?.variants).toEqual(a?.variants);
});

test('encodes again when the files of matching variants are gone', async () => {
	const { db } = database;
	const poster = await makeImage(300, 420);
	server.serve('/a.jpg', poster);
	server.serve('/b.jpg', poster);
	const first = await insertPerformance(db);
	await insertImage(db, { performanceId: first.id, sourceUrl: `${server.origin}/a.jpg` });
	await processPendingImages(db, options);
	rmSync(join(mediaDir, 'images'), { recursive: true });
	const second = await insertPerformance(db);
	await insertImage(db, { performanceId: second.id, sourceUrl: `${server.origin}/b.jpg` });
	const result = await processPendingImages(db, options);
	expect([result.processed, result.reused]).toEqual([1, 0]);
	expect(countFiles()).toBe(1);
});

test('skips broken, oversized, off-host, non-image and bomb downloads with a warning and goes on', async () => {
	const { db } = database;
	const good = await makeImage(300, 420);
	const whole = (await makeImage(400, 560, 'jpeg', 7)).bytes;
	server.serve('/good.jpg', good);
	server.serve('/truncated.jpg', { bytes: whole.subarray(0, 3000), contentType: 'image/jpeg' });
	server.serve('/huge.jpg', { bytes: Buffer.alloc(300_000, 0xff), contentType: 'image/jpeg' });
	server.serve('/bomb.png', { bytes: makeBombPng(30_000, 30_000), contentType: 'image/png' });
	server.route('/page.jpg', (_request, response) => {
		response.writeHead(200, { 'content-type': 'text/html' }).end('<html>오류</html>');
	});
	const sources = [
		`${server.origin}/good.jpg`,
		`${server.origin}/truncated.jpg`,
		`${server.origin}/huge.jpg`,
		`${server.origin}/bomb.png`,
		`${server.origin}/page.jpg`,
		`${server.origin}/missing.jpg`,
		'http://evil.example/poster.jpg',
	];
	const ids: string[] = [];
	for (const sourceUrl of sources) {
		const performance = await insertPerformance(db);
		ids.push(performance.id);
		await insertImage(db, { performanceId: performance.id, sourceUrl });
	}

	const result = await processPendingImages(db, { ...options, maxBytes: 200_000 });

	expect([result.processed, result.failed]).toEqual([1, 6]);
	const rows = await imageRows();
	expect(rows.map((row) => row.status)).toEqual(['ready', ...Array(6).fill('failed')]);
	const errors = rows.slice(1).map((row) => row.error);
	expect(errors[0]).toMatch(/truncated\.jpg: not a readable image/);
	expect(errors[1]).toMatch(/huge\.jpg: too large/);
	expect(errors[2]).toMatch(/bomb\.png: not a readable image .*pixel limit/i);
	expect(errors[3]).toMatch(/page\.jpg: content type text\/html is not an image/);
	expect(errors[4]).toMatch(/missing\.jpg: HTTP 404/);
	expect(errors[5]).toMatch(/host evil\.example is not on the allowlist/);
	expect(warnings).toHaveLength(6);
	const truncatedWarning = warnings.find((warning) => warning.includes('truncated.jpg'));
	expect(truncatedWarning).toMatch(
		new RegExp(
			`^${ids[1]} poster 0: image http://127\\.0\\.0\\.1:\\d+/truncated\\.jpg: not a readable`,
		),
	);
	for (const row of rows.slice(1))
		expect(row).toMatchObject({ variants: [], width: null, sourceHash: null });
	// Permanent failures are not fetched again on the next run.
	const before = server.requests.length;
	expect((await processPendingImages(db, options)).failed).toBe(0);
	expect(server.requests.length).toBe(before);
});

test('leaves a transient failure pending with its error, and the next run retries it', async () => {
	const { db } = database;
	let up = false;
	const poster = await makeImage(300, 420);
	server.route('/flaky.jpg', (_request, response) => {
		if (up) response.writeHead(200, { 'content-type': 'image/jpeg' }).end(poster.bytes);
		else response.writeHead(503).end();
	});
	const performance = await insertPerformance(db);
	await insertImage(db, { performanceId: performance.id, sourceUrl: `${server.origin}/flaky.jpg` });

	expect((await processPendingImages(db, options)).failed).toBe(1);
	expect((await imageRows())[0]).toMatchObject({
		status: 'pending',
		error: expect.stringContaining('HTTP 503'),
	});
	up = true;
	expect((await processPendingImages(db, options)).processed).toBe(1);
	expect((await imageRows())[0]).toMatchObject({ status: 'ready', error: null });
});

test('leaves a row pending when the sync changed its URL while the image was processed', async () => {
	const { db } = database;
	server.serve('/first.jpg', await makeImage(300, 420));
	const performance = await insertPerformance(db);
	await insertImage(db, { performanceId: performance.id, sourceUrl: `${server.origin}/first.jpg` });
	const changingFetch: typeof fetch = async (input, init) => {
		await db
			.update(performanceImages)
			.set({ sourceUrl: `${server.origin}/second.jpg` })
			.where(eq(performanceImages.performanceId, performance.id));
		return fetch(input, init);
	};
	await processPendingImages(db, { ...options, fetch: changingFetch });
	expect((await imageRows())[0]).toMatchObject({
		status: 'pending',
		sourceUrl: `${server.origin}/second.jpg`,
		variants: [],
	});
});

test('fails the step on an unexpected error such as an unwritable media folder', async () => {
	const { db } = database;
	server.serve('/a.jpg', await makeImage(300, 420));
	const performance = await insertPerformance(db);
	await insertImage(db, { performanceId: performance.id, sourceUrl: `${server.origin}/a.jpg` });
	const file = join(mediaDir, 'not-a-folder');
	await import('node:fs/promises').then((fs) => fs.writeFile(file, ''));
	await expect(processPendingImages(db, { ...options, mediaDir: file })).rejects.toThrow(
		/ENOTDIR|EEXIST/,
	);
	expect((await imageRows())[0]?.status).toBe('pending');
});
