/**
 * Fills a fresh database with the seeded catalogue, for site development and benchmarks:
 *   node site/test/seed.ts --db file:.ci-tmp/site-dev/app.db --media .ci-tmp/site-dev/media \
 *     [--performances 300] [--venues 40] [--today 2025-06-01]
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { koreanToday } from '../../core/korean-today.ts';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { seedCatalog } from './factory.ts';
import { writeSamplePosters } from './factory-media.ts';

export interface SeedDatabaseOptions {
	databaseUrl: string;
	mediaDir: string;
	performances: number;
	venues: number;
	today: string;
}

/** Replaces the database file (and its WAL) with a migrated, seeded one. */
export async function seedDatabase(options: SeedDatabaseOptions): Promise<void> {
	const path = options.databaseUrl.replace(/^file:/, '');
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
	const handle = await openDatabase(options.databaseUrl);
	try {
		await migrateDatabase(handle.db);
		const posters = await writeSamplePosters(options.mediaDir, 6);
		await seedCatalog(handle.db, {
			performances: options.performances,
			venues: options.venues,
			today: options.today,
			posters,
		});
	} finally {
		handle.close();
	}
}

if (import.meta.main) {
	const { values } = parseArgs({
		options: {
			db: { type: 'string' },
			media: { type: 'string' },
			performances: { type: 'string', default: '300' },
			venues: { type: 'string', default: '40' },
			today: { type: 'string' },
		},
	});
	if (values.db === undefined || !values.db.startsWith('file:') || values.media === undefined) {
		console.error('usage: node site/test/seed.ts --db file:PATH --media DIR [--performances N]');
		process.exit(2);
	}
	const started = performance.now();
	await seedDatabase({
		databaseUrl: values.db,
		mediaDir: values.media,
		performances: Number(values.performances),
		venues: Number(values.venues),
		today: values.today ?? koreanToday(Date.now()),
	});
	console.log(`Seeded ${values.db} in ${Math.round(performance.now() - started)} ms`);
}
