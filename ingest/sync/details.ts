/**
 * The detail step shared by performances and venues: ask KOPIS for each id's detail (the client
 * bounds the concurrency) and merge it with the list record. A detail that fails or is missing is
 * a record problem: the list record is kept and the id is retried next run (without a list
 * record it is skipped). Too many failures are a source problem and stop the run
 * (`tolerateRecordFailures`).
 */
import type { ProgressReporter } from '../progress.ts';
import { tolerateRecordFailures } from './failures.ts';
import type { Tally } from './tally.ts';

export interface DetailFetch<List, Detail, Staged> {
	/** `performance` or `venue`: names the progress stage and every warning. */
	kind: string;
	ids: readonly string[];
	listed: ReadonlyMap<string, List>;
	fetchDetail(id: string): Promise<Detail | null>;
	/** Builds the staged record from whichever of the two there is (never both null). */
	normalize(list: List | null, detail: Detail | null): Staged;
	tally: Tally;
	progress: ProgressReporter;
}

export async function fetchDetails<List, Detail, Staged>(
	options: DetailFetch<List, Detail, Staged>,
): Promise<Staged[]> {
	const { kind, ids, listed, tally, progress } = options;
	const stage = progress.stage(`${kind} details`, ids.length);
	const failures = tolerateRecordFailures(`${kind} details`, ids.length);
	const staged: Staged[] = [];
	await Promise.all(
		ids.map(async (id) => {
			const list = listed.get(id) ?? null;
			let detail: Detail | null = null;
			try {
				detail = await options.fetchDetail(id);
				if (detail === null) throw new Error('KOPIS returned no detail');
			} catch (error) {
				failures.record(error);
				tally.failed += 1;
				progress.warn(
					`${kind} ${id}: ${error instanceof Error ? error.message : String(error)}; ${list === null ? 'skipped' : 'kept from its list data'}, retried next run`,
				);
				detail = null;
			} finally {
				stage.tick();
			}
			if (detail === null && list === null) return;
			staged.push(options.normalize(list, detail));
		}),
	);
	stage.done(`${staged.length} staged`);
	return staged;
}
