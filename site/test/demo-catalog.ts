/**
 * The small demo catalogue for site tests that read the database: the demo dataset ingested through
 * the real ingest from the demo KOPIS server (catalogue only: posters stay pending), with the demo
 * audience's reviews and favorites. Ingested once per test file into a template; each test gets
 * its own copy.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupDatabase } from '../../db/backup.ts';
import { openDatabase } from '../../db/client.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { seedDemoUsers } from '../../demo/audience/users.ts';
import { DEFAULT_DEMO_SEED, DEMO_LANDMARKS } from '../../demo/dataset/generate.ts';
import { demoRunSource } from '../../demo/run-source.ts';
import { runIngest } from '../../ingest/run.ts';
import { runOptions, startTestSource } from '../../ingest/testing.ts';

export interface DemoCatalog {
	/** The day the dataset was generated for and ingested on. */
	today: string;
	/** Ids of the demo's landmark records (demo/dataset/landmarks.ts). */
	landmarks: { manyCast: string; noCast: string; venueWithHalls: string };
	/** A fresh copy of the ingested database, deleted by its `destroy()`. */
	copy(): Promise<TestDatabase>;
	/** Removes the template. */
	destroy(): void;
}

export async function ingestDemoCatalog(): Promise<DemoCatalog> {
	const dir = mkdtempSync(join(tmpdir(), 'culturepedia-demo-catalog-'));
	const template = join(dir, 'template.db');
	const source = await startTestSource();
	const database = await createTestDatabase();
	try {
		const run = await runIngest({
			...runOptions(database.db, source, 'full'),
			source: demoRunSource('small'),
		});
		if (run.status !== 'succeeded') throw new Error(`the demo ingest failed: ${run.error}`);
		await seedDemoUsers(database.db, { seed: DEFAULT_DEMO_SEED, today: source.today });
		await backupDatabase(database.url, template);
	} finally {
		database.destroy();
		await source.close();
	}
	const titled = (title: string) => {
		const found = source.dataset.performances.find((performance) => performance.title === title);
		if (found === undefined) throw new Error(`the demo has no "${title}"`);
		return found;
	};
	const manyCast = titled(DEMO_LANDMARKS.title);
	return {
		today: source.today,
		landmarks: {
			manyCast: manyCast.id,
			noCast: titled(DEMO_LANDMARKS.noCastTitle).id,
			venueWithHalls: manyCast.venueId,
		},
		async copy() {
			const copyDir = mkdtempSync(join(tmpdir(), 'culturepedia-db-'));
			const url = `file:${join(copyDir, 'test.db')}`;
			copyFileSync(template, join(copyDir, 'test.db'));
			const handle = await openDatabase(url);
			return {
				...handle,
				url,
				dir: copyDir,
				destroy() {
					handle.close();
					rmSync(copyDir, { recursive: true, force: true });
				},
			};
		},
		destroy() {
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
