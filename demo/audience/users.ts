/**
 * Demo audience: generated users with reviews and favorites over the catalogue already in the
 * database (so rating summaries, sorting and recommendations show real figures), plus one demo
 * account whose login the README gives. Same seed, today and catalogue → the same rows (the
 * salted password hashes aside).
 *
 * Seeding happens once: when the demo account exists the call does nothing, so it can run after
 * every demo ingest. It refuses a database that any real KOPIS ingest has touched: an account with
 * a published password must never reach production.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { asc, eq, lte } from 'drizzle-orm';
import { createPasswordHasher } from '../../api/auth/password.ts';
import { KOREA_UTC_OFFSET_MS } from '../../core/korean-today.ts';
import type { Database } from '../../db/client.ts';
import { favorites, ingestRuns, performances, reviews, users } from '../../db/schema/index.ts';
import { dayNumber, isoDay } from '../dataset/dates.ts';
import { createRng, hashOf, itemAt, type Rng, unitOf } from '../dataset/random.ts';
import { isDemoRunSource } from '../run-source.ts';
import { demoNickname, demoReviewText } from './review-text.ts';

/** The README's demo login. Not a secret: it only ever exists in demo databases. */
export const DEMO_ACCOUNT = {
	email: 'demo@example.com',
	username: '데모관객',
	password: 'culturepedia-demo',
} as const;

export interface SeedDemoUsersOptions {
	seed: number;
	/** ISO day the demo treats as today: reviews are dated before it. */
	today: string;
	/** Generated users besides the demo account. */
	users?: number;
	/** Mean reviews per generated user (capped by the performances that have started). */
	reviewsPerUser?: number;
	/** Mean favorites per generated user. */
	favoritesPerUser?: number;
}

export interface SeedDemoUsersResult {
	users: number;
	reviews: number;
	favorites: number;
	/** True when the demo account already existed and nothing was written. */
	skipped: boolean;
}

export const DEMO_USER_DEFAULTS = { users: 150, reviewsPerUser: 12, favoritesPerUser: 6 } as const;

/** The demo account's own history, so its profile page has something to show. */
const DEMO_ACCOUNT_REVIEWS = 6;
const DEMO_ACCOUNT_FAVORITES = 4;

const HOUR_MS = 3_600_000;
/** SQLite binds at most 32,766 values per statement; reviews have 10 columns. */
const CHUNK = 2_000;

export class NotDemoDatabaseError extends Error {
	override name = 'NotDemoDatabaseError';
	constructor(sources: readonly string[]) {
		super(
			`Refusing to add demo users: the catalogue is not only from demo ingests (sources: ${sources.join(', ') || 'none'})`,
		);
	}
}

/** True when at least one demo ingest succeeded and nothing else was ever ingested. */
async function assertDemoCatalogue(db: Database): Promise<void> {
	const runs = await db
		.select({ source: ingestRuns.source, status: ingestRuns.status })
		.from(ingestRuns);
	const demoOnly = runs.every((run) => isDemoRunSource(run.source));
	if (!demoOnly || !runs.some((run) => run.status === 'succeeded')) {
		throw new NotDemoDatabaseError([...new Set(runs.map((run) => run.source))]);
	}
}

/** The same shape as api/routes/accounts.ts generateUserId (24 base32 characters), but seeded. */
function demoUserId(seed: number, n: number): string {
	const bytes = new Uint8Array(15);
	const view = new DataView(bytes.buffer);
	for (let word = 0; word < 3; word += 1) view.setUint32(word * 4, hashOf(seed, 'user', n, word));
	view.setUint16(12, hashOf(seed, 'user', n, 'tail') & 0xffff);
	bytes[14] = n & 0xff;
	return encodeBase32LowerCaseNoPadding(bytes);
}

interface Show {
	id: string;
	first: number;
	last: number;
}

/** Popular shows get most reviews: weight falls with a seeded rank, roughly as 1 / rank. */
function cumulativeWeights(seed: number, shows: readonly Show[]): number[] {
	let total = 0;
	return shows.map((show) => {
		total += 1 / (1 + 40 * unitOf(seed, 'popularity', show.id));
		return total;
	});
}

/** Up to `count` distinct shows drawn by weight (binary search on the cumulative weights). */
function drawShows(rng: Rng, shows: readonly Show[], cumulative: number[], count: number): Show[] {
	const picked = new Set<number>();
	const total = cumulative.at(-1) ?? 0;
	const wanted = Math.min(count, shows.length);
	for (let tries = 0; picked.size < wanted && tries < wanted * 20; tries += 1) {
		const target = rng.float() * total;
		let low = 0;
		let high = cumulative.length - 1;
		while (low < high) {
			const middle = (low + high) >> 1;
			if ((cumulative[middle] ?? 0) < target) low = middle + 1;
			else high = middle;
		}
		picked.add(low);
	}
	return [...picked].map((index) => itemAt(shows, index));
}

