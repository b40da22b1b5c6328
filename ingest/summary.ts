import type { KopisClient } from './kopis/client.ts';
import type { IngestRunResult } from './run.ts';

/** The end-of-run summary: one line per kind of work, then time, requests and the outcome. */
export function printSummary(
	result: IngestRunResult,
	stats: KopisClient['stats'],
	print: (line: string) => void,
): void {
	print('');
	print(`Ingest run #${result.runId} (${result.kind}): ${result.status}`);
	for (const [kind, figures] of Object.entries(result.counts)) {
		const parts = Object.entries(figures).map(([name, value]) => `${name} ${value}`);
		print(`  ${kind.padEnd(13)} ${parts.join(' · ')}`);
	}
	print(
		`  time          ${(result.durationMs / 1000).toFixed(1)} s · ${stats.requests} KOPIS requests (${stats.retries} retried) · ${(stats.bytes / 1_048_576).toFixed(1)} MiB`,
	);
	// maxRSS is in KiB: the peak resident memory of this process, for the benchmark and operators.
	print(`  peak memory   ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
	if (result.warnings.length > 0)
		print(`  warnings      ${result.warnings.length} (listed above and stored on the run)`);
	if (result.error !== null) print(`  error         ${result.error}`);
}
