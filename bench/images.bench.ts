/**
 * The image pipeline and hashtag step over the full demo set (1,500 performances, their posters
 * and intro images from the local KOPIS server, the deliberately bad ones included):
 * images per second cold and warm (nothing changed), bytes against the originals, and hashtag
 * calls on a second run (must be 0). Baseline, measured in the same run over the same bytes: a
 * plain sharp decode + one full-size WebP encode per image at the same concurrency.
 *
 * The demo server renders images on first request; they are fetched once beforehand (that time
 * is printed too), so the pipeline's figures are its own work, not the demo server's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import sharp from 'sharp';
import { GENRE_LABELS } from '../core/kopis-genres.ts';
import { performanceImages, performances } from '../db/schema/index.ts';
import { createTestDatabase } from '../db/testing.ts';
import {
	DEMO_SIZES,
	type DemoImage,
	demoPerformanceState,
	generateDemoDataset,
} from '../demo/dataset/generate.ts';
import { startKopisServer } from '../demo/kopis/server.ts';
import { HASHTAG_VOCABULARY, tagPerformances } from '../ingest/hashtags/tag.ts';
import { startFakeOpenAI, tagsReply } from '../ingest/hashtags/testing.ts';
import { processPendingImages } from '../ingest/images/process.ts';
import {
	insertImage,
	insertPerformance,
	makeImage,
	startImageServer,
} from '../ingest/images/testing.ts';

const CONCURRENCY = 4;
const today = '2026-11-26';
const dataset = generateDemoDataset({ today, ...DEMO_SIZES.full });
const server = await startKopisServer({ dataset, imageCacheBytes: 2 ** 31 });
const database = await createTestDatabase();
const mediaDir = mkdtempSync(join(tmpdir(), 'culturepedia-bench-media-'));
const { db } = database;

function seconds(started: number): number {
	return (performance.now() - started) / 1000;
}
/** CPU seconds of this process (sharp's threads included): unlike wall time, other load on the machine hardly moves it. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(since);
	return (used.user + used.system) / 1e6;
}
function mb(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// 1. The catalogue rows the sync would have written: performances and pending image rows.
const imageRows: (typeof performanceImages.$inferInsert)[] = [];
await db.transaction(async (tx) => {
	for (const show of dataset.performances) {
		await tx.insert(performances).values({
			id: show.id,
			title: show.title,
			startDate: show.startDate,
			endDate: show.endDate,
			state: demoPerformanceState(show, today),
			genreCode: show.genre,
			genreName: GENRE_LABELS[show.genre],
			venueName: 'bench',
			synopsis: show.synopsis,
			isChild: show.child,
			isVisiting: show.visit,
			isDaehakro: show.daehakro,
			isFestival: show.festival,
			detailStatus: 'complete',
			contentHash: 'bench',
		});
		const images: [DemoImage, 'poster' | 'intro', number][] = [
			[show.poster, 'poster', 0],
			...show.introImages.map((image, index): [DemoImage, 'intro', number] => [
				image,
				'intro',
				index,
			]),
		];
		for (const [image, kind, position] of images) {
			imageRows.push({
				performanceId: show.id,
				kind,
				position,
				sourceUrl: `${server.origin}${image.path}`,
			});
		}
	}
	for (let start = 0; start < imageRows.length; start += 500) {
		await tx.insert(performanceImages).values(imageRows.slice(start, start + 500));
	}
});
const posters = dataset.performances.length;
console.log(`demo set: ${posters} posters + ${imageRows.length - posters} intro images`);

// 2. Warm the demo server's cache, keeping the good images' bytes for the baseline.
const originals: Buffer[] = [];
let started = performance.now();
const limit = pLimit(CONCURRENCY);
await Promise.all(
	imageRows.map((row) =>
		limit(async () => {
			const response = await fetch(row.sourceUrl).catch(() => null);
			const type = response?.headers.get('content-type') ?? '';
			const body = response === null ? null : Buffer.from(await response.arrayBuffer());
			if (body !== null && type.startsWith('image/') && body.length < 10 * 2 ** 20)
				originals.push(body);
		}),
	),
);
console.log(`demo server render + fetch: ${seconds(started).toFixed(1)} s (excluded below)`);

// 3. Baseline: decode + one full-size WebP per image with sharp's defaults.
started = performance.now();
let cpu = process.cpuUsage();
let baselineFailures = 0;
await Promise.all(
	originals.map((bytes) =>
		limit(() =>
			sharp(bytes, { limitInputPixels: 40e6 })
				.webp()
				.toBuffer()
				.catch(() => {
					baselineFailures += 1;
				}),
		),
	),
);
const baselineSeconds = seconds(started);
const baselineCpu = cpuSeconds(cpu);
const baselineRate = originals.length / baselineSeconds;

// 4. The pipeline, cold then warm.
const warnings: string[] = [];
const options = {
	mediaDir,
	allowedHosts: [new URL(server.origin).host],
	concurrency: CONCURRENCY,
	onWarning: (message: string) => warnings.push(message),
};
started = performance.now();
cpu = process.cpuUsage();
const cold = await processPendingImages(db, options);
const coldSeconds = seconds(started);
const coldCpu = cpuSeconds(cpu);
const coldWarnings = warnings.length;
const requestsBefore = server.requestCount;
started = performance.now();
const warm = await processPendingImages(db, options);
const warmSeconds = seconds(started);
const warmWork =
	warm.processed + warm.reused + warm.failed + (server.requestCount - requestsBefore);

// Rows recreated with the same bytes (what a sync that deletes and re-inserts changed rows
// leaves): downloaded and hashed again, found on disk, never encoded.
await db.delete(performanceImages);
for (let start = 0; start < imageRows.length; start += 500) {
	await db.insert(performanceImages).values(imageRows.slice(start, start + 500));
}
started = performance.now();
cpu = process.cpuUsage();
const recreated = await processPendingImages(db, options);
const recreatedSeconds = seconds(started);
const recreatedCpu = cpuSeconds(cpu);

// 5. What a browser fetches instead of the original poster: the best format it takes.
interface PosterBytes {
	count: number;
	withAvif: number;
	original: number;
	card: number;
	cardWebp: number;
	largest: number;
}
function posterBytes(rows: (typeof performanceImages.$inferSelect)[]): PosterBytes {
	const total = { count: 0, withAvif: 0, original: 0, card: 0, cardWebp: 0, largest: 0 };
	for (const row of rows) {
		if (row.kind !== 'poster' || row.status !== 'ready' || row.sourceBytes === null) continue;
		const hasAvif = row.variants.some((v) => v.format === 'avif');
		const pick = (format: string, maxWidth: number): number =>
			row.variants.filter((v) => v.format === format && v.width <= maxWidth).at(-1)?.bytes ?? 0;
		total.count += 1;
		total.withAvif += hasAvif ? 1 : 0;
		total.original += row.sourceBytes;
		total.card += pick(hasAvif ? 'avif' : 'webp', 480);
		total.cardWebp += pick('webp', 480);
		total.largest += pick(hasAvif ? 'avif' : 'webp', Number.POSITIVE_INFINITY);
	}
	return total;
}
const demoBytes = posterBytes(await db.select().from(performanceImages));

// 6. Photographic posters, as real KOPIS ones are (the demo's are flat): the AVIF path.
const photoServer = await startImageServer();
const photoDatabase = await createTestDatabase();
const photos = 40;
for (let index = 0; index < photos; index += 1) {
	photoServer.serve(`/p${index}.jpg`, await makeImage(1000, 1400, 'jpeg', index));
	const show = await insertPerformance(photoDatabase.db);
	await insertImage(photoDatabase.db, {
		performanceId: show.id,
		sourceUrl: `${photoServer.origin}/p${index}.jpg`,
	});
}
started = performance.now();
cpu = process.cpuUsage();
await processPendingImages(photoDatabase.db, { ...options, allowedHosts: [photoServer.host] });
const photoSeconds = seconds(started);
const photoCpu = cpuSeconds(cpu);
const photoBytes = posterBytes(await photoDatabase.db.select().from(performanceImages));
await photoServer.close();
photoDatabase.destroy();

// 7. Hashtags: the local tagger, then a model behind a fake API, then that again.
started = performance.now();
const local = await tagPerformances(db, {
	openai: null,
	maxCalls: 0,
	mediaDir,
	onWarning: () => {},
});
const localSeconds = seconds(started);
const fake = await startFakeOpenAI((request) => {
	const seed = JSON.stringify(request.messages).length;
	return tagsReply([
		HASHTAG_VOCABULARY[seed % 30] ?? '감동적',
		HASHTAG_VOCABULARY[(seed >> 3) % 30] ?? '힐링',
	]);
});
const withModel = {
	openai: { apiKey: 'bench', baseURL: fake.baseURL, model: 'bench-model' },
	maxCalls: 10_000,
	mediaDir,
	onWarning: () => {},
};
started = performance.now();
const firstTagging = await tagPerformances(db, withModel);
const firstTaggingSeconds = seconds(started);
started = performance.now();
const secondTagging = await tagPerformances(db, withModel);
const secondTaggingSeconds = seconds(started);

function saved(original: number, now: number): string {
	return `${mb(original)} → ${mb(now)} (${((1 - now / original) * 100).toFixed(0)}% saved)`;
}
function savings(label: string, bytes: PosterBytes): [string, string][] {
	return [
		[`${label}: with AVIF`, `${bytes.withAvif} of ${bytes.count}`],
		[`${label}: original → card (≤480, best format)`, saved(bytes.original, bytes.card)],
		[`${label}: original → card in WebP`, saved(bytes.original, bytes.cardWebp)],
		[`${label}: original → largest (best format)`, saved(bytes.original, bytes.largest)],
	];
}

const images = imageRows.length;
const rows: [string, string][] = [
	[
		'baseline: decode + 1 WebP (sharp defaults)',
		`${baselineRate.toFixed(1)} images/s (${originals.length} in ${baselineSeconds.toFixed(1)} s, ${baselineFailures} refused), ${((baselineCpu * 1000) / originals.length).toFixed(0)} CPU ms/image`,
	],
	[
		'pipeline cold',
		`${(images / coldSeconds).toFixed(1)} images/s, ${(posters / coldSeconds).toFixed(1)} performances/s (${coldSeconds.toFixed(1)} s) = ${(images / coldSeconds / baselineRate).toFixed(2)}× baseline`,
	],
	[
		'  CPU',
		`${coldCpu.toFixed(0)} CPU s = ${((coldCpu * 1000) / images).toFixed(0)} ms/image = ${(coldCpu / baselineCpu).toFixed(2)}× baseline; ≥ ${(coldCpu / 2).toFixed(0)} s wall on 2 idle cores`,
	],
	[
		'  processed / reused / failed',
		`${cold.processed} / ${cold.reused} / ${cold.failed} (${coldWarnings} warnings)`,
	],
	['pipeline warm (nothing changed)', `${warmSeconds.toFixed(2)} s, work done: ${warmWork}`],
	[
		'pipeline, rows recreated (same bytes)',
		`${(images / recreatedSeconds).toFixed(1)} images/s, ${((recreatedCpu * 1000) / images).toFixed(0)} CPU ms/image; encoded ${recreated.processed}, reused ${recreated.reused}`,
	],
	['bytes in → written', `${mb(cold.bytesIn)} → ${mb(cold.bytesOut)} (all variants)`],
	...savings('demo posters', demoBytes),
	[
		`${photos} photographic 1000×1400 posters`,
		`${(photos / photoSeconds).toFixed(1)} posters/s, ${((photoCpu * 1000) / photos).toFixed(0)} CPU ms/poster`,
	],
	...savings('  photographic', photoBytes),
	['hashtags local', `${localSeconds.toFixed(2)} s, tagged ${local.tagged}`],
	['hashtags model, first run', `${firstTaggingSeconds.toFixed(2)} s, ${firstTagging.calls} calls`],
	[
		'hashtags model, second run',
		`${secondTaggingSeconds.toFixed(2)} s, ${secondTagging.calls} calls (must be 0), unchanged ${secondTagging.unchanged}`,
	],
	// Includes the demo server's image cache and the baseline's originals, both in this process.
	['peak RSS (bench process)', mb(process.resourceUsage().maxRSS * 1024)],
];
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);

await fake.close();
await server.close();
database.destroy();
rmSync(mediaDir, { recursive: true, force: true });
if (warmWork !== 0 || recreated.processed !== 0 || secondTagging.calls !== 0) {
	console.error('FAIL: a rerun over unchanged data did work or made calls');
	process.exit(1);
}
