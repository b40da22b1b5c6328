/**
 * The stored `performances.state` follows core's rule (core/performance-state.ts). This builds the
 * rule's SQL from the same boundaries, so the nightly refresh and every TypeScript reader agree;
 * performance-state.test.ts runs both over the same runs and days.
 */
import { type SQL, sql } from 'drizzle-orm';
import { STATE_BOUNDARIES } from '../core/performance-state.ts';
import { performances } from './schema/catalog.ts';

/**
 * `CASE` giving each performance's state on `today` (ISO day in Korea). ISO days compare as text
 * in SQLite (BINARY collation) as they do in JavaScript.
 */
export function performanceStateSql(today: string): SQL {
	return sql`CASE WHEN ${today} < ${performances.startDate} THEN ${STATE_BOUNDARIES.beforeStart} WHEN ${today} > ${performances.endDate} THEN ${STATE_BOUNDARIES.afterEnd} ELSE ${STATE_BOUNDARIES.during} END`;
}
