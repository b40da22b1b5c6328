/**
 * Latency of GET /api/recommendations (issue 7 targets: p95 ≤ 50 ms on the demo dataset, ≤ 100 ms
 * with 20,000 performances and a user with 200 reviews), beside its baseline measured in the same
 * run: the bare SQL of the user's history, the one query a request cannot avoid. Also the engine
 * alone, the snapshot build that the first request after an ingest pays, and its memory.
 *
 * Requests go through the real app in process (`app.request`, session cookie and all), one at a
 * time, in interleaved rounds with the baseline so background load hits both alike.
 *
 *   npx -c 'node bench/recommend-speed.bench.ts'
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApp } from '../api/app.ts';
import { createPasswordHasher } from '../api/auth/password.ts';
import { createCatalogCache } from '../api/recommend/catalog-cache.ts';
import { loadUserHistory } from '../api/recommend/history.ts';
import { recommend } from '../api/recommend/recommend.ts';
import { insertCatalog, insertHistory, insertUser } from '../api/recommend/testing.ts';
import { newAccount, sessionCookie, TEST_ARGON2 } from '../api/testing.ts';
import { openReadConnection } from '../db/read-connection.ts';
import { createTestDatabase } from '../db/testing.ts';
import { DEFAULT_DEMO_SEED, DEMO_SIZES } from '../demo/dataset/generate.ts';
import { createRandom } from './recommend/random.ts';
import { generateUsers } from './recommend/users.ts';
import { generateWorld } from './recommend/world.ts';

// A real gc() so the snapshot's heap figure is what it retains, not garbage from building it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const ORIGIN = 'http://127.0.0.1';
const TODAY = '2026-05-01';
const ROUNDS = 5;
const PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 60);
const COMMUNITY_USERS = 300;
const HEAVY_REVIEWS = 200;
const HEAVY_FAVORITES = 20;

interface Scenario {
	name: string;
	performances: number;
	venues: number;
	targetP95: number;
}

const SCENARIOS: Scenario[] = [
	{
		name: 'demo dataset',
		performances: DEMO_SIZES.full.performances,
		venues: DEMO_SIZES.full.venues,
		targetP95: 50,
	},
	{ name: '20,000 performances', performances: 20_000, venues: 800, targetP95: 100 },
];

function percentile(values: readonly number[], share: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

async function timed(run: () => Promise<unknown> | unknown): Promise<number> {
	const started = performance.now();
	await run();
	return performance.now() - started;
}

function row(label: string, samples: readonly number[]): string {
	const figures = [0.5, 0.95, 0.99].map((share) =>
		percentile(samples, share).toFixed(2).padStart(8),
	);
	return `${label.padEnd(44)}${figures.join('')}${Math.max(...samples)
		.toFixed(2)
		.padStart(9)}`;
}

async function runScenario(scenario: Scenario): Promise<void> {
	const setupStarted = performance.now();
	const world = generateWorld({
		seed: DEFAULT_DEMO_SEED,
		performances: scenario.performances,
		venues: scenario.venues,
		today: TODAY,
	});
	const database = await createTestDatabase();
	const reads = openReadConnection(database.url);
	try {
		await insertCatalog(database.db, world.items);
		// Other users' reviews and favorites feed the community half of the popularity prior.
		const community = generateUsers(world, { seed: 7, count: COMMUNITY_USERS });
		for (const user of community) {
			await insertUser(database.db, user.id);
			await insertHistory(database.db, user.id, user.history);
		}

		const app = createApp({
			db: database.db,
			sessionReads: reads,
			siteOrigin: ORIGIN,
			secureCookies: false,
			now: () => Date.parse(`${TODAY}T03:00:00Z`),
			logger: () => {},
			passwords: createPasswordHasher({ params: TEST_ARGON2 }),
		});
		const signUp = await app.request(`${ORIGIN}/api/accounts`, {
			method: 'POST',
			headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
			body: JSON.stringify(newAccount()),
		});
		const cookie = sessionCookie(signUp);
		if (signUp.status !== 201 || cookie === null)
			throw new Error(`sign-up failed: ${signUp.status}`);
		const userId = ((await signUp.json()) as { user: { id: string } }).user.id;
		// The heavy user: 200 reviews of past shows (ratings across the scale) and 20 favorites.
		const random = createRandom(11);
		const past = world.items.filter((item) => item.endDate < TODAY);
		const current = world.items.filter((item) => item.endDate >= TODAY);
		const reviewed = past.filter(
			(_, index) => index % Math.max(1, Math.floor(past.length / HEAVY_REVIEWS)) === 0,
		);
		await insertHistory(database.db, userId, {
			reviews: reviewed.slice(0, HEAVY_REVIEWS).map((item) => ({
				performanceId: item.id,
				ratingHalves: random.int(1, 10),
			})),
			favorites: current.slice(0, HEAVY_FAVORITES).map((item) => item.id),
		});
		const setupMs = performance.now() - setupStarted;

		collectGarbage();
		const heapBefore = process.memoryUsage().heapUsed;
		const cache = createCatalogCache(database.db);
		const buildMs = await timed(() => cache.get());
		const snapshot = await cache.get();
		collectGarbage();
		const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
		const history = await loadUserHistory(database.db, userId);

		const request = (query: string) => () =>
			app.request(`${ORIGIN}/api/recommendations${query}`, { headers: { Cookie: cookie } });
		const firstMs = await timed(request('?limit=20'));
		const check = await request('?limit=20')();
		if (check.status !== 200) throw new Error(`recommendations answered ${check.status}`);

		const samples: Record<string, number[]> = {
			baseline: [],
			engine: [],
			endpoint: [],
			endpointTags: [],
		};
		for (let round = 0; round < ROUNDS; round += 1) {
			for (let index = 0; index < PER_ROUND; index += 1) {
				samples.baseline?.push(await timed(() => loadUserHistory(database.db, userId)));
				samples.engine?.push(
					await timed(() =>
						recommend(snapshot, history, { pickedTags: [], limit: 20, today: TODAY }),
					),
				);
				samples.endpoint?.push(await timed(request('?limit=20')));
				samples.endpointTags?.push(
					await timed(request(`?limit=20&tags=${encodeURIComponent('로맨틱,코믹한')}`)),
				);
			}
		}

		const candidates = snapshot.list.filter((entry) => entry.endDate >= TODAY).length;
		console.log(
			`\n${scenario.name}: ${world.items.length} performances (${candidates} not closed), ` +
				`${snapshot.features.kinds.length} features, user with ${history.reviews.length} reviews and ` +
				`${history.favorites.length} favorites; set up in ${(setupMs / 1000).toFixed(1)} s`,
		);
		console.log(
			`snapshot build (first request after an ingest): ${buildMs.toFixed(0)} ms, ~${heapMb.toFixed(0)} MB heap; ` +
				`first request of a fresh app ${firstMs.toFixed(0)} ms`,
		);
		console.log(`${'ms per request'.padEnd(44)}     p50     p95     p99      max`);
		console.log(row('baseline: bare SQL of the user’s history', samples.baseline ?? []));
		console.log(row('engine alone (recommend(), no I/O)', samples.engine ?? []));
		console.log(row('GET /api/recommendations?limit=20', samples.endpoint ?? []));
		console.log(row('GET /api/recommendations?limit=20&tags=…', samples.endpointTags ?? []));
		const p95 = Math.max(
			percentile(samples.endpoint ?? [], 0.95),
			percentile(samples.endpointTags ?? [], 0.95),
		);
		const baseP50 = percentile(samples.baseline ?? [], 0.5);
		console.log(
			`endpoint p50 = ${(percentile(samples.endpoint ?? [], 0.5) / baseP50).toFixed(1)}× the baseline's; ` +
				`p95 ${p95.toFixed(1)} ms against the ${scenario.targetP95} ms target: ` +
				`${p95 <= scenario.targetP95 ? 'within' : 'OVER'}`,
		);
	} finally {
		reads?.close();
		database.destroy();
	}
}

for (const scenario of SCENARIOS) await runScenario(scenario);
