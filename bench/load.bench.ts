/**
 * 200 simulated users for 60 s against the one-process product (`node scripts/start.ts`, small
 * demo): they browse (home, a genre, a performance, the search page), log in, favorite and
 * unfavorite, write and edit reviews, and read review lists. Reports requests and p50/p95/p99 per
 * kind and the 5xx count (must be 0), then checks in the database that every acknowledged (2xx)
 * review and favorite is there (zero lost writes). Baseline in the same run: a bare node:http
 * server answering the home page's bytes, driven by the same client (docs/SECURITY.md G15: reads
 * p99 < 200 ms, login p95 < 500 ms).
 *
 * Run alone: `npx -c 'node bench/load.bench.ts'`. LOAD_USERS (200), LOAD_SECONDS (60) and
 * BASELINE_SECONDS (15) change the shape. The login throttle is raised through
 * LOGIN_THROTTLE_IP_BURST because every simulated user shares 127.0.0.1; its default is unchanged.
 */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { starsFromHalves } from '../core/ratings.ts';
import { openDatabase } from '../db/client.ts';
import { performances } from '../db/schema/index.ts';
import { startProductServer } from './reliability/product-server.ts';

const USERS = Number(process.env.LOAD_USERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const BASELINE_SECONDS = Number(process.env.BASELINE_SECONDS ?? 15);
/** A user's pause between actions: 0–400 ms, so 200 users offer ~1,000 requests/s at most. */
const THINK_MS = 400;
/**
 * Logins in flight from this client. The server runs 2 argon2 hashes at once and queues 16 more,
 * answering 503 beyond that by design (api/auth/password.ts); real users do not log in in
 * lockstep, so the client spreads logins instead of measuring that refusal.
 */
const LOGIN_GATE = 12;

type Kind =
	| 'home'
	| 'genre'
	| 'detail'
	| 'search'
	| 'review-list'
	| 'login'
	| 'favorite'
	| 'review-write';

interface Stats {
	latencies: Map<string, number[]>;
	statuses: Map<string, Map<number, number>>;
	networkErrors: number;
}

function record(stats: Stats, kind: string, ms: number, status: number): void {
	const list = stats.latencies.get(kind) ?? [];
	list.push(ms);
	stats.latencies.set(kind, list);
	const counts = stats.statuses.get(kind) ?? new Map<number, number>();
	counts.set(status, (counts.get(status) ?? 0) + 1);
	stats.statuses.set(kind, counts);
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function pick<T>(items: readonly T[]): T {
	const item = items[Math.floor(Math.random() * items.length)];
	if (item === undefined) throw new Error('pick from an empty list');
	return item;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
	status: number;
	ok: boolean;
	headers: Headers;
	text: string;
}

interface Client {
	base: string;
	stats: Stats;
	request(
		kind: string,
		path: string,
		init?: { method?: string; json?: unknown; cookie?: string | null },
	): Promise<Answer | null>;
}

function client(base: string): Client {
	const stats: Stats = { latencies: new Map(), statuses: new Map(), networkErrors: 0 };
	return {
		base,
		stats,
		async request(kind, path, init = {}) {
			const method = init.method ?? 'GET';
			// Uncompressed, like the bare baseline: a real visitor's browser decompresses on its own
			// CPU, while here that work would be taken from the two cores the server runs on.
			const headers: Record<string, string> = { 'Accept-Encoding': 'identity' };
			if (method !== 'GET') headers.Origin = base;
			if (init.cookie) headers.Cookie = init.cookie;
			if (init.json !== undefined) headers['Content-Type'] = 'application/json';
			const started = performance.now();
			try {
				const res = await fetch(`${base}${path}`, {
					method,
					headers,
					...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
				});
				// The body is part of the answer's time.
				const text = await res.text();
				record(stats, kind, performance.now() - started, res.status);
				return { status: res.status, ok: res.ok, headers: res.headers, text };
			} catch {
				stats.networkErrors += 1;
				return null;
			}
		},
	};
}

function sessionCookie(res: Answer): string | null {
	for (const header of res.headers.getSetCookie()) {
		const pair = header.split(';')[0] ?? '';
		if (pair.slice(pair.indexOf('=') + 1) !== '') return pair;
	}
	return null;
}

function gate(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
	let active = 0;
	const waiting: (() => void)[] = [];
	return async (task) => {
		while (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
		active += 1;
		try {
			return await task();
		} finally {
			active -= 1;
			waiting.shift()?.();
		}
	};
}

interface User {
	email: string;
	password: string;
	userId: string;
	cookie: string | null;
	/** performance id -> favorited, as last acknowledged by the server. */
	favorites: Map<string, boolean>;
	/** performance id -> the review as last acknowledged. */
	reviews: Map<string, { id: number; ratingHalves: number; title: string }>;
}

interface Catalogue {
	pages: { home: string; search: string; genres: string[]; details: string[] };
	performanceIds: string[];
}

async function createUsers(c: Client, count: number): Promise<User[]> {
	const users: User[] = [];
	const signUp = gate(4);
	const run = Date.now().toString(36);
	await Promise.all(
		Array.from({ length: count }, (_, i) =>
			signUp(async () => {
				const email = `load-${run}-${i}@example.com`;
				const password = `부하 시험 관객 ${run} ${i}`;
				const res = await c.request('sign-up (setup)', '/api/accounts', {
					method: 'POST',
					json: { email, username: `부하${run}${i}`, password },
				});
				if (res === null || res.status !== 201) {
					throw new Error(`sign-up ${i} failed: ${res?.status ?? 'network error'}`);
				}
				const body = JSON.parse(res.text) as { user: { id: string } };
				users.push({
					email,
					password,
					userId: body.user.id,
					// Each simulated user starts logged out and logs in during the run.
					cookie: null,
					favorites: new Map(),
					reviews: new Map(),
				});
			}),
		),
	);
	return users;
}

async function act(c: Client, user: User, catalogue: Catalogue, login: ReturnType<typeof gate>) {
	const { pages, performanceIds } = catalogue;
	if (user.cookie === null) {
		const res = await login(() =>
			c.request('login', '/api/sessions', {
				method: 'POST',
				json: { email: user.email, password: user.password },
			}),
		);
		if (res?.status === 200) user.cookie = sessionCookie(res);
		return;
	}
	const roll = Math.random();
	const kind: Kind =
		roll < 0.15
			? 'home'
			: roll < 0.25
				? 'genre'
				: roll < 0.45
					? 'detail'
					: roll < 0.5
						? 'search'
						: roll < 0.7
							? 'review-list'
							: roll < 0.82
								? 'favorite'
								: roll < 0.98
									? 'review-write'
									: 'login';
	const id = pick(performanceIds);
	switch (kind) {
		case 'home':
			await c.request(kind, pages.home);
			return;
		case 'genre':
			await c.request(kind, pick(pages.genres));
			return;
		case 'detail':
			await c.request(kind, pick(pages.details));
			return;
		case 'search':
			await c.request(kind, pages.search);
			return;
		case 'review-list':
			await c.request(
				kind,
				`/api/performances/${id}/reviews?sort=${pick(['newest', 'highest', 'lowest'])}`,
				{
					cookie: user.cookie,
				},
			);
			return;
		case 'favorite': {
			const on = !(user.favorites.get(id) ?? false);
			const res = await c.request(kind, `/api/favorites/${id}`, {
				method: on ? 'PUT' : 'DELETE',
				cookie: user.cookie,
			});
			if (res?.ok) user.favorites.set(id, on);
			return;
		}
		case 'review-write': {
			const ratingHalves = 1 + Math.floor(Math.random() * 10);
			const title = `부하 시험 ${Math.random().toString(36).slice(2, 8)}`;
			const existing = user.reviews.get(id);
			const res = await c.request(
				kind,
				existing === undefined ? `/api/performances/${id}/reviews` : `/api/reviews/${existing.id}`,
				{
					method: existing === undefined ? 'POST' : 'PATCH',
					json: { rating: starsFromHalves(ratingHalves), title, body: '배우들의 호흡이 좋았다.' },
					cookie: user.cookie,
				},
			);
			if (res?.ok) {
				const reviewId =
					existing?.id ?? (JSON.parse(res.text) as { review?: { id: number } }).review?.id;
				if (reviewId !== undefined) user.reviews.set(id, { id: reviewId, ratingHalves, title });
			}
			return;
		}
		case 'login':
			// Log out and back in: a new session for the same account.
			await c.request('logout', '/api/sessions/current', { method: 'DELETE', cookie: user.cookie });
			user.cookie = null;
			return;
	}
}

async function runUsers(
	count: number,
	seconds: number,
	step: (index: number) => Promise<void>,
): Promise<void> {
	const deadline = performance.now() + seconds * 1000;
	await Promise.all(
		Array.from({ length: count }, async (_, i) => {
			// Stagger the start so 200 users do not arrive in the same millisecond.
			await sleep(Math.random() * 2000);
			while (performance.now() < deadline) {
				await step(i);
				await sleep(Math.random() * THINK_MS);
			}
		}),
	);
}

function report(title: string, stats: Stats, seconds: number): { p99: Map<string, number> } {
	console.log(`\n${title}`);
	console.log('kind            requests   req/s    p50 ms   p95 ms   p99 ms   statuses');
	const p99 = new Map<string, number>();
	for (const [kind, list] of [...stats.latencies].sort()) {
		const sorted = [...list].sort((a, b) => a - b);
		const statuses = [...(stats.statuses.get(kind) ?? [])]
			.sort()
			.map(([status, n]) => `${status}×${n}`)
			.join(' ');
		p99.set(kind, percentile(sorted, 99));
		console.log(
			`${kind.padEnd(15)} ${String(list.length).padStart(8)} ${(list.length / seconds).toFixed(1).padStart(7)} ` +
				`${percentile(sorted, 50).toFixed(1).padStart(8)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ` +
				`${percentile(sorted, 99).toFixed(1).padStart(8)}   ${statuses}`,
		);
	}
	console.log(`network errors: ${stats.networkErrors}`);
	return { p99 };
}

function countStatuses(stats: Stats, from: number, to: number): number {
	let n = 0;
	for (const counts of stats.statuses.values())
		for (const [status, times] of counts) if (status >= from && status <= to) n += times;
	return n;
}

async function discover(base: string, databaseUrl: string): Promise<Catalogue> {
	const home = await (await fetch(`${base}/`)).text();
	const genres = [
		...new Set([...home.matchAll(/href="(\/genres\/[^"/]+\/)"/g)].map((m) => m[1] ?? '')),
	];
	const handle = await openDatabase(databaseUrl);
	try {
		const rows = await handle.db.select({ id: performances.id }).from(performances);
		const performanceIds = rows.map((row) => row.id);
		if (genres.length === 0 || performanceIds.length === 0) {
			throw new Error('no genres on the home page or no performances in the database');
		}
		return {
			pages: {
				home: '/',
				search: '/search/',
				genres,
				details: performanceIds.map((id) => `/performances/${id}/`),
			},
			performanceIds,
		};
	} finally {
		handle.close();
	}
}

/** Every acknowledged write must be in the database: favorites as last set, reviews as last written. */
async function verifyWrites(
	databaseUrl: string,
	users: User[],
): Promise<{ checked: number; lost: string[] }> {
	const handle = await openDatabase(databaseUrl);
	const lost: string[] = [];
	let checked = 0;
	try {
		for (const user of users) {
			const favs = await handle.client.execute({
				sql: 'SELECT performance_id FROM favorites WHERE user_id = ?',
				args: [user.userId],
			});
			const stored = new Set(favs.rows.map((row) => String(row.performance_id)));
			for (const [id, on] of user.favorites) {
				checked += 1;
				if (stored.has(id) !== on) lost.push(`favorite ${user.userId} ${id} expected ${on}`);
			}
			const revs = await handle.client.execute({
				sql: 'SELECT id, performance_id, rating_halves, title FROM reviews WHERE user_id = ?',
				args: [user.userId],
			});
			const byPerformance = new Map(revs.rows.map((row) => [String(row.performance_id), row]));
			for (const [id, review] of user.reviews) {
				checked += 1;
				const row = byPerformance.get(id);
				if (
					row === undefined ||
					Number(row.id) !== review.id ||
					Number(row.rating_halves) !== review.ratingHalves ||
					row.title !== review.title
				) {
					lost.push(`review ${review.id} of ${user.userId} on ${id}`);
				}
			}
		}
	} finally {
		handle.close();
	}
	return { checked, lost };
}

async function baseline(page: Buffer): Promise<Stats> {
	const server: Server = createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
		res.end(page);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const c = client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
	await runUsers(USERS, BASELINE_SECONDS, async () => {
		await c.request('static page', '/');
	});
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return c.stats;
}

const server = await startProductServer('bench-load', { LOGIN_THROTTLE_IP_BURST: '1000000' });
let failed = false;
try {
	const catalogue = await discover(server.url, server.databaseUrl);
	const homeBytes = Buffer.from(await (await fetch(`${server.url}/`)).arrayBuffer());
	const c = client(server.url);
	const setupStarted = performance.now();
	const users = await createUsers(c, USERS);
	console.log(
		`${users.length} accounts signed up in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s; ` +
			`${catalogue.performanceIds.length} performances, ${catalogue.pages.genres.length} genre pages`,
	);
	c.stats.latencies.delete('sign-up (setup)');
	c.stats.statuses.delete('sign-up (setup)');
	const login = gate(LOGIN_GATE);
	await runUsers(USERS, SECONDS, (i) => act(c, users[i] as User, catalogue, login));
	const product = report(`product: ${USERS} users, ${SECONDS} s`, c.stats, SECONDS);
	const fiveHundreds = countStatuses(c.stats, 500, 599);
	// Every simulated request is a valid one: a 4xx here is a bug in the product or the bench.
	const fourHundreds = countStatuses(c.stats, 400, 499);

	const { checked, lost } = await verifyWrites(server.databaseUrl, users);
	const acked = {
		favorites: users.reduce((n, u) => n + u.favorites.size, 0),
		reviews: users.reduce((n, u) => n + u.reviews.size, 0),
	};
	console.log(
		`\nwrites: ${acked.reviews} reviews and ${acked.favorites} favorite states acknowledged; ` +
			`${checked} checked in the database, ${lost.length} lost`,
	);
	for (const line of lost.slice(0, 10)) console.log(`  lost: ${line}`);

	const base = report(
		`baseline: bare node:http, same page, ${USERS} users, ${BASELINE_SECONDS} s`,
		await baseline(homeBytes),
		BASELINE_SECONDS,
	);
	const baseP99 = base.p99.get('static page') ?? Number.NaN;
	for (const kind of ['home', 'detail', 'review-list', 'favorite', 'review-write', 'login']) {
		const p99 = product.p99.get(kind);
		if (p99 !== undefined) console.log(`${kind} p99 / bare p99: ${(p99 / baseP99).toFixed(1)}×`);
	}
	console.log(
		`5xx: ${fiveHundreds}; 4xx: ${fourHundreds}; network errors: ${c.stats.networkErrors}; ` +
			`lost writes: ${lost.length}`,
	);
	failed =
		fiveHundreds > 0 ||
		fourHundreds > 0 ||
		lost.length > 0 ||
		c.stats.networkErrors > 0 ||
		acked.reviews === 0;
} finally {
	await server.stop();
}
if (failed) {
	console.error('load: error answers, network errors or lost writes (see above)');
	process.exit(1);
}
