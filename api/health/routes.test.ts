import { afterEach, expect, test } from 'vitest';
import { ingestRuns } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../testing.ts';

let t: TestApp | null = null;
afterEach(() => {
	t?.destroy();
	t = null;
});

function run(status: 'succeeded' | 'failed' | 'running', finishedAt: Date | null) {
	return {
		kind: 'incremental' as const,
		source: 'http://127.0.0.1/openApi/restful',
		startedAt: new Date(Date.UTC(2025, 3, 1)),
		finishedAt,
		status,
		counts: {},
		warnings: [],
	};
}

test('reports no ingest before the first one', async () => {
	t = await createTestApp();
	const res = await t.request('GET', '/api/health');
	expect(res.status).toBe(200);
	expect(await res.json()).toEqual({ status: 'ok', lastIngestAt: null });
});

test('reports when the last successful ingest finished, ignoring failed and running ones', async () => {
	t = await createTestApp();
	await t.db
		.insert(ingestRuns)
		.values([
			run('succeeded', new Date(Date.UTC(2025, 3, 2, 4))),
			run('succeeded', new Date(Date.UTC(2025, 3, 3, 4))),
			run('failed', new Date(Date.UTC(2025, 3, 4, 4))),
			run('running', null),
		]);
	const res = await t.request('GET', '/api/health');
	expect(await res.json()).toEqual({ status: 'ok', lastIngestAt: '2025-04-03T04:00:00.000Z' });
});

test('answers 503 in the one error shape when the database cannot answer', async () => {
	t = await createTestApp();
	await t.database.client.execute('ALTER TABLE ingest_runs RENAME TO ingest_runs_away');
	const res = await t.request('GET', '/api/health');
	expect(res.status).toBe(503);
	expect(res.headers.get('Retry-After')).toBe('10');
	expect(await res.json()).toEqual({
		error: { code: 'database_unavailable', message: '데이터베이스에 연결할 수 없습니다.' },
	});
	expect(t.events).toEqual([
		{ level: 'error', event: 'health_failed', error: 'DrizzleQueryError', code: 'SQLITE_ERROR' },
	]);
});
