/**
 * Checks that no performance is half-written: its people rows match its cast and crew lists, and
 * its poster has an image row. The ingest writes each of these in the same transaction as the
 * performance, so a violation means a write escaped its transaction. Used by the kill -9 harness.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';

export async function findHalfWrittenPerformances(db: Database): Promise<string[]> {
	const rows = await db.all<{ id: string }>(sql`
		SELECT p.id FROM performances p
		WHERE json_array_length(p.cast) + json_array_length(p.crew)
			<> (SELECT count(*) FROM performance_people pp WHERE pp.performance_id = p.id)
		UNION
		SELECT p.id FROM performances p
		WHERE p.poster_url IS NOT NULL AND NOT EXISTS (
			SELECT 1 FROM performance_images i
			WHERE i.performance_id = p.id AND i.kind = 'poster' AND i.position = 0
		)
		UNION
		SELECT i.performance_id FROM performance_images i
		WHERE i.status = 'ready' AND (i.width IS NULL OR json_array_length(i.variants) = 0)
	`);
	return rows.map((row) => row.id);
}
