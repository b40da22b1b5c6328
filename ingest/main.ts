/**
 * `npm run ingest [-- --full | --incremental | --ids PF1,PF2] [--from D --to D] [--no-images] [--no-hashtags]`
 *
 * With KOPIS_API_KEY it pulls the real KOPIS; without, it starts the local KOPIS-compatible server
 * over the generated demo dataset and ingests through it — the same code path. Exit codes:
 * 0 succeeded, 1 the run failed (the previous data is intact), 2 bad configuration or arguments,
 * 3 another ingest holds the lock.
 */

import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isCalendarDate } from '../core/calendar.ts';
import { openDatabase } from '../db/client.ts';
import { describeEnvError } from '../db/env.ts';
import { migrateDatabase } from '../db/migrate.ts';
import type { IngestRunKind } from '../db/schema/index.ts';
import { loadIngestEnv } from './env.ts';
import { acquireLease, LockHeldError } from './lock.ts';
import { createProgressReporter } from './progress.ts';
import { runIngest } from './run.ts';
import { type KopisSource, openKopisSource } from './source.ts';
import { buildFollowUpSteps } from './steps.ts';
import { printSummary } from './summary.ts';

function parseCommandLine(argv: string[]) {
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

async function main(): Promise<number> {
	let env: ReturnType<typeof loadIngestEnv>;
	let args: ReturnType<typeof parseCommandLine>;
	try {
		env = loadIngestEnv();
		args = parseCommandLine(process.argv.slice(2));
	} catch (error) {
		if (error instanceof z.ZodError)
			console.error(`Invalid environment:\n${describeEnvError(error)}`);
		else console.error(`ingest: ${error instanceof Error ? error.message : String(error)}`);
		return 2;
	}

	const progress = createProgressReporter();
	const handle = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
	try {
		await migrateDatabase(handle.db);
		// Taken before anything starts, so a second ingest is refused at once.
		const lease = await acquireLease(handle.db);
		let source: KopisSource | undefined;
		try {
			source = await openKopisSource(env, progress);
			const result = await runIngest({
				db: handle.db,
				client: source.client,
				source: source.description,
				mode: args.mode,
				ids: args.ids,
				...(args.range === undefined ? {} : { range: args.range }),
				steps: buildFollowUpSteps(env, source, { images: args.images, hashtags: args.hashtags }),
				progress,
				lease,
			});
			printSummary(result, source.client.stats, (line) => console.log(line));
			return result.status === 'succeeded' ? 0 : 1;
		} finally {
			await source?.close();
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

process.exitCode = await main();
