/**
 * Ingest throughput and peak memory for the full demo dataset through the local KOPIS-compatible
 * server, beside the server's raw response throughput measured in the same run (the same requests
 * fetched and discarded: the ceiling any ingest could reach here).
 *
 * The ingest runs as its own process (`node scripts/ingest.ts --full`, catalogue only: posters and
 * hashtags have their own benchmark) so its peak memory is its own. Then the "hostile night":
 * the same first ingest with posters and hashtags, against the memory and time targets.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { koreanToday } from '../core/korean-today.ts';
import { DEMO_SIZES, generateDemoDataset } from '../demo/dataset/generate.ts';
import { startKopisServer } from '../demo/kopis/server.ts';
import { ingestProcessEnv } from '../ingest/env.ts';
import { defaultRange } from '../ingest/run.ts';
import { splitWindows } from '../ingest/sync/windows.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const today = koreanToday(Date.now());
const dataset = generateDemoDataset({ today, ...DEMO_SIZES.full });
const server = await startKopisServer({ dataset, apiKey: 'bench' });
const key = 'service=bench';

/** Raw baseline: every list page, every detail, fetched with the ingest's concurrency (4). */
async function rawThroughput(): Promise<{
	seconds: number;
	requests: number;
	records: number;
	bytes: number;
}> {
	const limit = pLimit(4);
	let requests = 0;
	let bytes = 0;
	const get = async (path: string): Promise<string> => {
		const response = await fetch(`${server.url}/${path}${path.includes('?') ? '&' : '?'}${key}`);
		const text = await response.text();
		requests += 1;
		bytes += Buffer.byteLength(text);
		return text;
	};
	const started = performance.now();
	const ids = new Set<string>();
	const range = defaultRange(today);
	await Promise.all(
		splitWindows(range.from, range.to).map((window) =>
			limit(async () => {
				for (let page = 1; ; page += 1) {
					const xml = await get(
						`pblprfr?stdate=${window.startDate.replaceAll('-', '')}&eddate=${window.endDate.replaceAll('-', '')}&cpage=${page}&rows=100`,
					);
					const found = [...xml.matchAll(/<mt20id>(PF\d+)<\/mt20id>/g)].map(
						(match) => match[1] ?? '',
					);
					for (const id of found) ids.add(id);
					if (found.length < 100) break;
				}
			}),
		),
	);
	await Promise.all([...ids].map((id) => limit(() => get(`pblprfr/${id}`))));
	const venueIds = new Set(dataset.venues.map((venue) => venue.id));
	await Promise.all([...venueIds].map((id) => limit(() => get(`prfplc/${id}`))));
	return {
		seconds: (performance.now() - started) / 1000,
		requests,
		records: ids.size + venueIds.size,
		bytes,
	};
}

function runIngestProcess(
	databaseDir: string,
	args: string[],
): Promise<{ seconds: number; output: string }> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, ['scripts/ingest.ts', '--full', ...args], {
			cwd: root,
			env: {
				...ingestProcessEnv(),
				DATABASE_URL: `file:${join(databaseDir, 'bench.db')}`,
				MEDIA_DIR: join(databaseDir, 'media'),
				KOPIS_API_KEY: 'bench',
				KOPIS_BASE_URL: server.url,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk) => {
			output += chunk;
		});
		child.stderr.resume();
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0
				? resolve({ seconds: (performance.now() - started) / 1000, output })
				: reject(new Error(`ingest exited ${code}:\n${output}`)),
		);
	});
}

const peakOf = (output: string): number =>
	Number(/peak memory\s+(\d+) MiB/.exec(output)?.[1] ?? NaN);
const databaseDir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
const nightDir = mkdtempSync(join(tmpdir(), 'bench-ingest-night-'));
try {
	const raw = await rawThroughput();
	const ingest = await runIngestProcess(databaseDir, ['--no-images', '--no-hashtags']);
	const performances = /performances\s+new (\d+)/.exec(ingest.output)?.[1] ?? '0';
	const venues = /venues\s+new (\d+)/.exec(ingest.output)?.[1] ?? '0';
	const records = Number(performances) + Number(venues);
	const rawRate = raw.records / raw.seconds;
	const ingestRate = records / ingest.seconds;
	console.log(
		`demo dataset: ${dataset.performances.length} performances, ${dataset.venues.length} venues`,
	);
	console.log(
		`raw server   ${raw.requests} requests, ${(raw.bytes / 1_048_576).toFixed(1)} MiB in ${raw.seconds.toFixed(2)} s → ${rawRate.toFixed(0)} records/s`,
	);
	console.log(
		`ingest       ${records} records (incl. box office, writes, process start) in ${ingest.seconds.toFixed(2)} s → ${ingestRate.toFixed(0)} records/s, peak memory ${peakOf(ingest.output)} MiB`,
	);
	console.log(`ratio        ingest / raw = ${(ingestRate / rawRate).toFixed(2)}`);

	// The hostile night (docs/SECURITY.md G13): the whole first ingest, posters and hashtags
	// included, through the demo's faults (HTTP 500s, missing details, broken, oversized, bomb and
	// off-host images), with the server in another process so the memory is the ingest's own.
	const night = await runIngestProcess(nightDir, []);
	const nightPeak = peakOf(night.output);
	const images = /images\s+processed (\d+) · reused \d+ · failed (\d+)/.exec(night.output);
	console.log(
		`night        full ingest with ${images?.[1] ?? '?'} images (${images?.[2] ?? '?'} bad ones skipped) and hashtags in ${night.seconds.toFixed(1)} s (target < 300 s), peak memory ${nightPeak} MiB (target < 512 MiB) — ${(nightPeak / peakOf(ingest.output)).toFixed(2)}× the catalogue-only run`,
	);
} finally {
	await server.close();
	rmSync(databaseDir, { recursive: true, force: true });
	rmSync(nightDir, { recursive: true, force: true });
}
