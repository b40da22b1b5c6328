import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, expect, test } from 'vitest';
import { ingestLocks } from '../db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { acquireLease, LEASE_MS, LockHeldError, LockLostError } from './lock.ts';

let database: TestDatabase | null = null;
afterEach(() => {
	database?.destroy();
	database = null;
});

test('refuses a second holder at once while the first holds the lease', async () => {
	database = await createTestDatabase();
	const first = await acquireLease(database.db, { holder: 'elsewhere:1:a' });
	const started = Date.now();
	await expect(acquireLease(database.db, { holder: 'elsewhere:2:b' })).rejects.toThrow(
		LockHeldError,
	);
	expect(Date.now() - started).toBeLessThan(LEASE_MS);
	await first.release();
	const second = await acquireLease(database.db, { holder: 'elsewhere:2:b' });
	await second.release();
	expect(await database.db.select().from(ingestLocks)).toEqual([]);
});

test('names the holder in the refusal', async () => {
	database = await createTestDatabase();
	const first = await acquireLease(database.db, { holder: 'nightly-runner:42:x' });
	await expect(acquireLease(database.db, { holder: 'other:1:y' })).rejects.toThrow(
		/Another ingest is running \(nightly-runner:42:x/,
	);
	await first.release();
});

test('takes over an expired lease, and the old holder learns it lost the lock', async () => {
	database = await createTestDatabase();
	let clock = 1_000_000;
	const now = (): number => clock;
	const stale = await acquireLease(database.db, { holder: 'elsewhere:1:a', now });
	clock += LEASE_MS + 1;
	const fresh = await acquireLease(database.db, { holder: 'elsewhere:2:b', now });
	await expect(stale.assertHeld()).rejects.toThrow(LockLostError);
	await fresh.assertHeld();
	await fresh.release();
});

test('takes over at once from a process on this machine that no longer exists (kill -9)', async () => {
	database = await createTestDatabase();
	const finished = spawnSync(process.execPath, ['-e', 'process.pid']);
	const deadPid = finished.pid;
	expect(deadPid).toBeGreaterThan(0);
	await database.db.insert(ingestLocks).values({
		name: 'ingest',
		holder: `${hostname()}:${deadPid}:dead`,
		acquiredAt: new Date(),
		expiresAt: new Date(Date.now() + LEASE_MS),
	});
	const lease = await acquireLease(database.db);
	expect(lease.holder).toContain(`:${process.pid}:`);
	await lease.release();
});

test('does not take over from a live process on this machine', async () => {
	database = await createTestDatabase();
	await database.db.insert(ingestLocks).values({
		name: 'ingest',
		holder: `${hostname()}:${process.ppid}:alive`,
		acquiredAt: new Date(),
		expiresAt: new Date(Date.now() + LEASE_MS),
	});
	await expect(acquireLease(database.db)).rejects.toThrow(LockHeldError);
});
