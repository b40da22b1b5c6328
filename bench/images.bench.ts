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
import { performanceImages, performances } from '../db/schema/index.ts';
import { createTestDatabase } from '../db/testing.ts';
import {
	DEMO_SIZES,
	type DemoImage,
	demoPerformanceState,
	GENRES,
	generateDemoDataset,
} from '../ingest/demo/generate.ts';
import { startKopisServer } from '../ingest/demo/kopis-server.ts';
import { HASHTAG_VOCABULARY, tagPerformances } from '../ingest/hashtags/tag.ts';
import { startFakeOpenAI, tagsReply } from '../ingest/hashtags/testing.ts';
import { processPendingImages } from '../ingest/images/process.ts';

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
			genreName: GENRES[show.genre].label,
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
const requestsBefore = server.requestCount;
started = performance.now();
const warm = await processPendingImages(db, options);
const warmSeconds = seconds(started);
const warmWork =
	warm.processed + warm.reused + warm.failed + (server.requestCount - requestsBefore);

// 5. What a browser fetches instead of the original poster.
const ready = await db.select().from(performanceImages);
let posterOriginal = 0;
let poster480Webp = 0;
let poster480Avif = 0;
let posterLargestAvif = 0;
for (const row of ready) {
	if (row.kind !== 'poster' || row.status !== 'ready' || row.sourceBytes === null) continue;
	const pick = (format: string, maxWidth: number): number =>
		row.variants.filter((v) => v.format === format && v.width <= maxWidth).at(-1)?.bytes ?? 0;
	posterOriginal += row.sourceBytes;
	poster480Webp += pick('webp', 480);
	poster480Avif += pick('avif', 480);
	posterLargestAvif += pick('avif', Number.POSITIVE_INFINITY);
}

// 6. Hashtags: the local tagger, then a model behind a fake API, then that again.
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
		`${cold.processed} / ${cold.reused} / ${cold.failed} (${warnings.length} warnings)`,
	],
	['pipeline warm (nothing changed)', `${warmSeconds.toFixed(2)} s, work done: ${warmWork}`],
	['bytes in → written', `${mb(cold.bytesIn)} → ${mb(cold.bytesOut)} (all variants)`],
	[
		'poster original → 480 WebP',
		`${mb(posterOriginal)} → ${mb(poster480Webp)} (${((1 - poster480Webp / posterOriginal) * 100).toFixed(0)}% saved)`,
	],
	[
		'poster original → 480 AVIF',
		`${mb(posterOriginal)} → ${mb(poster480Avif)} (${((1 - poster480Avif / posterOriginal) * 100).toFixed(0)}% saved)`,
	],
	[
		'poster original → largest AVIF',
		`${mb(posterOriginal)} → ${mb(posterLargestAvif)} (${((1 - posterLargestAvif / posterOriginal) * 100).toFixed(0)}% saved)`,
	],
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
if (warmWork !== 0 || secondTagging.calls !== 0) {
	console.error('FAIL: a rerun over unchanged data did work or made calls');
	process.exit(1);
}
