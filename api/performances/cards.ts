/** Performance cards by id, in one query, as favorites and history show them (recommendations). */
import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { performanceImages, performances } from '../../db/schema/index.ts';
import { cardColumns, type PerformanceCard, posterJoin, toCard } from './card.ts';

export async function loadCards(
	db: Database,
	ids: readonly string[],
	now: number,
): Promise<Map<string, PerformanceCard>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.select(cardColumns)
		.from(performances)
		.leftJoin(performanceImages, posterJoin)
		.where(inArray(performances.id, [...ids]));
	return new Map(rows.map((row) => [row.performanceId, toCard(row, now)]));
}
