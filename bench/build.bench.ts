/**
 * Site build benchmark (issue 4 budgets). For the demo dataset and a 20,000-performance catalogue
 * (a larger demo dataset through the real ingest: bench/support/large-demo.ts) it measures
 * `astro build` and the Pagefind step (time, pages/s, peak memory of the process tree), the index
 * with and without the Korean partial-word terms, the JavaScript a performance page ships and the
 * bytes of a first search in Chromium. Baseline, measured in the same run: Astro building the
 * same number of trivial pages.
 *
 *   node bench/build.bench.ts [--only demo|20k] [--fresh]
 *
 * Datasets are prepared under .ci-tmp/bench-build/ and reused by later runs unless --fresh.
 * BENCH_DEMO_SIZE=small|full picks the demo (default full, what `npm start` serves).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.ts';
import { SEARCH_BUNDLE, SORTED_SEARCH_BUNDLE } from '../site/lib/search/bundles.ts';
import { normalizeQuery } from '../site/lib/search/korean-query.ts';
import {
	firstSearchTransfer,
	pageScriptTransfer,
	type Transfer,
} from '../site/test/first-search.ts';
import { loadPagefindInNode } from '../site/test/pagefind-node.ts';
import { measure } from '../site/test/process-tree.ts';
import { startStaticServer } from '../site/test/static-server.ts';
import { writeTrivialSite } from '../site/test/trivial-site.ts';
import { ingestLargeDemo } from './support/large-demo.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.ci-tmp', 'bench-build');
const node = process.execPath;
const MB = 1024 * 1024;

const BUDGET = {
	detailScriptBytes: 30 * 1024,
	firstSearchBytes: { demo: 150 * 1024, '20k': 250 * 1024 } as Record<string, number>,
	rateShareOfTrivial: 1 / 3,
	astroPeakBytes: 1.5 * 1024 * MB,
	pagefindPeakBytes: 2.5 * 1024 * MB,
};

interface Dataset {
	name: 'demo' | '20k';
	dir: string;
	env: NodeJS.ProcessEnv;
}

interface Figures {
	dataset: Dataset;
	pages: number;
	performances: number;
	astro: { seconds: number; cpuSeconds: number; peakBytes: number };
	index: {
		seconds: number;
		cpuSeconds: number;
		peakBytes: number;
		bytes: number;
		sortedBytes: number;
		plainBytes: number;
	};
	/** Node-measured bytes of the same queries against the index with and without Korean terms. */
	nodeSearch: { queries: string[]; withTerms: number; plain: number };
	firstSearch: Transfer;
	firstSortedBrowse: Transfer;
	detailScripts: Transfer;
}

function datasetEnv(dir: string): NodeJS.ProcessEnv {
	return {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		DATABASE_URL: `file:${join(dir, 'app.db')}`,
		MEDIA_DIR: join(dir, 'media'),
		SITE_URL: 'http://127.0.0.1:4321',
		NODE_ENV: 'production',
	};
}

async function prepare(name: Dataset['name'], fresh: boolean): Promise<Dataset> {
	const dir = join(work, name);
	const env = datasetEnv(dir);
	if (fresh) await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	if (existsSync(join(dir, 'app.db'))) {
		console.log(`${name}: reusing the dataset in ${dir}`);
		return { name, dir, env };
	}
	const started = performance.now();
	if (name === 'demo') {
		const size = process.env.BENCH_DEMO_SIZE ?? 'full';
		await measure(node, ['scripts/ingest.ts'], { cwd: root, env: { ...env, DEMO_SIZE: size } });
	} else {
		const performances = await ingestLargeDemo({
			databaseUrl: String(env.DATABASE_URL),
			mediaDir: String(env.MEDIA_DIR),
			performances: 20_000,
			venues: 800,
			users: 2_000,
		});
		console.log(`${name}: ${performances} performances ingested`);
	}
	console.log(
		`${name}: dataset prepared in ${((performance.now() - started) / 1000).toFixed(0)} s`,
	);
	return { name, dir, env };
}

async function countPages(dir: string): Promise<number> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((entry) => entry.isFile() && entry.name === 'index.html').length;
}

async function directoryBytes(dir: string): Promise<number> {
	let total = 0;
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
	}
	return total;
}

interface Samples {
	actor: string;
	/** A word from the middle of a title. */
	title: string;
	/** The last three syllables of a venue name. */
	venue: string;
	detailPath: string;
}

