/** Test helpers for the ingest: a small demo KOPIS server, a fast client, and database snapshots. */

import { asc } from 'drizzle-orm';
import { koreanToday } from '../core/korean-today.ts';
import type { Database } from '../db/client.ts';
import { boxOfficeEntries, halls, performances, venues } from '../db/schema/index.ts';
import { DEMO_SIZES, type DemoDataset, generateDemoDataset } from '../demo/dataset/generate.ts';
import { type KopisServer, startKopisServer } from '../demo/kopis/server.ts';
import { createKopisClient, type KopisClient } from './kopis/client.ts';
import { silentProgress } from './progress.ts';
import { defaultRange, type IngestRunOptions } from './run.ts';

export interface TestSource {
	dataset: DemoDataset;
	server: KopisServer;
	client: KopisClient;
	today: string;
	close(): Promise<void>;
}

export async function startTestSource(): Promise<TestSource> {
	const today = koreanToday(Date.now());
	const dataset = generateDemoDataset({ today, ...DEMO_SIZES.small });
	const server = await startKopisServer({ dataset, apiKey: 'test' });
	// No pauses between retries: the tests are about outcomes, not timing.
	const client = createKopisClient({
		baseUrl: server.url,
		apiKey: 'test',
		sleep: async () => {},
		timeoutMs: 2000,
	});
	return { dataset, server, client, today, close: () => server.close() };
}

export function runOptions(
	db: Database,
	source: TestSource,
	mode: IngestRunOptions['mode'],
): IngestRunOptions {
	return { db, client: source.client, source: 'test', mode, progress: silentProgress };
}

/** The demo performances the default window lists. */
export function performancesInRange(source: TestSource): DemoDataset['performances'] {
	const { from, to } = defaultRange(source.today);
	return source.dataset.performances.filter(
		(performance) => performance.endDate >= from && performance.startDate <= to,
	);
}

/** Everything the catalogue holds, to compare before and after a run. */
export async function catalogueSnapshot(db: Database): Promise<unknown> {
	return {
		performances: await db.select().from(performances).orderBy(asc(performances.id)),
		venues: await db.select().from(venues).orderBy(asc(venues.id)),
		halls: await db.select().from(halls).orderBy(asc(halls.id)),
		boxOffice: await db.select().from(boxOfficeEntries),
	};
}
