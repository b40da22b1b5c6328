/**
 * Venues: the facility list gives the short region labels, the detail gives everything else.
 * Only venues that performances point at (by `mt10id`) are detailed, plus ones KOPIS reports as
 * changed that we already hold, so a nightly run asks for few details.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { halls, venues } from '../../db/schema/index.ts';
import type { KopisClient } from '../kopis/client.ts';
import { type NormalizedVenue, normalizeVenue } from '../kopis/normalize.ts';
import type { VenueListRecord } from '../kopis/records.ts';
import type { ProgressReporter } from '../progress.ts';
import { fetchDetails } from './details.ts';
import type { Transaction } from './performances.ts';
import { contentHash, emptyTally, type Tally } from './tally.ts';

const PAGE_ROWS = 100;

export interface VenueFetchOptions {
	/** Venue ids the staged performances point at. */
	referencedIds: ReadonlySet<string>;
	/** Venue ids already stored, with their detail status. */
	stored: ReadonlyMap<string, 'complete' | 'list'>;
	/** Incremental runs list only venues changed on or after this ISO day. */
	afterDate: string | null;
	progress: ProgressReporter;
}

export interface StagedVenues {
	records: NormalizedVenue[];
	tally: Tally;
}

export async function storedVenueStatuses(db: Database): Promise<Map<string, 'complete' | 'list'>> {
	const rows = await db.select({ id: venues.id, detailStatus: venues.detailStatus }).from(venues);
	return new Map(rows.map((row) => [row.id, row.detailStatus]));
}

export async function fetchVenues(
	client: KopisClient,
	options: VenueFetchOptions,
): Promise<StagedVenues> {
	const tally = emptyTally();
	const listed = new Map<string, VenueListRecord>();
	const listStage = options.progress.stage('venue list', null);
	for (let page = 1; ; page += 1) {
		const result = await client.listVenues({
			page,
			rows: PAGE_ROWS,
			...(options.afterDate === null ? {} : { afterDate: options.afterDate }),
		});
		for (const rejected of result.rejected) {
			tally.failed += 1;
			options.progress.warn(
				`venue list record ${rejected.id ?? `#${rejected.index}`} rejected: ${rejected.reason}`,
			);
		}
		for (const record of result.records) listed.set(record.id, record);
		listStage.tick();
		if (result.records.length + result.rejected.length < PAGE_ROWS) break;
	}
	listStage.done(`${listed.size} venues listed`);

	const wanted = new Set<string>();
	for (const id of options.referencedIds) {
		const stored = options.stored.get(id);
		// A full run (no afterDate) refreshes every referenced venue; an incremental one only the
		// new ones, the ones KOPIS reports as changed, and the ones a past run could not detail.
		if (options.afterDate === null || stored === undefined || stored === 'list') wanted.add(id);
	}
	for (const id of listed.keys()) if (options.stored.has(id)) wanted.add(id);

	const records = await fetchDetails({
		kind: 'venue',
		ids: [...wanted],
		listed,
		fetchDetail: (id) => client.getVenue(id),
		normalize: normalizeVenue,
		tally,
		progress: options.progress,
	});
	return { records, tally };
}

/** Writes staged venues and their halls; unchanged ones are untouched, list-only never overwrites a detail. */
export async function applyVenues(
	tx: Transaction,
	staged: readonly NormalizedVenue[],
	tally: Tally,
	now: Date,
): Promise<void> {
	const existing = new Map<string, { contentHash: string; detailStatus: string }>();
	for (let start = 0; start < staged.length; start += 500) {
		const ids = staged.slice(start, start + 500).map((record) => record.venue.id);
		const rows = await tx
			.select({ id: venues.id, contentHash: venues.contentHash, detailStatus: venues.detailStatus })
			.from(venues)
			.where(inArray(venues.id, ids));
		for (const row of rows) existing.set(row.id, row);
	}
	for (const record of staged) {
		const hash = contentHash(record);
		const previous = existing.get(record.venue.id);
		if (previous !== undefined) {
			if (previous.contentHash === hash) {
				tally.unchanged += 1;
				continue;
			}
			if (previous.detailStatus === 'complete' && record.venue.detailStatus === 'list') continue;
		}
		await tx
			.insert(venues)
			.values({ ...record.venue, contentHash: hash, createdAt: now, updatedAt: now })
			.onConflictDoUpdate({
				target: venues.id,
				set: { ...record.venue, contentHash: hash, updatedAt: now },
			});
		await tx.delete(halls).where(eq(halls.venueId, record.venue.id));
		if (record.halls.length > 0) {
			await tx
				.insert(halls)
				.values(record.halls.map((hall) => ({ ...hall, venueId: record.venue.id })));
		}
		if (previous === undefined) tally.new += 1;
		else tally.updated += 1;
	}
}