/** Queries and a performance page to exercise search and scripts with. */
async function samples(dataset: Dataset): Promise<Samples> {
	const handle = await openDatabase(String(dataset.env.DATABASE_URL));
	try {
		const result = await handle.client.execute(
			"SELECT p.id, p.title, p.venue_name, pp.name FROM performance_people pp JOIN performances p ON p.id = pp.performance_id WHERE pp.role = 'cast' ORDER BY p.id LIMIT 1",
		);
		const [row] = result.rows;
		if (row === undefined) throw new Error(`${dataset.name} has no cast`);
		const titleWords = String(row.title).split(/\s+/);
		return {
			actor: String(row.name),
			title: titleWords[Math.floor(titleWords.length / 2)] ?? String(row.title),
			venue: [...String(row.venue_name).replace(/\s/g, '')].slice(-3).join(''),
			detailPath: `/performances/${row.id}/`,
		};
	} finally {
		handle.close();
	}
}

async function buildAndMeasure(dataset: Dataset): Promise<Figures> {
	const out = join(dataset.dir, 'dist');
	const client = join(out, 'client');
	await rm(out, { recursive: true, force: true });
	const options = { cwd: root, env: dataset.env };
	console.log(`${dataset.name}: astro build…`);
	const astro = await measure(
		node,
		['scripts/build-site.ts', '--out', out, '--step', 'astro'],
		options,
	);
	console.log(`${dataset.name}: search index…`);
	const index = await measure(
		node,
		['scripts/build-site.ts', '--out', out, '--step', 'index'],
		options,
	);
	const plainDir = join(dataset.dir, 'pagefind-plain');
	await measure(
		node,
		[
			'--input-type=module',
			'-e',
			`import { indexSite } from ${JSON.stringify(join(root, 'site/lib/search/index-site.ts'))};
			 await indexSite({ clientDir: ${JSON.stringify(client)}, outputPath: ${JSON.stringify(plainDir)}, koreanTerms: false, sortKeys: false });`,
		],
		options,
	);
	const { actor, title, venue, detailPath } = await samples(dataset);
	const queries = [actor, title, venue];
	/** Bytes a fresh visitor fetches for each query (first 12 results), summed over the queries. */
	const nodeTransfer = async (bundle: string): Promise<number> => {
		let total = 0;
		for (const query of queries) {
			const pagefind = await loadPagefindInNode(bundle);
			try {
				const { results } = await pagefind.search(normalizeQuery(query));
				await Promise.all(results.slice(0, 12).map((result) => result.data()));
				total += pagefind.transferred();
			} finally {
				pagefind.close();
			}
		}
		return total;
	};
	const server = await startStaticServer({
		clientDir: client,
		mediaDir: String(dataset.env.MEDIA_DIR),
	});
	try {
		return {
			dataset,
			pages: await countPages(client),
			performances: (await readdir(join(client, 'performances'))).length,
			astro,
			index: {
				...index,
				bytes: await directoryBytes(join(client, SEARCH_BUNDLE)),
				sortedBytes: await directoryBytes(join(client, SORTED_SEARCH_BUNDLE)),
				plainBytes: await directoryBytes(plainDir),
			},
			nodeSearch: {
				queries,
				withTerms: await nodeTransfer(join(client, SEARCH_BUNDLE)),
				plain: await nodeTransfer(plainDir),
			},
			firstSearch: await firstSearchTransfer(server.url, { query: actor }),
			firstSortedBrowse: await firstSearchTransfer(server.url, { sort: 'end-asc' }),
			detailScripts: await pageScriptTransfer(server.url, detailPath),
		};
	} finally {
		await server.close();
	}
}

interface Baseline {
	pages: number;
	seconds: number;
	cpuSeconds: number;
	peakBytes: number;
}

async function trivialBaseline(pages: number): Promise<Baseline> {
	const dir = join(work, 'trivial');
	await writeTrivialSite(dir, pages);
	console.log(`baseline: astro build of ${pages} trivial pages…`);
	const measured = await measure(
		node,
		[join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', dir],
		{ cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME } },
	);
	return { pages, ...measured };
}

/** Pages per second of wall time, and per second of CPU time (steadier on a shared machine). */
function rates(pages: number, run: { seconds: number; cpuSeconds: number }): string {
	return `${(pages / run.seconds).toFixed(0)} pages/s (${(pages / run.cpuSeconds).toFixed(0)} per CPU-second)`;
}

