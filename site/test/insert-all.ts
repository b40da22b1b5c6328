import { getTableColumns, type Table } from 'drizzle-orm';
import type { SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../../db/client.ts';

/** SQLite binds at most 32,766 variables per statement. */
const MAX_VARIABLES = 30_000;

/** Inserts many rows in one transaction, as few statements as the variable limit allows. */
export async function insertAll<T extends SQLiteTable>(
	db: Database,
	table: T,
	rows: readonly SQLiteInsertValue<T>[],
): Promise<void> {
	if (rows.length === 0) return;
	const columns = Object.keys(getTableColumns(table as Table)).length;
	const chunk = Math.max(1, Math.floor(MAX_VARIABLES / columns));
	await db.transaction(async (tx) => {
		for (let start = 0; start < rows.length; start += chunk) {
			await tx.insert(table).values(rows.slice(start, start + chunk) as SQLiteInsertValue<T>[]);
		}
	});
}
