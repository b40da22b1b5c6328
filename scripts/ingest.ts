/**
 * `npm run ingest [-- --full | --incremental | --ids PF1,PF2] [--from D --to D] [--no-images] [--no-hashtags]`
 *
 * With KOPIS_API_KEY it pulls the real KOPIS; without, it starts the demo's KOPIS-compatible
 * server over the generated demo dataset and ingests through it — the same code path. Exit codes
 * (ingest/command.ts): 0 succeeded, 1 the run failed (the previous data is intact), 2 bad
 * configuration or arguments, 3 another ingest holds the lock.
 */
import { parseSettings, type Settings, SettingsError } from '../db/settings.ts';
import { type IngestArguments, parseIngestArguments, runIngestCommand } from '../ingest/command.ts';
import { createProgressReporter } from '../ingest/progress.ts';
import { kopisEndpoint } from '../ingest/source.ts';
import { openDemoEndpoint } from './demo-endpoint.ts';
import { ingestCommandSettings } from './settings.ts';

async function main(): Promise<number> {
	let settings: Settings<typeof ingestCommandSettings>;
	let args: IngestArguments;
	try {
		settings = parseSettings(ingestCommandSettings);
		args = parseIngestArguments(process.argv.slice(2));
	} catch (error) {
		if (error instanceof SettingsError) console.error(error.message);
		else console.error(`ingest: ${error instanceof Error ? error.message : String(error)}`);
		return 2;
	}
	const progress = createProgressReporter();
	const apiKey = settings.KOPIS_API_KEY;
	return runIngestCommand({
		settings,
		args,
		progress,
		openEndpoint: async () =>
			apiKey === undefined
				? openDemoEndpoint(settings, progress)
				: kopisEndpoint(apiKey, settings.KOPIS_BASE_URL),
	});
}

process.exitCode = await main();
