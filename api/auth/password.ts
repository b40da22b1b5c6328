/**
 * Password hashing: argon2id with OWASP's first parameter set (docs/SECURITY.md), a small fixed
 * number of hashes at once (each takes ~19 MiB and a core for tens of ms) and a bounded queue
 * behind them, so a burst of logins gets 503 instead of eating memory. Unknown emails verify
 * against a dummy hash with the same parameters, so they cost the same time as a wrong password.
 */

import { availableParallelism } from 'node:os';
import { hash, parseOptions, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';

export interface Argon2Params {
	memoryCost: number;
	timeCost: number;
	parallelism: number;
}

/** OWASP's argon2id baseline: m=19 MiB, t=2, p=1. @node-rs/argon2 defaults to argon2id. */
export const ARGON2_PARAMS: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The PHC prefix every stored hash carries. */
export function phcPrefix(params: Argon2Params): string {
	return `$argon2id$v=19$m=${params.memoryCost},t=${params.timeCost},p=${params.parallelism}$`;
}

/**
 * A hash of 32 random bytes nobody kept, with ARGON2_PARAMS. Any password "verifies" against it
 * in the same time as against a real user's hash, and never matches.
 */
const DUMMY_HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$OB3OHR/+pIUjVG9ONSEHew$bMK+1OpH5yRnC3Z9bDkxcUhdQ8OQPuNhJYsSzfpltsw';

export class HasherBusyError extends Error {
	override name = 'HasherBusyError';
	constructor() {
		super('Too many password hashes queued');
	}
}

export interface PasswordHasherOptions {
	params?: Argon2Params;
	/** Hashes running at once; default one per core but one (at least 1). */
	concurrency?: number;
	/** Hashes waiting beyond that; more are refused with HasherBusyError. */
	maxQueue?: number;
}

export interface PasswordHasher {
	readonly params: Argon2Params;
	/** The hash `verifyDummy` checks against, exposed so tests can see it is used. */
	readonly dummyHash: Promise<string>;
	hash(password: string): Promise<string>;
	verify(storedHash: string, password: string): Promise<boolean>;
	/** Spends a real verification's time on an account that does not exist; always false. */
	verifyDummy(password: string): Promise<false>;
	/** True when a stored hash was made with other parameters (re-hash on the next login). */
	needsRehash(storedHash: string): boolean;
}

const dummyHashes = new Map<string, Promise<string>>();

function dummyHashFor(params: Argon2Params): Promise<string> {
	const prefix = phcPrefix(params);
	if (DUMMY_HASH.startsWith(prefix)) return Promise.resolve(DUMMY_HASH);
	let dummy = dummyHashes.get(prefix);
	if (dummy === undefined) {
		const secret = new Uint8Array(32);
		crypto.getRandomValues(secret);
		dummy = hash(secret, params);
		dummyHashes.set(prefix, dummy);
	}
	return dummy;
}

/**
 * One hash per core but one: the event loop keeps a core for every other request. Measured on
 * 2 cores under 200 simulated users with the load generator on the same cores
 * (bench/load.bench.ts, same client): 2 hashes at once gave page and API p99 245–283 ms and login
 * p95 530 ms; 1 gave p99 129–170 ms and login p95 757 ms. Reads are nearly every request, so
 * they get the core; a login waits its turn instead.
 */
function defaultHashConcurrency(): number {
	return Math.max(1, availableParallelism() - 1);
}

export function createPasswordHasher(options: PasswordHasherOptions = {}): PasswordHasher {
	const params = options.params ?? ARGON2_PARAMS;
	const concurrency = options.concurrency ?? defaultHashConcurrency();
	const maxQueue = options.maxQueue ?? 16;
	const limit = pLimit(concurrency);

	function run<T>(task: () => Promise<T>): Promise<T> {
		if (limit.activeCount + limit.pendingCount >= concurrency + maxQueue) {
			return Promise.reject(new HasherBusyError());
		}
		return limit(task);
	}

	async function verifyAgainst(storedHash: string, password: string): Promise<boolean> {
		try {
			return await run(() => verify(storedHash, password));
		} catch (error) {
			if (error instanceof HasherBusyError) throw error;
			// A stored value that is not a valid PHC string verifies nothing.
			return false;
		}
	}

	return {
		params,
		get dummyHash() {
			return dummyHashFor(params);
		},
		hash: (password) => run(() => hash(password, params)),
		verify: verifyAgainst,
		async verifyDummy(password) {
			await verifyAgainst(await dummyHashFor(params), password);
			return false;
		},
		needsRehash(storedHash) {
			try {
				const stored = parseOptions(storedHash);
				return (
					stored.algorithm !== 2 ||
					stored.memoryCost !== params.memoryCost ||
					stored.timeCost !== params.timeCost ||
					stored.parallelism !== params.parallelism
				);
			} catch {
				return true;
			}
		},
	};
}
