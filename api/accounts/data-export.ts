/**
 * "Download my data": everything stored about the signed-in member. The export selects whole rows
 * (every column but the password hash), so a column added to users, reviews or favorites later is
 * exported without anyone remembering to add it here.
 */
import { z } from '@hono/zod-openapi';
import { eq, getTableColumns } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { favorites, reviews, sessions, users } from '../../db/schema/index.ts';

/** Rows as JSON: dates become ISO strings, everything else is kept as stored. */
const ExportRow = z.record(z.string(), z.unknown());

export const DataExport = z
	.object({
		exportedAt: z.string().openapi({ format: 'date-time' }),
		user: ExportRow,
		sessions: z.array(ExportRow),
		reviews: z.array(ExportRow),
		favorites: z.array(ExportRow),
	})
	.openapi('DataExport');
export type DataExport = z.infer<typeof DataExport>;

const { passwordHash: _passwordHash, ...userColumns } = getTableColumns(users);

function toJsonRow(row: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(row)) {
		out[key] = value instanceof Date ? value.toISOString() : value;
	}
	return out;
}

/** Everything stored about one user, or null when the account is gone. */
export async function exportUserData(
	db: Database,
	userId: string,
	now: number,
): Promise<DataExport | null> {
	const [userRows, sessionRows, reviewRows, favoriteRows] = await Promise.all([
		db.select(userColumns).from(users).where(eq(users.id, userId)),
		// The session id is the hash of a live credential: when and until when is enough.
		db
			.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
			.from(sessions)
			.where(eq(sessions.userId, userId))
			.orderBy(sessions.createdAt),
		db.select().from(reviews).where(eq(reviews.userId, userId)).orderBy(reviews.createdAt),
		db.select().from(favorites).where(eq(favorites.userId, userId)).orderBy(favorites.createdAt),
	]);
	const user = userRows[0];
	if (user === undefined) return null;
	return {
		exportedAt: new Date(now).toISOString(),
		user: toJsonRow(user),
		sessions: sessionRows.map(toJsonRow),
		reviews: reviewRows.map(toJsonRow),
		favorites: favoriteRows.map(toJsonRow),
	};
}
