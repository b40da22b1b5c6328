import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { desc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ingestRuns } from '../db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { findHalfWrittenPerformances } from '../ingest/consistency.ts';
import { acquireLease } from '../ingest/lock.ts';
import { runIngest } from '../ingest/run.ts';
import {
	catalogueSnapshot,
	runOptions,
	startTestSource,
	type TestSource,
} from '../ingest/testing.ts';

/** `npm run ingest` (package.json adds MALLOC_ARENA_MAX only). */
const MAIN = fileURLToPath(new URL('./ingest.ts', import.meta.url));

let database: TestDatabase;
beforeEach(async () => {
	database = await createTestDatabase();
});
afterEach(() => database.destroy());

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise((resolve) => server.close(resolve));
	if (address === null || typeof address === 'string') throw new Error('no port');
	return address.port;
}

/** `node scripts/ingest.ts` without a KOPIS key: the small demo through its own server process. */
function runDemoIngest(
	port: number,
	args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		DATABASE_URL: database.url,
		MEDIA_DIR: `${database.dir}/media`,
		DEMO_SIZE: 'small',
		DEMO_KOPIS_PORT: String(port),
	};
	delete env.KOPIS_API_KEY;
	delete env.OPENAI_API_KEY;
	const child = spawn(process.execPath, [MAIN, ...args], { env });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	return new Promise((resolve) => {
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

test('a second demo ingest sees the same poster URLs, so nothing counts as changed', async () => {
	const port = await freePort();
	const first = await runDemoIngest(port, ['--no-images', '--no-hashtags']);
	expect(first.code, first.stderr).toBe(0);
	const second = await runDemoIngest(port, ['--full', '--no-images', '--no-hashtags']);
	expect(second.code, second.stderr).toBe(0);
	expect(`${second.stdout}${second.stderr}`).not.toMatch(/is in use/);

	const runs = await database.db.select().from(ingestRuns).orderBy(desc(ingestRuns.id));
	expect(runs[0]?.status).toBe('succeeded');
	expect(runs[0]?.counts.performances).toMatchObject({ new: 0, updated: 0 });
	expect(runs[0]?.counts.performances?.unchanged).toBeGreaterThan(50);
});

test('a second concurrent ingest is refused before it starts a demo server', async () => {
	const lease = await acquireLease(database.db, { holder: 'other-host:1:nightly' });
	try {
		const refused = await runDemoIngest(await freePort(), ['--no-images', '--no-hashtags']);
		expect(refused.code).toBe(3);
		expect(refused.stderr).toMatch(/ingest: .*other-host:1:nightly/);
		expect(`${refused.stdout}${refused.stderr}`).not.toMatch(/local KOPIS server/);
	} finally {
		await lease.release();
	}
});

test('refuses a day that is not on the calendar as a bad argument, before touching anything', async () => {
	const result = await runDemoIngest(await freePort(), [
		'--from',
		'2026-02-30',
		'--to',
		'2026-03-10',
	]);
	expect(result.code).toBe(2);
	expect(result.stderr).toContain('--from takes a date like 2026-11-26');
	expect(await database.db.select().from(ingestRuns)).toEqual([]);
});

describe('against a KOPIS endpoint with a key', () => {
	let source: TestSource;
	beforeEach(async () => {
		source = await startTestSource();
	});
	afterEach(() => source.close());

	test('the process is killed (kill -9): the next run takes over at once and recovers', async () => {
		await runIngest(runOptions(database.db, source, 'full'));
		const before = await catalogueSnapshot(database.db);
		// Detail calls hang after a few, so the child is surely mid-run when it is killed.
		source.server.setFault({ kind: 'hang', path: /pblprfr\/PF/, afterRequests: 5 });
		const child = spawn(process.execPath, [MAIN, '--full', '--no-images', '--no-hashtags'], {
			env: {
				...process.env,
				DATABASE_URL: database.url,
				KOPIS_API_KEY: 'test',
				KOPIS_BASE_URL: source.server.url,
			},
			stdio: 'ignore',
		});
		const exited = new Promise((resolve) => child.on('exit', resolve));
		const baseline = source.server.requestCount;
		const deadline = Date.now() + 20_000;
		while (source.server.requestCount < baseline + 8 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		child.kill('SIGKILL');
		await exited;
		source.server.setFault(null);

		expect(await catalogueSnapshot(database.db)).toEqual(before);
		const recovered = await runIngest(runOptions(database.db, source, 'auto'));
		expect(recovered.status).toBe('succeeded');
		const runs = await database.db.select().from(ingestRuns).orderBy(ingestRuns.id);
		expect(runs.map((run) => run.status)).toEqual(['succeeded', 'failed', 'succeeded']);
		expect(runs[1]?.error).toMatch(/interrupted/);
		const integrity = await database.client.execute('PRAGMA integrity_check');
		expect(integrity.rows[0]?.[0]).toBe('ok');
		expect(await findHalfWrittenPerformances(database.db)).toEqual([]);
	});
});