/** A show's reviews gather around its own seeded quality (2.5–4.5 stars), ±1.5 stars or so. */
function ratingFor(rng: Rng, seed: number, show: Show): number {
	const quality = 5 + 4 * unitOf(seed, 'quality', show.id);
	const noise = (rng.float() + rng.float() + rng.float() - 1.5) * 3;
	return Math.min(10, Math.max(1, Math.round(quality + noise)));
}

type ReviewRow = typeof reviews.$inferInsert;

function reviewOf(
	rng: Rng,
	seed: number,
	userId: string,
	show: Show,
	yesterday: number,
): ReviewRow {
	const seen = rng.int(show.first, Math.min(show.last, yesterday));
	const writtenDay = Math.min(seen + rng.int(0, 3), yesterday);
	// Written in the Korean afternoon or evening of that day.
	const at = new Date(writtenDay * 24 * HOUR_MS - KOREA_UTC_OFFSET_MS + rng.int(13, 23) * HOUR_MS);
	const ratingHalves = ratingFor(rng, seed, show);
	return {
		userId,
		performanceId: show.id,
		ratingHalves,
		...demoReviewText(rng, ratingHalves),
		seenOn: rng.chance(0.8) ? isoDay(seen) : null,
		createdAt: at,
		updatedAt: at,
	};
}

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let start = 0; start < rows.length; start += CHUNK) {
		await insert(rows.slice(start, start + CHUNK));
	}
}

export async function seedDemoUsers(
	db: Database,
	options: SeedDemoUsersOptions,
): Promise<SeedDemoUsersResult> {
	const { seed, today } = options;
	const settings = { ...DEMO_USER_DEFAULTS, ...options };
	const existing = await db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, DEMO_ACCOUNT.email));
	if (existing.length > 0) return { users: 0, reviews: 0, favorites: 0, skipped: true };
	await assertDemoCatalogue(db);

	const yesterday = dayNumber(today) - 1;
	const rows = await db
		.select({
			id: performances.id,
			startDate: performances.startDate,
			endDate: performances.endDate,
		})
		.from(performances)
		.where(lte(performances.startDate, today))
		.orderBy(asc(performances.id));
	const allShows = rows.map((row) => ({
		id: row.id,
		first: dayNumber(row.startDate),
		last: dayNumber(row.endDate),
	}));
	// Reviewed: shows that had started by yesterday. Favorited: anything not over yet, or seen.
	const seenShows = allShows.filter((show) => show.first <= yesterday);
	const openShows = allShows.filter((show) => show.last >= yesterday + 1);
	const seenWeights = cumulativeWeights(seed, seenShows);
	const openWeights = cumulativeWeights(seed, openShows);

	const rng = createRng(hashOf(seed, 'demo-users'));
	const createdAt = new Date((yesterday - 30) * 24 * HOUR_MS);
	const userRows: (typeof users.$inferInsert)[] = [];
	const reviewRows: ReviewRow[] = [];
	const favoriteRows: (typeof favorites.$inferInsert)[] = [];
	// The API's own hashing, so the demo login verifies like any account and is never re-hashed.
	const hasher = createPasswordHasher();
	// A hash of a random password nobody keeps: generated users exist, but cannot log in.
	const lockedHash = await hasher.hash(
		encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32))),
	);

	for (let n = 0; n <= settings.users; n += 1) {
		const isDemo = n === 0;
		const id = demoUserId(seed, n);
		userRows.push({
			id,
			email: isDemo ? DEMO_ACCOUNT.email : `audience${String(n).padStart(5, '0')}@example.com`,
			username: isDemo ? DEMO_ACCOUNT.username : demoNickname(rng, n),
			passwordHash: isDemo ? await hasher.hash(DEMO_ACCOUNT.password) : lockedHash,
			gender: rng.pick(['female', 'male', 'other', null] as const),
			birthday: rng.chance(0.6)
				? `${rng.int(1965, 2005)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`
				: null,
			createdAt,
			updatedAt: createdAt,
		});
		const reviewCount = isDemo
			? DEMO_ACCOUNT_REVIEWS
			: rng.int(1, Math.max(1, settings.reviewsPerUser * 2 - 1));
		for (const show of drawShows(rng, seenShows, seenWeights, reviewCount)) {
			reviewRows.push(reviewOf(rng, seed, id, show, yesterday));
		}
		const favoriteCount = isDemo
			? DEMO_ACCOUNT_FAVORITES
			: rng.int(0, settings.favoritesPerUser * 2);
		for (const show of drawShows(rng, openShows, openWeights, favoriteCount)) {
			favoriteRows.push({
				userId: id,
				performanceId: show.id,
				createdAt: new Date((yesterday - rng.int(0, 29)) * 24 * HOUR_MS + rng.int(0, 23) * HOUR_MS),
			});
		}
	}

	await db.transaction(async (tx) => {
		await insertChunked(userRows, (chunk) => tx.insert(users).values(chunk));
		await insertChunked(reviewRows, (chunk) => tx.insert(reviews).values(chunk));
		await insertChunked(favoriteRows, (chunk) => tx.insert(favorites).values(chunk));
	});
	return {
		users: userRows.length,
		reviews: reviewRows.length,
		favorites: favoriteRows.length,
		skipped: false,
	};
}