function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} KB`;
}

function mb(bytes: number): string {
	return `${(bytes / MB).toFixed(0)} MB`;
}

function check(label: string, ok: boolean, detail: string): boolean {
	console.log(`  ${ok ? 'ok  ' : 'OVER'} ${label}: ${detail}`);
	return ok;
}

function report(figures: Figures, baseline: Baseline | null): boolean {
	const { dataset, pages, astro, index } = figures;
	console.log(`\n${dataset.name}: ${figures.performances} performances, ${pages} pages`);
	console.log(
		`  astro build   ${astro.seconds.toFixed(1)} s, ${astro.cpuSeconds.toFixed(1)} CPU-s, ${rates(pages, astro)}, peak ${mb(astro.peakBytes)}`,
	);
	console.log(
		`  pagefind      ${index.seconds.toFixed(1)} s, ${index.cpuSeconds.toFixed(1)} CPU-s for both bundles, ${rates(figures.performances, index)}, peak ${mb(index.peakBytes)}`,
	);
	console.log(
		`  index size    ${mb(index.bytes)} with Korean terms, ${mb(index.plainBytes)} without (×${(index.bytes / index.plainBytes).toFixed(2)}); sorted bundle ${mb(index.sortedBytes)}`,
	);
	console.log(
		`  Korean terms  ${kb(figures.nodeSearch.withTerms)} with, ${kb(figures.nodeSearch.plain)} without: bytes of 3 first searches (${figures.nodeSearch.queries.join(' / ')}; Node, pagefind.js uncompressed)`,
	);
	const pagefindBytes = (transfer: Transfer): number =>
		transfer.requests
			.filter((request) => new URL(request.url).pathname.startsWith('/pagefind'))
			.reduce((sum, request) => sum + request.bytes, 0);
	console.log(
		`  first search  ${kb(figures.firstSearch.bytes)} on the wire in ${figures.firstSearch.requests.length} requests (Pagefind ${kb(pagefindBytes(figures.firstSearch))}, the rest result thumbnails)`,
	);
	for (const request of figures.firstSearch.requests) {
		const path = new URL(request.url).pathname;
		if (path.startsWith('/pagefind'))
			console.log(`      ${kb(request.bytes).padStart(9)}  ${path}`);
	}
	console.log(
		`  sorted browse ${kb(figures.firstSortedBrowse.bytes)} on the wire when a first visit picks a sort order (Pagefind ${kb(pagefindBytes(figures.firstSortedBrowse))})`,
	);
	let ok = true;
	ok =
		check(
			'detail page JavaScript ≤ 30 KB',
			figures.detailScripts.bytes <= BUDGET.detailScriptBytes,
			kb(figures.detailScripts.bytes),
		) && ok;
	const searchBudget = BUDGET.firstSearchBytes[dataset.name] ?? 0;
	ok =
		check(
			`first search ≤ ${kb(searchBudget)}`,
			figures.firstSearch.bytes <= searchBudget,
			kb(figures.firstSearch.bytes),
		) && ok;
	if (dataset.name === '20k') {
		ok =
			check(
				'astro build peak < 1.5 GB',
				astro.peakBytes < BUDGET.astroPeakBytes,
				mb(astro.peakBytes),
			) && ok;
		ok =
			check(
				'pagefind peak < 2.5 GB',
				index.peakBytes < BUDGET.pagefindPeakBytes,
				mb(index.peakBytes),
			) && ok;
		if (baseline !== null) {
			// Judged on CPU time: wall time on a shared machine mostly measures the neighbours.
			const cpuShare = pages / astro.cpuSeconds / (baseline.pages / baseline.cpuSeconds);
			const wallShare = pages / astro.seconds / (baseline.pages / baseline.seconds);
			ok =
				check(
					'rate ≥ 1/3 of the trivial rate',
					cpuShare >= BUDGET.rateShareOfTrivial,
					`${(cpuShare * 100).toFixed(0)}% per CPU-second (${(wallShare * 100).toFixed(0)}% by wall time)`,
				) && ok;
		}
	}
	return ok;
}

const { values } = parseArgs({
	options: { only: { type: 'string' }, fresh: { type: 'boolean', default: false } },
});
const names = (values.only === undefined ? ['demo', '20k'] : [values.only]) as Dataset['name'][];
await mkdir(work, { recursive: true });
const results: Figures[] = [];
for (const name of names) results.push(await buildAndMeasure(await prepare(name, values.fresh)));
const largest = results.at(-1);
const baseline = largest === undefined ? null : await trivialBaseline(largest.pages);
if (baseline !== null) {
	console.log(
		`\nbaseline: ${baseline.pages} trivial pages in ${baseline.seconds.toFixed(1)} s, ${baseline.cpuSeconds.toFixed(1)} CPU-s, ${rates(baseline.pages, baseline)}, peak ${mb(baseline.peakBytes)}`,
	);
}
let allOk = true;
for (const figures of results) {
	allOk = report(figures, figures === largest ? baseline : null) && allOk;
}
process.exit(allOk ? 0 : 1);
