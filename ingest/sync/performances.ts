/**
 * Performances: walk KOPIS's list windows, fetch each listed record's detail, and stage the
 * normalised result; then apply the staged set inside the run's one write transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
	bookingLinks,
	performanceImages,
	performancePeople,
	performances,
} from '../../db/schema/index.ts';
import type { KopisClient } from '../kopis/client.ts';
import { type NormalizedPerformance, normalizePerformance } from '../kopis/normalize.ts';
import type { PerformanceListRecord } from '../kopis/records.ts';
import type { ProgressReporter } from '../progress.ts';
import { fetchDetails } from './details.ts';
import { contentHash, emptyTally, type Tally } from './tally.ts';
import { splitWindows } from './windows.ts';

/** KOPIS's maximum page size. */
const PAGE_ROWS = 100;

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface PerformanceFetchOptions {
	/** The list windows to walk; null for an ids-only run. */
	range: { from: string; to: string } | null;
	/** Incremental runs ask only for what changed on or after this ISO day. */
	afterDate: string | null;
	/** Ids to detail even when not listed: explicit ids, and records a past run could not detail. */
	extraIds: readonly string[];
	today: string;
	progress: ProgressReporter;
}

export interface StagedPerformances {
	records: NormalizedPerformance[];
	tally: Tally;
	listed: number;
}

export async function fetchPerformances(
	client: KopisClient,
	options: PerformanceFetchOptions,
): Promise<StagedPerformances> {
	const tally = emptyTally();
	const listed = new Map<string, PerformanceListRecord>();
	if (options.range !== null) {
		const windows = splitWindows(options.range.from, options.range.to);
		const stage = options.progress.stage('performance lists', windows.length);
		await Promise.all(
			windows.map(async (window) => {
				for (let page = 1; ; page += 1) {
					const result = await client.listPerformances({
						...window,
						page,
						rows: PAGE_ROWS,
						...(options.afterDate === null ? {} : { afterDate: options.afterDate }),
					});
					for (const rejected of result.rejected) {
						tally.failed += 1;
						options.progress.warn(
							`performance list record ${rejected.id ?? `#${rejected.index}`} rejected: ${rejected.reason}`,
						);
					}
					// A long run overlaps many windows: keep the first sighting.
					for (const record of result.records) {
						if (!listed.has(record.id)) listed.set(record.id, record);
					}
					if (result.records.length + result.rejected.length < PAGE_ROWS) break;
				}
				stage.tick();
			}),
		);
		stage.done(`${listed.size} performances listed`);
	}

	const ids = [...new Set([...listed.keys(), ...options.extraIds])];
	const records = await fetchDetails({
		kind: 'performance',
		ids,
		listed,
		fetchDetail: (id) => client.getPerformance(id),
		normalize: (list, detail) => normalizePerformance(list, detail, options.today),
		tally,
		progress: options.progress,
	});
	return { records, tally, listed: listed.size };
}

/** Ids whose last ingest got only the list data: the next run asks KOPIS for their detail again. */
export async function listOnlyPerformanceIds(db: Database): Promise<string[]> {
	const rows = await db
		.select({ id: performances.id })
		.from(performances)
		.where(eq(performances.detailStatus, 'list'));
	return rows.map((row) => row.id);
}

/**
 * Writes the staged performances: new ones inserted, changed ones replaced whole (row, people,
 * booking links, image sources), unchanged ones untouched. A list-only record never overwrites a
 * complete one. Performances whose venue is unknown get `venueId` null until the venue arrives.
 */
