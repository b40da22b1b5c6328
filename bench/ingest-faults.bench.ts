/**
 * Reliability: kill -9 the ingest at random points (20 by default, `FAULT_KILLS=100` for the
 * docs/SECURITY.md G11 figure), posters and hashtags included, then run it once more. Before every
 * run a fifth of the shows change title and poster at the source, so each run has a catalogue
 * transaction and images to interrupt. After every kill the database must pass
 * `PRAGMA integrity_check`, hold no half-written performance, and keep a user's review and
 * favorite untouched; the final run must succeed and hold the source's latest version of every
 * changed show (nothing lost). The baseline is one uninterrupted run, timed in the same run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { koreanToday } from '../core/korean-today.ts';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { favorites, performances, reviews, users } from '../db/schema/index.ts';
import {
	DEMO_SIZES,
	generateDemoDataset,
	updateDemoPerformance,
} from '../demo/dataset/generate.ts';
import { startKopisServer } from '../demo/kopis/server.ts';
import { findHalfWrittenPerformances } from '../ingest/consistency.ts';
import { defaultRange } from '../ingest/run.ts';

const KILLS = Number(process.env.FAULT_KILLS ?? 20);
const root = fileURLToPath(new URL('..', import.meta.url));
const today = koreanToday(Date.now());
const dataset = generateDemoDataset({ today, ...DEMO_SIZES.small });
const server = await startKopisServer({ dataset, apiKey: 'bench' });
const dir = mkdtempSync(join(tmpdir(), 'bench-faults-'));
const env = {
	...process.env,
	DATABASE_URL: `file:${join(dir, 'faults.db')}`,
	MEDIA_DIR: join(dir, 'media'),
	KOPIS_API_KEY: 'bench',
	KOPIS_BASE_URL: server.url,
};

/** Runs one ingest; kills it with SIGKILL after `killAfterMs` unless it ends first. */
function ingest(
	killAfterMs: number | null,
): Promise<{ code: number | null; killed: boolean; ms: number }> {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(process.execPath, ['scripts/ingest.ts', '--full'], {
			cwd: root,
			env,
			stdio: 'ignore',
		});
		let killed = false;
		const timer =
			killAfterMs === null
				? null
				: setTimeout(() => {
						killed = child.kill('SIGKILL');
					}, killAfterMs);
		child.on('exit', (code) => {
			if (timer !== null) clearTimeout(timer);
			resolve({ code, killed, ms: performance.now() - started });
		});
	});
}

async function check(label: string): Promise<void> {
	const handle = await openDatabase(env.DATABASE_URL);
	try {
		const integrity = await handle.client.execute('PRAGMA integrity_check');
		if (integrity.rows[0]?.[0] !== 'ok')
			throw new Error(`${label}: integrity_check ${integrity.rows[0]?.[0]}`);
		const half = await findHalfWrittenPerformances(handle.db);
		if (half.length > 0)
			throw new Error(`${label}: half-written performances ${half.slice(0, 5).join(', ')}`);
		const review = await handle.db
			.select()
			.from(reviews)
			.where(eq(reviews.userId, 'fault-user'))
			.get();
		const favorite = await handle.db
			.select()
			.from(favorites)
			.where(eq(favorites.userId, 'fault-user'))
			.get();
		if (review?.body !== '죽지 않는 리뷰' || favorite === undefined)
			throw new Error(`${label}: user data changed`);
	} finally {
		handle.close();
	}
}

/** The source's shows the ingest stores completely (in its window, with a detail). */
const window = defaultRange(today);
const storable = dataset.performances.filter(
	(show) =>
		show.detailFailure === null && show.endDate >= window.from && show.startDate <= window.to,
);
const originalTitles = new Map(storable.map((show) => [show.id, show.title]));

/** A fifth of the storable shows get a new title and a new poster URL at the source. */
function changeShows(round: number): void {
	for (const show of storable) {
		if (Math.random() >= 0.2) continue;
		const poster =
			show.poster.fault === null
				? { ...show.poster, path: show.poster.path.replace(/(_k\d+)?\.(\w+)$/, `_k${round}.$2`) }
				: show.poster;
		updateDemoPerformance(
			dataset,
			show.id,
			{ title: `${originalTitles.get(show.id)} (${round}차)`, poster },
			today,
		);
	}
}

/** Stored shows whose title is not the source's latest: a lost update. */
async function titlesNotCaughtUp(): Promise<string[]> {
	const handle = await openDatabase(env.DATABASE_URL);
	try {
		const stored = new Map(
			(
				await handle.db
					.select({ id: performances.id, title: performances.title })
					.from(performances)
			).map((row) => [row.id, row.title]),
		);
		return storable.filter((show) => stored.get(show.id) !== show.title).map((show) => show.id);
	} finally {
		handle.close();
	}
}

try {
	// Baseline: a clean first run, then a user with a review and a favorite.
	const first = await ingest(null);
	if (first.code !== 0) throw new Error(`the first ingest failed (${first.code})`);
	const handle = await openDatabase(env.DATABASE_URL);
	await migrateDatabase(handle.db);
	const target = await handle.db.select({ id: performances.id }).from(performances).limit(1).get();
	const now = new Date();
	await handle.db.insert(users).values({
		id: 'fault-user',
		email: 'f@example.com',
		username: 'fault',
		passwordHash: 'x',
		createdAt: now,
		updatedAt: now,
	});
	await handle.db.insert(reviews).values({
		userId: 'fault-user',
		performanceId: target?.id ?? '',
		ratingHalves: 9,
		body: '죽지 않는 리뷰',
		createdAt: now,
		updatedAt: now,
	});
	await handle.db
		.insert(favorites)
		.values({ userId: 'fault-user', performanceId: target?.id ?? '', createdAt: now });
	handle.close();
	// Each kill lands somewhere in a run with real work: changed shows to write, new posters to
	// encode (the media folder is emptied too, so even unchanged ones are made again).
	let killedMidRun = 0;
	for (let index = 0; index < KILLS; index += 1) {
		changeShows(index + 1);
		rmSync(env.MEDIA_DIR, { recursive: true, force: true });
		const delay = Math.round(Math.random() * first.ms);
		const result = await ingest(delay);
		if (result.killed) killedMidRun += 1;
		await check(`after kill ${index + 1} at ${delay} ms`);
	}
	const last = await ingest(null);
	if (last.code !== 0) throw new Error(`the run after the kills failed (${last.code})`);
	await check('after the final run');
	const lost = await titlesNotCaughtUp();
	if (lost.length > 0)
		throw new Error(`after the final run, shows without their latest title: ${lost.join(', ')}`);
	console.log(
		`baseline     one full small-demo ingest (posters, hashtags): ${(first.ms / 1000).toFixed(1)} s`,
	);
	console.log(
		`kills        ${KILLS} (kill -9 landed mid-run ${killedMidRun} times, at random points)`,
	);
	console.log(
		'after each   integrity_check ok · 0 half-written performances · review and favorite intact',
	);
	console.log(
		`changes      ${storable.length} storable shows, a fifth changed (title, poster) before each run; after the final run 0 without their latest title`,
	);
	console.log(
		`final run    succeeded in ${(last.ms / 1000).toFixed(1)} s (ratio to baseline ${(last.ms / first.ms).toFixed(2)})`,
	);
} finally {
	await server.close();
	rmSync(dir, { recursive: true, force: true });
}
