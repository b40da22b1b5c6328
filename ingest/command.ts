/**
 * The ingest as a command: `[--full | --incremental | --ids PF1,PF2] [--from D --to D]
 * [--no-images] [--no-hashtags]` against a KOPIS endpoint the caller opens. scripts/ingest.ts
 * (`npm run ingest`) is the entry point that decides which endpoint: the real KOPIS with a key,
 * the demo's local server without. Exit codes: 0 succeeded, 1 the run failed (the previous data is
 * intact), 2 bad configuration or arguments, 3 another ingest holds the lock.
 */

import { parseArgs } from 'node:util';
import { isCalendarDate } from '../core/calendar.ts';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import type { IngestRunKind } from '../db/schema/index.ts';
import type { IngestSettings } from './env.ts';
import { createKopisClient } from './kopis/client.ts';
import { acquireLease, LockHeldError } from './lock.ts';
import type { ProgressReporter } from './progress.ts';
import { runIngest } from './run.ts';
import type { KopisEndpoint } from './source.ts';
import { buildFollowUpSteps } from './steps.ts';
import { printSummary } from './summary.ts';

export interface IngestArguments {
	mode: IngestRunKind | 'auto';
	ids: string[];
	range: { from: string; to: string } | undefined;
	images: boolean;
	hashtags: boolean;
}

/** Throws an Error whose message names the bad argument. */
export function parseIngestArguments(argv: string[]): IngestArguments {
	const { values } = parseArgs({
		args: argv,
		options: {
			full: { type: 'boolean', default: false },
			incremental: { type: 'boolean', default: false },
			ids: { type: 'string' },
			from: { type: 'string' },
			to: { type: 'string' },
			'no-images': { type: 'boolean', default: false },
			'no-hashtags': { type: 'boolean', default: false },
		},
		strict: true,
	});
	const ids =
		values.ids
			?.split(',')
			.map((id) => id.trim())
			.filter((id) => id !== '') ?? [];
	if (ids.some((id) => !/^PF\d+$/.test(id))) throw new Error('--ids takes KOPIS ids like PF123456');
	if ([values.full, values.incremental, ids.length > 0].filter(Boolean).length > 1) {
		throw new Error('choose one of --full, --incremental and --ids');
	}
	for (const [name, value] of [
		['--from', values.from],
		['--to', values.to],
	] as const) {
		if (value !== undefined && !isCalendarDate(value))
			throw new Error(`${name} takes a date like 2026-11-26`);
	}
	if ((values.from === undefined) !== (values.to === undefined)) {
		throw new Error('--from and --to go together');
	}
	const mode: IngestRunKind | 'auto' =
		ids.length > 0 ? 'ids' : values.full ? 'full' : values.incremental ? 'incremental' : 'auto';
	return {
		mode,
		ids,
		range:
			values.from !== undefined && values.to !== undefined
				? { from: values.from, to: values.to }
				: undefined,
		images: !values['no-images'],
		hashtags: !values['no-hashtags'],
	};
}

export interface IngestCommandOptions {
	settings: IngestSettings;
	args: IngestArguments;
	/** Called once this ingest holds the lock, so a refused ingest starts no server. */
	openEndpoint(): Promise<KopisEndpoint>;
	progress: ProgressReporter;
}

/** Runs one ingest; resolves to the exit code (0, 1 or 3). */
export async function runIngestCommand(options: IngestCommandOptions): Promise<number> {
	const { settings, args, progress } = options;
	const handle = await openDatabase(settings.DATABASE_URL, settings.DATABASE_AUTH_TOKEN);
	try {
		await migrateDatabase(handle.db);
		// Taken before anything starts, so a second ingest is refused at once.
		const lease = await acquireLease(handle.db);
		let endpoint: KopisEndpoint | undefined;
		try {
			endpoint = await options.openEndpoint();
			const client = createKopisClient({ baseUrl: endpoint.baseUrl, apiKey: endpoint.apiKey });
			const result = await runIngest({
				db: handle.db,
				client,
				source: endpoint.description,
				mode: args.mode,
				ids: args.ids,
				...(args.range === undefined ? {} : { range: args.range }),
				steps: buildFollowUpSteps(settings, endpoint.imageHosts, {
					images: args.images,
					hashtags: args.hashtags,
				}),
				progress,
				lease,
			});
			printSummary(result, client.stats, (line) => console.log(line));
			return result.status === 'succeeded' ? 0 : 1;
		} finally {
			await endpoint?.close();
			await lease.release();
		}
	} catch (error) {
		if (error instanceof LockHeldError) {
			console.error(`ingest: ${error.message}`);
			return 3;
		}
		throw error;
	} finally {
		handle.close();
	}
}
