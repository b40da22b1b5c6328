import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fakeClock } from '../testing.ts';
import {
	createFailureLog,
	createLoginThrottle,
	createTokenBuckets,
	DEFAULT_THROTTLE,
	ThrottleFullError,
} from './throttle.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Gaps between attempts: bursts, steady probing and long pauses, cut off at 24 hours. */
const attemptTimes = fc
	.array(
		fc.oneof(
			fc.integer({ min: 0, max: 2_000 }),
			fc.integer({ min: 0, max: 2 * MINUTE }),
			fc.integer({ min: 0, max: 3 * HOUR }),
		),
		{ minLength: 1, maxLength: 600 },
	)
	.map((gaps) => {
		const times: number[] = [];
		let at = 0;
		for (const gap of gaps) {
			at += gap;
			if (at > DAY) break;
			times.push(at);
		}
		return times;
	});

describe('per account', () => {
	const { accountFailures, accountWindowMs, maxKeys } = DEFAULT_THROTTLE;

	test('refuses the 11th failure within 10 minutes and allows again after the window', () => {
		const clock = fakeClock(0);
		const log = createFailureLog(accountFailures, accountWindowMs, maxKeys, clock.now);
		for (let i = 0; i < 10; i += 1) {
			expect(log.check('a@example.com').allowed).toBe(true);
			log.recordFailure('a@example.com');
			clock.advance(10_000);
		}
		const blocked = log.check('a@example.com');
		expect(blocked).toEqual({ allowed: false, retryAfterMs: 10 * MINUTE - 100_000 });
		expect(log.check('b@example.com').allowed).toBe(true);
		clock.advance(blocked.allowed ? 0 : blocked.retryAfterMs);
		expect(log.check('a@example.com').allowed).toBe(true);
	});

	test('forgets the failures after a success', () => {
		const clock = fakeClock(0);
		const throttle = createLoginThrottle(DEFAULT_THROTTLE, clock.now);
		for (let i = 0; i < 10; i += 1) throttle.recordFailure('a@example.com');
		expect(throttle.checkAccount('a@example.com').allowed).toBe(false);
		throttle.recordSuccess('a@example.com');
		expect(throttle.checkAccount('a@example.com').allowed).toBe(true);
	});

	test('lets through 60 of 3,600 hourly tries, not the 3,575 of a fixed window', () => {
		const clock = fakeClock(0);
		const log = createFailureLog(accountFailures, accountWindowMs, maxKeys, clock.now);
		let allowed = 0;
		for (let second = 0; second < 3600; second += 1) {
			if (log.check('victim@example.com').allowed) {
				allowed += 1;
				log.recordFailure('victim@example.com');
			}
			clock.advance(1000);
		}
		expect(allowed).toBe(60);
	});

	test('never allows more than 10 failures in any 10 minutes over 24 hours (property)', () => {
		fc.assert(
			fc.property(attemptTimes, (times) => {
				const clock = fakeClock(0);
				const log = createFailureLog(accountFailures, accountWindowMs, maxKeys, clock.now);
				const allowedAt: number[] = [];
				for (const at of times) {
					clock.set(at);
					if (log.check('victim').allowed) {
						allowedAt.push(at);
						log.recordFailure('victim');
					}
				}
				for (let i = 0; i < allowedAt.length; i += 1) {
					const start = allowedAt[i] ?? 0;
					const inWindow = allowedAt.filter((t) => t >= start && t < start + accountWindowMs);
					expect(inWindow.length).toBeLessThanOrEqual(accountFailures);
				}
				// Time-boxed: a quiet window always unblocks.
				clock.advance(accountWindowMs);
				expect(log.check('victim').allowed).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});

	test('keeps an account at or under 100 tries an hour from 50 addresses', () => {
		const clock = fakeClock(0);
		const throttle = createLoginThrottle(DEFAULT_THROTTLE, clock.now);
		let allowed = 0;
		// Each of 50 addresses tries every 10 seconds, well inside its own token budget.
		for (let tick = 0; tick < 360; tick += 1) {
			for (let address = 0; address < 50; address += 1) {
				if (
					throttle.checkAccount('victim').allowed &&
					throttle.takeAddressToken(`203.0.113.${address}`).allowed
				) {
					allowed += 1;
					throttle.recordFailure('victim');
				}
			}
			clock.advance(10_000);
		}
		expect(allowed).toBeLessThanOrEqual(100);
		expect(allowed).toBeGreaterThan(0);
	});
});

describe('per address', () => {
	const { addressCapacity, addressRefillMs, maxKeys } = DEFAULT_THROTTLE;

	test('refuses the 6th quick call with the time until the next token', () => {
		const clock = fakeClock(0);
		const buckets = createTokenBuckets(addressCapacity, addressRefillMs, maxKeys, clock.now);
		for (let i = 0; i < 5; i += 1) expect(buckets.take('198.51.100.7').allowed).toBe(true);
		expect(buckets.take('198.51.100.7')).toEqual({ allowed: false, retryAfterMs: 30_000 });
		expect(buckets.take('198.51.100.8').allowed).toBe(true);
		clock.advance(30_000);
		expect(buckets.take('198.51.100.7').allowed).toBe(true);
		expect(buckets.take('198.51.100.7').allowed).toBe(false);
	});

	test('lets exactly one of two calls through when one token is left', () => {
		const clock = fakeClock(0);
		const buckets = createTokenBuckets(addressCapacity, addressRefillMs, maxKeys, clock.now);
		for (let i = 0; i < 4; i += 1) buckets.take('key');
		const decisions = [buckets.take('key'), buckets.take('key')];
		expect(decisions.filter((decision) => decision.allowed)).toHaveLength(1);
	});

	test('allows at most capacity + elapsed / refill in any stretch of 24 hours (property)', () => {
		fc.assert(
			fc.property(attemptTimes, (times) => {
				const clock = fakeClock(0);
				const buckets = createTokenBuckets(addressCapacity, addressRefillMs, maxKeys, clock.now);
				const allowedAt: number[] = [];
				for (const at of times) {
					clock.set(at);
					if (buckets.take('attacker').allowed) allowedAt.push(at);
				}
				for (let i = 0; i < allowedAt.length; i += 1) {
					for (let j = i; j < allowedAt.length; j += 1) {
						const elapsed = (allowedAt[j] ?? 0) - (allowedAt[i] ?? 0);
						expect(j - i + 1).toBeLessThanOrEqual(
							addressCapacity + Math.floor(elapsed / addressRefillMs),
						);
					}
				}
			}),
			{ numRuns: 300 },
		);
	});

	test('refills nothing when the clock steps back', () => {
		const clock = fakeClock(HOUR);
		const buckets = createTokenBuckets(1, addressRefillMs, maxKeys, clock.now);
		expect(buckets.take('key').allowed).toBe(true);
		clock.set(0);
		expect(buckets.take('key').allowed).toBe(false);
		clock.set(HOUR);
		expect(buckets.take('key').allowed).toBe(false);
	});
});

describe('memory', () => {
	test('forgets recovered keys when full and fails closed when every key is active', () => {
		const clock = fakeClock(0);
		const buckets = createTokenBuckets(5, 30_000, 3, clock.now);
		for (const key of ['a', 'b', 'c']) buckets.take(key);
		expect(() => buckets.take('d')).toThrow(ThrottleFullError);
		clock.advance(5 * 30_000);
		expect(buckets.take('d').allowed).toBe(true);
		expect(buckets.size).toBe(1);

		const log = createFailureLog(10, MINUTE, 2, clock.now);
		log.recordFailure('a');
		log.recordFailure('b');
		expect(() => log.recordFailure('c')).toThrow(ThrottleFullError);
		clock.advance(MINUTE);
		log.recordFailure('c');
		expect(log.size).toBe(1);
	});
});
