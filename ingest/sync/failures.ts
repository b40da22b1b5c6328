/**
 * One record that KOPIS cannot detail is a record problem: it is kept from its list data and
 * retried next run. Many of them at once is a source problem (KOPIS down, throttling, a broken
 * deploy): the run then fails and writes nothing, instead of degrading the whole catalogue.
 */
export class SourceFailingError extends Error {
	override name = 'SourceFailingError';
	constructor(what: string, failures: number, attempted: number, options?: ErrorOptions) {
		super(
			`${what}: ${failures} of ${attempted} requests failed; KOPIS looks unavailable, so this run stops without writing`,
			options,
		);
	}
}

/** At most this share of a stage's records may fail (and always at least MIN_TOLERATED). */
const MAX_FAILURE_SHARE = 0.2;
const MIN_TOLERATED = 10;

export function tolerateRecordFailures(
	what: string,
	total: number,
): { record(error: unknown): void } {
	const limit = Math.max(MIN_TOLERATED, Math.floor(total * MAX_FAILURE_SHARE));
	let failures = 0;
	return {
		record(error) {
			failures += 1;
			if (failures > limit) {
				throw new SourceFailingError(what, failures, total, { cause: error });
			}
		},
	};
}
