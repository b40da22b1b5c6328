/**
 * A lease lock in the database, so one ingest runs at a time whether the database is a local file
 * or a remote libSQL server shared by several machines. A second ingest fails at once (no waiting);
 * a crashed holder's lease is taken over when it expires, or at once when the holder was a process
 * on this machine that no longer exists (kill -9 leaves no time to release anything).
 */
import { hostname } from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { ingestLocks } from '../db/schema/index.ts';

export const INGEST_LOCK = 'ingest';
/** A lease outlives a renewal interval several times, so a busy event loop never loses it. */
export const LEASE_MS = 60_000;
const RENEW_EVERY_MS = 15_000;

export class LockHeldError extends Error {
	override name = 'LockHeldError';
	constructor(holder: string, since: Date) {
		super(
			`Another ingest is running (${holder}, since ${since.toISOString()}). This one stops without changing anything.`,
		);
	}
}

export class LockLostError extends Error {
	override name = 'LockLostError';
	constructor(holder: string) {
		super(`The ingest lock of ${holder} was taken over or expired; stopping before writing more.`);
	}
}

export interface Lease {
	holder: string;
	/** Throws LockLostError if another process now holds the lock. */
	assertHeld(): Promise<void>;
	release(): Promise<void>;
}

/** `host:pid:random`, so a holder on this machine can be checked for liveness. */
export function makeHolderId(): string {
	return `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
}

function isDeadLocalHolder(holder: string): boolean {
	const [host, pidText] = holder.split(':');
	if (host !== hostname() || pidText === undefined) return false;
	const pid = Number(pidText);
	if (!Number.isInteger(pid) || pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return false;
	} catch (error) {
		// EPERM means the process exists but is not ours: alive.
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

export async function acquireLease(
	db: Database,
	options: { holder?: string; now?: () => number; leaseMs?: number } = {},
): Promise<Lease> {
	const holder = options.holder ?? makeHolderId();
	const now = options.now ?? Date.now;
	const leaseMs = options.leaseMs ?? LEASE_MS;

	const existing = await db
		.select()
		.from(ingestLocks)
		.where(eq(ingestLocks.name, INGEST_LOCK))
		.get();
	const staleHolder =
		existing !== undefined && isDeadLocalHolder(existing.holder) ? existing.holder : null;
	const taken = now();
	const claimed = await db
		.insert(ingestLocks)
		.values({
			name: INGEST_LOCK,
			holder,
			acquiredAt: new Date(taken),
			expiresAt: new Date(taken + leaseMs),
		})
		.onConflictDoUpdate({
			target: ingestLocks.name,
			set: { holder, acquiredAt: new Date(taken), expiresAt: new Date(taken + leaseMs) },
			// Only an expired lease or the one of a dead local process may be taken over.
			setWhere: sql`${ingestLocks.expiresAt} < ${taken} OR ${ingestLocks.holder} = ${staleHolder ?? ''}`,
		})
		.returning({ holder: ingestLocks.holder });
	if (claimed[0]?.holder !== holder) {
		throw new LockHeldError(existing?.holder ?? 'unknown', existing?.acquiredAt ?? new Date(taken));
	}

	let lost = false;
	const renew = async (): Promise<void> => {
		const renewed = await db
			.update(ingestLocks)
			.set({ expiresAt: new Date(now() + leaseMs) })
			.where(and(eq(ingestLocks.name, INGEST_LOCK), eq(ingestLocks.holder, holder)))
			.returning({ holder: ingestLocks.holder });
		if (renewed.length === 0) lost = true;
	};
	const timer = setInterval(() => {
		renew().catch(() => {
			// A failed renewal is retried on the next tick; assertHeld() reports a real loss.
		});
	}, RENEW_EVERY_MS);
	timer.unref();

	return {
		holder,
		async assertHeld() {
			if (!lost) await renew();
			if (lost) throw new LockLostError(holder);
		},
		async release() {
			clearInterval(timer);
			await db
				.delete(ingestLocks)
				.where(and(eq(ingestLocks.name, INGEST_LOCK), eq(ingestLocks.holder, holder)));
		},
	};
}
