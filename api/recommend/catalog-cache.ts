/**
 * One catalogue snapshot per process. It is rebuilt when an ingest run has finished since it was
 * built (a count and a max over the small ingest_runs table, cheap enough for every request) and
 * at least every half hour, so our users' reviews and favorites reach the popularity prior.
 *
 * Only the first request waits for a build. Later rebuilds run in the background while requests
 * keep the previous snapshot: a build takes seconds at 20,000 performances, and the request that
 * happened to notice the change should not pay for it.
 */
import { count, isNotNull, max } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { ingestRuns } from '../../db/schema/ingest.ts';
import type { CatalogSnapshot } from './catalog.ts';
import { loadCatalogSnapshot } from './catalog-loader.ts';

export interface CatalogCacheOptions {
	/** Rebuild at least this often; default thirty minutes. */
	maxAgeMs?: number;
	/** Milliseconds since the epoch; tests pass a clock. */
	now?: () => number;
	/** Told when a background rebuild fails (the previous snapshot stays in use). */
	onError?: (error: unknown) => void;
}

export interface CatalogCache {
	get(): Promise<CatalogSnapshot>;
	/** Resolves once no rebuild is running (tests and benchmarks wait on it). */
	settled(): Promise<void>;
}

export const DEFAULT_MAX_AGE_MS = 30 * 60_000;

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
	// Concurrent requests share one build rather than each loading the catalogue.
	let building: Promise<CatalogSnapshot> | null = null;

	function rebuild(stamp: string): Promise<CatalogSnapshot> {
		building ??= (async () => {
			try {
				const builtAt = now();
				const snapshot = await loadCatalogSnapshot(db);
				current = { snapshot, stamp, builtAt };
				return snapshot;
			} finally {
				building = null;
			}
		})();
		return building;
	}

	return {
		async get() {
			const stamp = await ingestStamp(db);
			if (current === null) return rebuild(stamp);
			if (current.stamp !== stamp || now() - current.builtAt >= maxAgeMs) {
				rebuild(stamp).catch((error: unknown) => options.onError?.(error));
			}
			return current.snapshot;
		},
		async settled() {
			await building?.catch(() => {});
		},
	};
}
