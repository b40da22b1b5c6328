import { describe, expect, test } from 'vitest';
import { KopisHttpError, KopisThrottledError } from './errors.ts';
import {
	backoffDelay,
	RETRY_BASE_MS,
	RETRY_CAP_MS,
	retryAfterMs,
	THROTTLE_BASE_MS,
	THROTTLE_CAP_MS,
} from './transport.ts';

const url = 'http://127.0.0.1/x?service=k';

describe('backoffDelay', () => {
	test('grows exponentially with full jitter, capped', () => {
		const error = new KopisHttpError(url, 500);
		expect([1, 2, 3, 4].map((attempt) => backoffDelay(error, attempt, () => 1))).toEqual([
			RETRY_BASE_MS,
			RETRY_BASE_MS * 2,
			RETRY_BASE_MS * 4,
			RETRY_BASE_MS * 8,
		]);
		expect(backoffDelay(error, 20, () => 1)).toBe(RETRY_CAP_MS);
		// Full jitter may retry at once.
		expect(backoffDelay(error, 3, () => 0)).toBe(0);
	});

	test('waits at least half the throttle step, and what Retry-After says when given', () => {
		const throttled = new KopisThrottledError(url);
		expect(backoffDelay(throttled, 1, () => 0)).toBe(THROTTLE_BASE_MS / 2);
		expect(backoffDelay(throttled, 2, () => 1)).toBe(THROTTLE_BASE_MS * 2);
		expect(backoffDelay(throttled, 30, () => 1)).toBe(THROTTLE_CAP_MS);
		expect(backoffDelay(new KopisThrottledError(url, 1_500), 1, () => 0)).toBe(1_500);
		expect(backoffDelay(new KopisThrottledError(url, 10_000_000), 1, () => 0)).toBe(
			THROTTLE_CAP_MS,
		);
	});
});

describe('retryAfterMs', () => {
	const now = Date.parse('2025-09-22T00:00:00Z');
	test.each([
		[null, null],
		['', null],
		['3', 3_000],
		['0', 0],
		['Mon, 22 Sep 2025 00:00:10 GMT', 10_000],
		['Sun, 21 Sep 2025 23:00:00 GMT', 0],
		['3600', THROTTLE_CAP_MS],
		['soon', null],
	])('%j → %j', (header, expected) => {
		expect(retryAfterMs(header, now)).toBe(expected);
	});
});
