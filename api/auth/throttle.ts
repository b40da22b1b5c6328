/**
 * Login throttling (docs/SECURITY.md): per account, 10 failures in any 10 minutes block further
 * tries until the oldest failure leaves the window (reset on success); per client address, every
 * argon2 call takes a token from a bucket of 5 refilled one per 30 s. Both answer 429 with
 * Retry-After.
 *
 * The Lucia example's fixed-window counters forget a block after one window and let 3,575 of
 * 3,600 hourly tries through; a sliding log and a continuous bucket cannot, and throttle.test.ts
 * checks that against a fake clock over 24 hours. State lives in this process: the one server is
 * one process, so nothing is shared or lost between instances.
 */

export interface ThrottleConfig {
	/** Failures allowed per account inside `accountWindowMs`. */
	accountFailures: number;
	accountWindowMs: number;
	/** Argon2 calls a client address can make in a burst. */
	addressCapacity: number;
	/** One token comes back every `addressRefillMs`. */
	addressRefillMs: number;
	/** Keys kept per limiter; when full of active keys, new keys are refused (fail closed). */
	maxKeys: number;
}

export const DEFAULT_THROTTLE: ThrottleConfig = {
	accountFailures: 10,
	accountWindowMs: 10 * 60_000,
	addressCapacity: 5,
	addressRefillMs: 30_000,
	maxKeys: 100_000,
};

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

const ALLOWED: ThrottleDecision = { allowed: true };

/** Failure timestamps per key, oldest first; a key is blocked while its window is full. */
export interface FailureLog {
	check(key: string): ThrottleDecision;
	recordFailure(key: string): void;
	reset(key: string): void;
	readonly size: number;
}

export function createFailureLog(
	limit: number,
	windowMs: number,
	maxKeys: number,
	now: () => number,
): FailureLog {
	const failures = new Map<string, number[]>();

	function recent(key: string, at: number): number[] | undefined {
		const times = failures.get(key);
		if (times === undefined) return undefined;
		while (times.length > 0 && (times[0] ?? 0) <= at - windowMs) times.shift();
		if (times.length === 0) failures.delete(key);
		return times.length === 0 ? undefined : times;
	}

	function sweep(at: number): void {
		for (const key of failures.keys()) recent(key, at);
	}

	return {
		check(key) {
			const at = now();
			const times = recent(key, at);
			if (times === undefined || times.length < limit) return ALLOWED;
			// Blocked until the oldest failure that keeps the window full expires.
			const unblockAt = (times[times.length - limit] ?? at) + windowMs;
			return { allowed: false, retryAfterMs: Math.max(1, unblockAt - at) };
		},
		recordFailure(key) {
			const at = now();
			let times = recent(key, at);
			if (times === undefined) {
				if (failures.size >= maxKeys) sweep(at);
				if (failures.size >= maxKeys) throw new ThrottleFullError();
				times = [];
				failures.set(key, times);
			}
			times.push(at);
			// Only the newest `limit` matter for the decision.
			if (times.length > limit) times.splice(0, times.length - limit);
		},
		reset(key) {
			failures.delete(key);
		},
		get size() {
			return failures.size;
		},
	};
}

/** A continuous token bucket per key; full buckets are forgotten. */
export interface TokenBuckets {
	take(key: string): ThrottleDecision;
	readonly size: number;
}

export function createTokenBuckets(
	capacity: number,
	refillMs: number,
	maxKeys: number,
	now: () => number,
): TokenBuckets {
	const buckets = new Map<string, { tokens: number; at: number }>();

	function level(bucket: { tokens: number; at: number }, at: number): number {
		// A clock that steps back refills nothing rather than going negative.
		const elapsed = Math.max(0, at - bucket.at);
		return Math.min(capacity, bucket.tokens + elapsed / refillMs);
	}

	function sweep(at: number): void {
		for (const [key, bucket] of buckets) {
			if (level(bucket, at) >= capacity) buckets.delete(key);
		}
	}

	return {
		take(key) {
			const at = now();
			let bucket = buckets.get(key);
			if (bucket === undefined) {
				if (buckets.size >= maxKeys) sweep(at);
				if (buckets.size >= maxKeys) throw new ThrottleFullError();
				bucket = { tokens: capacity, at };
				buckets.set(key, bucket);
			}
			const tokens = level(bucket, at);
			bucket.at = Math.max(bucket.at, at);
			if (tokens >= 1) {
				bucket.tokens = tokens - 1;
				return ALLOWED;
			}
			bucket.tokens = tokens;
			return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) * refillMs) };
		},
		get size() {
			return buckets.size;
		},
	};
}

/** Every limiter slot is held by an active key: refuse rather than forget someone's failures. */
export class ThrottleFullError extends Error {
	override name = 'ThrottleFullError';
	constructor() {
		super('Throttle store is full of active keys');
	}
}

export interface LoginThrottle {
	/** Whether this account (normalised email) may try a password now. */
	checkAccount(account: string): ThrottleDecision;
	recordFailure(account: string): void;
	recordSuccess(account: string): void;
	/** Takes one argon2 token for this client address key. */
	takeAddressToken(addressKey: string): ThrottleDecision;
}

export function createLoginThrottle(config: ThrottleConfig, now: () => number): LoginThrottle {
	const accounts = createFailureLog(
		config.accountFailures,
		config.accountWindowMs,
		config.maxKeys,
		now,
	);
	const addresses = createTokenBuckets(
		config.addressCapacity,
		config.addressRefillMs,
		config.maxKeys,
		now,
	);
	return {
		checkAccount: (account) => accounts.check(account),
		recordFailure: (account) => accounts.recordFailure(account),
		recordSuccess: (account) => accounts.reset(account),
		takeAddressToken: (key) => addresses.take(key),
	};
}
