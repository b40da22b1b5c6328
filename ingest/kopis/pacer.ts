/**
 * Request spacing shared by every call of one client: each request start is booked one interval
 * after the previous booking, so bursts from concurrent callers are smoothed to the rate KOPIS
 * tolerates (projects report being blocked above ~10 calls/s).
 */
export interface Pacer {
	/** Resolves when the caller may send its request. */
	wait(): Promise<void>;
}

export function createPacer(
	requestsPerSecond: number | null,
	now: () => number,
	sleep: (ms: number) => Promise<void>,
): Pacer {
	if (requestsPerSecond === null || !(requestsPerSecond > 0) || requestsPerSecond === Infinity) {
		return { wait: async () => {} };
	}
	const interval = 1000 / requestsPerSecond;
	let nextStart = Number.NEGATIVE_INFINITY;
	return {
		async wait() {
			const current = now();
			// Booked synchronously, before any await, so concurrent callers get distinct slots.
			const start = Math.max(current, nextStart);
			nextStart = start + interval;
			if (start > current) await sleep(start - current);
		},
	};
}
