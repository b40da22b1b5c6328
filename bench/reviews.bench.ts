/**
 * The review list (50 per page, the most reviewed performance) and the favorite toggle under 50
 * connections, on the full demo catalogue with ~100,000 generated reviews, beside a bare node:http
 * server answering the same list JSON in the same run (the ratio is the figure; docs/SECURITY.md
 * G15: reads p99 < 200 ms).
 *
 * Run alone: `npx -c 'node bench/reviews.bench.ts'`. BENCH_SECONDS sets each load phase (default
 * 10); BENCH_REVIEWS the review target (default 100000). The demo ingest runs as its own process
 * (catalogue only, no posters or hashtags); autocannon runs in a worker thread so the server under
 * test keeps the main thread to itself.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { count, desc, lte } from 'drizzle-orm';
import { createApp } from '../api/app.ts';
import { sessionCookie } from '../api/testing.ts';
import { koreanToday } from '../core/korean-today.ts';
import { openDatabase } from '../db/client.ts';
import { openReadConnection } from '../db/read-connection.ts';
import { performances, reviews } from '../db/schema/index.ts';
import { DEMO_ACCOUNT, seedDemoUsers } from '../demo/audience/users.ts';
import { DEFAULT_DEMO_SEED } from '../demo/dataset/generate.ts';
import {
	type AutocannonRequest,
	closeServer,
	type LoadResult,
	portOf,
	runLoad,
} from './support/http.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TARGET_REVIEWS = Number(process.env.BENCH_REVIEWS ?? 100_000);
const CONNECTIONS = 50;
const ORIGIN = 'http://127.0.0.1';
const root = fileURLToPath(new URL('..', import.meta.url));
const today = koreanToday(Date.now());

async function load(
	url: string,
	duration: number,
	headers: Record<string, string> = {},
	requests?: AutocannonRequest[],
): Promise<LoadResult> {
	const result = await runLoad({
		url,
		duration,
		connections: CONNECTIONS,
		headers,
		...(requests === undefined ? {} : { requests }),
	});
	return { ...result, rps: Math.round(result.rps) };
}

/** The full demo catalogue through the ingest's own process and the local KOPIS server. */
function ingestDemo(databaseUrl: string, mediaDir: string): Promise<number> {
	const { KOPIS_API_KEY: _key, ...env } = process.env;
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(
			process.execPath,
			['scripts/ingest.ts', '--full', '--no-images', '--no-hashtags'],
			{
				cwd: root,
				env: { ...env, DATABASE_URL: databaseUrl, MEDIA_DIR: mediaDir, DEMO_SIZE: 'full' },
				stdio: ['ignore', 'ignore', 'inherit'],
			},
		);
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0
				? resolve((performance.now() - started) / 1000)
				: reject(new Error(`demo ingest exited ${code}`)),
		);
	});
}

