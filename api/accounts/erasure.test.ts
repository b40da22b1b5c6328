/**
 * Erasure (docs/SECURITY.md G9): after an account is deleted no row mentions it and, once the WAL
 * is checkpointed, no byte of the database files holds its email, username or id (secure_delete).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { addPerformance } from '../performances/testing.ts';
import { createTestApp, insertFavorite, insertReview, signUp, type TestApp } from '../testing.ts';

let t: TestApp | null = null;
afterEach(() => {
	t?.destroy();
	t = null;
});

/** Every text value in every table, as one string. */
async function everyRow(t: TestApp): Promise<string> {
	const tables = await t.database.client.execute(
		"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
	);
	const dumps: string[] = [];
	for (const row of tables.rows) {
		const result = await t.database.client.execute(`SELECT * FROM "${String(row.name)}"`);
		dumps.push(
			JSON.stringify(result.rows, (_key, value) =>
				typeof value === 'bigint' ? String(value) : value,
			),
		);
	}
	return dumps.join('\n');
}

function fileBytes(t: TestApp): Buffer {
	const base = join(t.database.dir, 'test.db');
	const parts = [readFileSync(base)];
	try {
		parts.push(readFileSync(`${base}-wal`));
	} catch {
		// No WAL file left after a truncating checkpoint.
	}
	return Buffer.concat(parts);
}

test('leaves no row and no byte of a deleted account behind', async () => {
	t = await createTestApp();
	const gone = await signUp(t, {
		email: 'erase.me.please@example.com',
		username: '지워질관객',
		gender: 'female',
		birthday: '1991-07-07',
	});
	const kept = await signUp(t, { email: 'stays@example.com', username: '남을관객' });
	const showId = await addPerformance(t.db);
	await insertReview(t.db, gone.userId, showId, { body: '사라져야 할 감상문 본문' });
	await insertFavorite(t.db, gone.userId, showId);
	await insertReview(t.db, kept.userId, showId);
	// Some churn, so the account's values are spread over pages and WAL frames.
	await t.request('PATCH', '/api/profile', { cookie: gone.cookie, json: { gender: 'other' } });
	await t.request('POST', '/api/sessions', {
		json: { email: gone.account.email, password: gone.account.password },
	});
	await t.database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
	const markers = [gone.account.email, '지워질관객', gone.userId, '사라져야 할 감상문 본문'];
	const before = fileBytes(t);
	for (const marker of markers) expect(before.includes(Buffer.from(marker)), marker).toBe(true);

	const res = await t.request('DELETE', '/api/profile', {
		cookie: gone.cookie,
		json: { password: gone.account.password },
	});
	expect(res.status).toBe(204);

	const rows = await everyRow(t);
	for (const marker of markers) expect(rows, marker).not.toContain(marker);
	expect(rows).toContain('stays@example.com');
	await t.database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
	const after = fileBytes(t);
	for (const marker of markers) expect(after.includes(Buffer.from(marker)), marker).toBe(false);
	expect(after.includes(Buffer.from('stays@example.com'))).toBe(true);
	expect((await t.request('GET', '/api/me', { cookie: gone.cookie })).status).toBe(401);
});
