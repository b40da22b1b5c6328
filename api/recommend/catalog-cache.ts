/**
 * One catalogue snapshot per process, rebuilt when an ingest run has finished since it was built
 * (a count and a max over the small ingest_runs table, cheap enough for every request) and at
 * least every few minutes, so our users' reviews and favorites reach the popularity prior.
 */
import { count, isNotNull, max } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { ingestRuns } from '../../db/schema/ingest.ts';
import type { CatalogSnapshot } from './catalog.ts';
import { loadCatalogSnapshot } from './catalog-loader.ts';

export interface CatalogCacheOptions {
	/** Rebuild at least this often; default ten minutes. */
	maxAgeMs?: number;
	/** Milliseconds since the epoch; tests pass a clock. */
	now?: () => number;
}

export interface CatalogCache {
	get(): Promise<CatalogSnapshot>;
}

export const DEFAULT_MAX_AGE_MS = 10 * 60_000;

/** Changes whenever an ingest run finishes, successfully or not. */
async function ingestStamp(db: Database): Promise<string> {
	const [row] = await db
		.select({ runs: count(), last: max(ingestRuns.finishedAt) })
		.from(ingestRuns)
		.where(isNotNull(ingestRuns.finishedAt));
	return `${row?.runs ?? 0}:${row?.last?.getTime() ?? 0}`;
}

export function createCatalogCache(db: Database, options: CatalogCacheOptions = {}): CatalogCache {
	const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
	const now = options.now ?? Date.now;
	let current: { snapshot: CatalogSnapshot; stamp: string; builtAt: number } | null = null;
	// Concurrent requests during a rebuild share it rather than each loading the catalogue.
	let building: Promise<CatalogSnapshot> | null = null;

	async function rebuild(stamp: string): Promise<CatalogSnapshot> {
		try {
			const builtAt = now();
			const snapshot = await loadCatalogSnapshot(db);
			current = { snapshot, stamp, builtAt };
			return snapshot;
		} finally {
			building = null;
		}
	}

	return {
		async get() {
			const stamp = await ingestStamp(db);
			if (current !== null && current.stamp === stamp && now() - current.builtAt < maxAgeMs) {
				return current.snapshot;
			}
			building ??= rebuild(stamp);
			return building;
		},
	};
}