const dir = mkdtempSync(join(tmpdir(), 'bench-reviews-'));
const databaseUrl = `file:${join(dir, 'bench.db')}`;
try {
	const ingestSeconds = await ingestDemo(databaseUrl, join(dir, 'media'));
	const handle = await openDatabase(databaseUrl);
	const [started] = await handle.db
		.select({ n: count() })
		.from(performances)
		.where(lte(performances.startDate, today));
	// Each generated user reviews a mean of reviewsPerUser of the shows already running.
	const reviewsPerUser = Math.min(40, Math.floor((started?.n ?? 0) / 4));
	const seedStarted = performance.now();
	const seeded = await seedDemoUsers(handle.db, {
		seed: DEFAULT_DEMO_SEED,
		today,
		users: Math.ceil(TARGET_REVIEWS / reviewsPerUser),
		reviewsPerUser,
	});
	const seedSeconds = (performance.now() - seedStarted) / 1000;
	const [top] = await handle.db
		.select({ id: reviews.performanceId, n: count() })
		.from(reviews)
		.groupBy(reviews.performanceId)
		.orderBy(desc(count()))
		.limit(1);
	if (top === undefined) throw new Error('no reviews were generated');
	console.log(
		`demo ingest ${ingestSeconds.toFixed(1)} s; ${seeded.users} users, ${seeded.reviews} reviews, ` +
			`${seeded.favorites} favorites seeded in ${seedSeconds.toFixed(1)} s; ` +
			`most reviewed ${top.id} (${top.n} reviews)`,
	);

	// As the server runs it: sessions and the review list on prepared native statements.
	const reads = openReadConnection(databaseUrl);
	const app = createApp({
		db: handle.db,
		sessionReads: reads,
		reviewReads: reads,
		siteOrigin: ORIGIN,
		secureCookies: false,
		logger: () => {},
	});
	const login = await app.request('/api/sessions', {
		method: 'POST',
		headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
		body: JSON.stringify({ email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password }),
	});
	const cookie = sessionCookie(login);
	if (login.status !== 200 || cookie === null) throw new Error(`log-in failed: ${login.status}`);

	const listPath = `/api/performances/${top.id}/reviews?perPage=50`;
	const sample = await app.request(listPath);
	if (sample.status !== 200) throw new Error(`review list answered ${sample.status}`);
	// The bare baseline answers exactly what the list answers, with no framework and no database.
	const payload = await sample.text();
	const bare = createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(payload);
	}).listen(0, '127.0.0.1');
	const api = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
	// The same app with the review list on the main client: the path remote databases take.
	const fallbackApp = createApp({
		db: handle.db,
		sessionReads: reads,
		siteOrigin: ORIGIN,
		secureCookies: false,
		logger: () => {},
	});
	const fallback = serve({ fetch: fallbackApp.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
	const bareUrl = `http://127.0.0.1:${await portOf(bare)}`;
	const apiUrl = `http://127.0.0.1:${await portOf(api)}`;
	const fallbackUrl = `http://127.0.0.1:${await portOf(fallback)}`;

	// The toggle adds and removes the demo account's favorites over 25 shows, in turn.
	const shows = await handle.db.select({ id: performances.id }).from(performances).limit(25);
	const toggles = shows.flatMap((show) => [
		{ method: 'PUT', path: `/api/favorites/${show.id}` },
		{ method: 'DELETE', path: `/api/favorites/${show.id}` },
	]);
	const writeHeaders = { cookie, origin: ORIGIN };

	// Warm up (JIT, connection pool, page cache) before measuring.
	await load(`${bareUrl}${listPath}`, 2);
	await load(`${apiUrl}${listPath}`, 2);
	await load(`${fallbackUrl}${listPath}`, 2);
	await load(apiUrl, 2, writeHeaders, toggles);
	const results = {
		'bare node:http (same JSON)': await load(`${bareUrl}${listPath}`, SECONDS),
		'GET review list, 50/page': await load(`${apiUrl}${listPath}`, SECONDS),
		'GET review list, highest': await load(`${apiUrl}${listPath}&sort=highest&page=3`, SECONDS),
		'GET review list, drizzle path': await load(`${fallbackUrl}${listPath}`, SECONDS),
		'PUT/DELETE favorite': await load(apiUrl, SECONDS, writeHeaders, toggles),
	};
	await closeServer(bare);
	await closeServer(api);
	await closeServer(fallback);
	reads?.close();
	handle.close();

	console.log(
		`${CONNECTIONS} connections, ${SECONDS} s each; list body ${(payload.length / 1024).toFixed(1)} KiB`,
	);
	console.table(results);
	const baseline = results['bare node:http (same JSON)'].rps;
	for (const [name, result] of Object.entries(results)) {
		console.log(`${name}: ${((result.rps / baseline) * 100).toFixed(1)}% of bare`);
		if (result.non2xx > 0 || result.errors > 0) {
			console.log(`WARNING: ${name} had ${result.non2xx} non-2xx and ${result.errors} errors`);
		}
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