export async function applyPerformances(
	tx: Transaction,
	staged: readonly NormalizedPerformance[],
	knownVenueIds: ReadonlySet<string>,
	tally: Tally,
	now: Date,
): Promise<void> {
	const existing = new Map<string, { contentHash: string; detailStatus: string }>();
	for (let start = 0; start < staged.length; start += 500) {
		const ids = staged.slice(start, start + 500).map((record) => record.performance.id);
		const rows = await tx
			.select({
				id: performances.id,
				contentHash: performances.contentHash,
				detailStatus: performances.detailStatus,
			})
			.from(performances)
			.where(inArray(performances.id, ids));
		for (const row of rows) existing.set(row.id, row);
	}

	// New records (most of a first run) are inserted in batches; changed ones are replaced one by one.
	const fresh: { row: PerformanceRow; hash: string; record: NormalizedPerformance }[] = [];
	for (const record of staged) {
		const venueId = record.performance.venueId ?? null;
		const row = {
			...record.performance,
			venueId: venueId !== null && knownVenueIds.has(venueId) ? venueId : null,
		};
		const hash = contentHash({ ...record, performance: row });
		const previous = existing.get(row.id);
		if (previous === undefined) {
			fresh.push({ row, hash, record });
			tally.new += 1;
			continue;
		}
		if (previous.contentHash === hash) {
			tally.unchanged += 1;
			continue;
		}
		if (previous.detailStatus === 'complete' && row.detailStatus === 'list') continue;
		await tx
			.update(performances)
			.set({ ...row, contentHash: hash, updatedAt: now })
			.where(eq(performances.id, row.id));
		await tx.delete(performancePeople).where(eq(performancePeople.performanceId, row.id));
		await tx.delete(bookingLinks).where(eq(bookingLinks.performanceId, row.id));
		await insertChildren(tx, [record]);
		await applyImageSources(tx, row.id, record.images);
		tally.updated += 1;
	}
	for (const batch of chunks(fresh, 100)) {
		await tx.insert(performances).values(
			batch.map(({ row, hash }) => ({
				...row,
				contentHash: hash,
				createdAt: now,
				updatedAt: now,
			})),
		);
	}
	await insertChildren(
		tx,
		fresh.map(({ record }) => record),
	);
	const images = fresh.flatMap(({ record }) =>
		record.images.map((image) => ({
			...image,
			performanceId: record.performance.id,
			status: 'pending' as const,
		})),
	);
	for (const batch of chunks(images, 500)) await tx.insert(performanceImages).values(batch);
}

type PerformanceRow = NormalizedPerformance['performance'];

function chunks<T>(items: readonly T[], size: number): T[][] {
	const result: T[][] = [];
	for (let start = 0; start < items.length; start += size) {
		result.push(items.slice(start, start + size));
	}
	return result;
}

/** People and booking links of records whose old ones (if any) are already gone. */
async function insertChildren(
	tx: Transaction,
	records: readonly NormalizedPerformance[],
): Promise<void> {
	const people = records.flatMap((record) =>
		record.people.map((person) => ({ ...person, performanceId: record.performance.id })),
	);
	for (const batch of chunks(people, 500)) await tx.insert(performancePeople).values(batch);
	const links = records.flatMap((record) =>
		record.bookingLinks.map((link) => ({ ...link, performanceId: record.performance.id })),
	);
	for (const batch of chunks(links, 500)) await tx.insert(bookingLinks).values(batch);
}

/**
 * Keeps what the image pipeline made of a source that did not change. A changed source URL sends
 * its row back to 'pending' in place, keeping its hash and variants: the page keeps its picture
 * until the pipeline has the new one, and bytes that did not change are recognised by their hash
 * and never encoded again. New positions are added as 'pending'; positions gone are deleted.
 */
async function applyImageSources(
	tx: Transaction,
	performanceId: string,
	images: NormalizedPerformance['images'],
): Promise<void> {
	const current = await tx
		.select({
			kind: performanceImages.kind,
			position: performanceImages.position,
			sourceUrl: performanceImages.sourceUrl,
		})
		.from(performanceImages)
		.where(eq(performanceImages.performanceId, performanceId));
	const key = (kind: string, position: number): string => `${kind}:${position}`;
	const wanted = new Map(images.map((image) => [key(image.kind, image.position), image]));
	for (const row of current) {
		const image = wanted.get(key(row.kind, row.position));
		wanted.delete(key(row.kind, row.position));
		if (image !== undefined && image.sourceUrl === row.sourceUrl) continue;
		const where = and(
			eq(performanceImages.performanceId, performanceId),
			eq(performanceImages.kind, row.kind),
			eq(performanceImages.position, row.position),
		);
		if (image === undefined) await tx.delete(performanceImages).where(where);
		else
			await tx
				.update(performanceImages)
				.set({ sourceUrl: image.sourceUrl, status: 'pending', error: null })
				.where(where);
	}
	if (wanted.size > 0) {
		await tx.insert(performanceImages).values(
			[...wanted.values()].map((image) => ({
				performanceId,
				kind: image.kind,
				position: image.position,
				sourceUrl: image.sourceUrl,
				status: 'pending' as const,
			})),
		);
	}
}
