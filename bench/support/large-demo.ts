/**
 * A catalogue of any size for the build benchmark, made the way a real one arrives: a demo dataset
 * sized so that the wanted number of performances fall in the ingest's window, served by the demo
 * KOPIS server and ingested by the real ingest command, hashtags included, then the demo audience
 * on top, scaled to the catalogue.
 *
 * Posters stay unprocessed (pages show their placeholder): at about 18 images a second here, the
 * 31,000 posters and intro images of 20,000 performances would take half an hour, against about
 * two minutes for all the rest. The demo dataset's build measures pages with posters.
 */

import { koreanToday } from '../../core/korean-today.ts';
import { openDatabase } from '../../db/client.ts';
import { parseSettings } from '../../db/settings.ts';
import { seedDemoUsers } from '../../demo/audience/users.ts';
import {
	DEFAULT_DEMO_SEED,
	type DemoDataset,
	generateDemoDataset,
} from '../../demo/dataset/generate.ts';
import { startKopisServer } from '../../demo/kopis/server.ts';
import { parseIngestArguments, runIngestCommand } from '../../ingest/command.ts';
import { ingestSettings } from '../../ingest/env.ts';
import { createProgressReporter } from '../../ingest/progress.ts';
import { defaultRange } from '../../ingest/run.ts';
import { demoEndpoint } from '../../scripts/demo-endpoint.ts';

export interface LargeDemoOptions {
	databaseUrl: string;
	mediaDir: string;
	/** Performances the catalogue should hold (within a percent or so). */
	performances: number;
	venues: number;
	/** Audience members; each reviews about 12 shows and favorites about 6. */
	users: number;
}

function inWindow(dataset: DemoDataset, today: string): number {
	const { from, to } = defaultRange(today);
	return dataset.performances.filter((p) => p.endDate >= from && p.startDate <= to).length;
}

/** Generates twice: once to learn the share in the window, once at the size that gives `wanted`. */
function sizedDataset(wanted: number, venues: number, today: string): DemoDataset {
	const probe = generateDemoDataset({ today, performances: wanted, venues });
	const size = Math.ceil((wanted * wanted) / inWindow(probe, today));
	return generateDemoDataset({ today, performances: size, venues });
}

/** Returns how many performances the catalogue holds. */
export async function ingestLargeDemo(options: LargeDemoOptions): Promise<number> {
	const today = koreanToday(Date.now());
	const dataset = sizedDataset(options.performances, options.venues, today);
	const server = await startKopisServer({ dataset });
	try {
		const code = await runIngestCommand({
			settings: parseSettings(ingestSettings, {
				DATABASE_URL: options.databaseUrl,
				MEDIA_DIR: options.mediaDir,
			}),
			args: parseIngestArguments(['--full', '--no-images']),
			progress: createProgressReporter(),
			openEndpoint: async () => demoEndpoint(server.url, `${options.performances}`, async () => {}),
		});
		if (code !== 0) throw new Error(`the ingest of the large demo exited with ${code}`);
	} finally {
		await server.close();
	}
	const handle = await openDatabase(options.databaseUrl);
	try {
		await seedDemoUsers(handle.db, { seed: DEFAULT_DEMO_SEED, today, users: options.users });
		const rows = await handle.client.execute('SELECT count(*) AS n FROM performances');
		return Number(rows.rows[0]?.n);
	} finally {
		handle.close();
	}
}
