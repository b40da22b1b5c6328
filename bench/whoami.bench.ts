/**
 * "Who am I" under load, beside a bare node:http server answering the same JSON in the same run
 * (the ratio is the figure; the target is >= 25% of bare), then the cost of one log-in and the
 * time gap between an unknown email and a wrong password (docs/SECURITY.md G7: < 5 ms).
 *
 * Run alone: `npx -c 'node bench/whoami.bench.ts'`. BENCH_SECONDS sets the load per target
 * (default 15, in 5 interleaved rounds).
 * autocannon runs in a worker thread so the server under test keeps the main thread to itself.
 */
import { createServer, type Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from '../api/app.ts';
import { ARGON2_PARAMS, createPasswordHasher } from '../api/auth/password.ts';
import { newAccount, sessionCookie } from '../api/testing.ts';
import { openReadConnection } from '../db/read-connection.ts';
import { createTestDatabase } from '../db/testing.ts';
import { closeServer, type LoadResult, portOf, runLoad } from './support/http.ts';

/** Seconds of load per target, split into interleaved rounds. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = 5;
const CONNECTIONS = 50;
const ORIGIN = 'http://127.0.0.1';

function load(port: number, cookie: string, duration: number): Promise<LoadResult> {
	return runLoad({
		url: `http://127.0.0.1:${port}/api/me`,
		duration,
		connections: CONNECTIONS,
		headers: { cookie },
	});
}

function mean(values: number[]): number {
	return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 0
		? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
		: (sorted[middle] ?? 0);
}

const database = await createTestDatabase();
const reads = openReadConnection(database.url);
try {
	const app = createApp({
		db: database.db,
		sessionReads: reads,
		siteOrigin: ORIGIN,
		secureCookies: false,
		logger: () => {},
		passwords: createPasswordHasher(),
		// The timing phase makes 400 failed log-ins from one address: lift the limits for it only.
		throttle: { accountFailures: 1_000_000, addressCapacity: 1_000_000 },
	});
	const account = newAccount();
	const signUp = await app.request('/api/accounts', {
		method: 'POST',
		headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
		body: JSON.stringify(account),
	});
	const cookie = sessionCookie(signUp);
	if (signUp.status !== 201 || cookie === null) throw new Error(`sign-up failed: ${signUp.status}`);
	const body = (await signUp.json()) as unknown;

	// The bare baseline answers exactly what /api/me answers, with no framework and no database.
	const payload = JSON.stringify(body);
	const bare = createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(payload);
	}).listen(0, '127.0.0.1');
	const api = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
	// The same app without the read connection: the path a remote (Turso/sqld) database takes.
	const viaDrizzle = createApp({
		db: database.db,
		siteOrigin: ORIGIN,
		secureCookies: false,
		logger: () => {},
	});
	const drizzleApi = serve({ fetch: viaDrizzle.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
	const targets = {
		'bare node:http': await portOf(bare),
		'GET /api/me (read connection)': await portOf(api),
		'GET /api/me (drizzle, remote path)': await portOf(drizzleApi),
	};

	// Warm each up (JIT, connection pool, page cache), then measure in interleaved rounds so
	// that background load on a shared machine hits every target alike; ratios are per round.
	for (const port of Object.values(targets)) await load(port, cookie, 2);
	const results: Record<string, LoadResult[]> = Object.fromEntries(
		Object.keys(targets).map((name) => [name, []]),
	);
	for (let round = 0; round < ROUNDS; round += 1) {
		for (const [name, port] of Object.entries(targets)) {
			results[name]?.push(await load(port, cookie, SECONDS / ROUNDS));
		}
	}
	await Promise.all([closeServer(bare), closeServer(api), closeServer(drizzleApi)]);

	const bareRuns = results['bare node:http'] ?? [];
	const summary: Record<string, Record<string, number>> = {};
	for (const [name, runs] of Object.entries(results)) {
		summary[name] = {
			'req/s (median)': Math.round(median(runs.map((run) => run.rps))),
			'p99 ms (median)': median(runs.map((run) => run.p99)),
			'ratio to bare (median of rounds)': Number(
				median(runs.map((run, i) => run.rps / (bareRuns[i]?.rps ?? Number.NaN))).toFixed(3),
			),
			'non-2xx': runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0),
		};
	}
	console.log(
		`who am I, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS / ROUNDS} s each:`,
	);
	console.table(summary);
	const ratio = summary['GET /api/me (read connection)']?.['ratio to bare (median of rounds)'] ?? 0;
	console.log(`who am I at ${(ratio * 100).toFixed(1)}% of bare node:http (target >= 25%)`);

	// One log-in end to end (argon2id at docs/SECURITY.md's parameters, session insert, cookie).
	const hasher = createPasswordHasher();
	const storedHash = await hasher.hash(account.password);
	const verifyTimes: number[] = [];
	for (let i = 0; i < 20; i += 1) {
		const start = performance.now();
		await hasher.verify(storedHash, account.password);
		verifyTimes.push(performance.now() - start);
	}
	const loginTimes: number[] = [];
	for (let i = 0; i < 20; i += 1) {
		const start = performance.now();
		const res = await app.request('/api/sessions', {
			method: 'POST',
			headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
			body: JSON.stringify({ email: account.email, password: account.password }),
		});
		loginTimes.push(performance.now() - start);
		if (res.status !== 200) throw new Error(`log-in failed: ${res.status}`);
	}
	console.log(
		`argon2id m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}: ` +
			`verify median ${median(verifyTimes).toFixed(1)} ms; whole log-in median ${median(loginTimes).toFixed(1)} ms`,
	);

	// Unknown email vs wrong password, interleaved so drift hits both alike.
	const unknown: number[] = [];
	const wrong: number[] = [];
	for (let i = 0; i < 200; i += 1) {
		for (const [email, times] of [
			[`nobody${i}@example.com`, unknown],
			[account.email, wrong],
		] as const) {
			const start = performance.now();
			const res = await app.request('/api/sessions', {
				method: 'POST',
				headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
				body: JSON.stringify({ email, password: 'not the password at all' }),
			});
			times.push(performance.now() - start);
			if (res.status !== 401) throw new Error(`expected 401, got ${res.status}`);
		}
	}
	const gapMedian = median(wrong) - median(unknown);
	const gapMean = mean(wrong) - mean(unknown);
	console.log(
		`failed log-in, 200+200: unknown email median ${median(unknown).toFixed(2)} ms, ` +
			`wrong password ${median(wrong).toFixed(2)} ms; gap median ${gapMedian.toFixed(2)} ms, ` +
			`mean ${gapMean.toFixed(2)} ms (target < 5 ms)`,
	);
} finally {
	reads?.close();
	database.destroy();
}
