/**
 * The account summary the profile page shows and what "download my data" contains. The page's
 * viewing history and favorites come from their own paged endpoints (history.ts, favorites.ts).
 * The export selects whole rows (every column but the password hash), so a column added to users,
 * reviews or favorites later is exported without anyone remembering to add it here.
 */
import { z } from '@hono/zod-openapi';
import { eq, getTableColumns } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { favorites, reviews, sessions, users } from '../../db/schema/index.ts';
import { Gender } from './fields.ts';

export const Profile = z
	.object({
		id: z.string(),
		email: z.string(),
		username: z.string(),
		gender: Gender.nullable(),
		birthday: z.string().nullable().openapi({ format: 'date' }),
		createdAt: z.string().openapi({ format: 'date-time' }),
	})
	.openapi('Profile');
export type Profile = z.infer<typeof Profile>;

export const ProfileBody = z.object({ profile: Profile }).openapi('ProfileBody');
export type ProfileBody = z.infer<typeof ProfileBody>;

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

export async function loadProfile(db: Database, userId: string): Promise<Profile | null> {
	const row = (
		await db
			.select({
				id: users.id,
				email: users.email,
				username: users.username,
				gender: users.gender,
				birthday: users.birthday,
				createdAt: users.createdAt,
			})
			.from(users)
			.where(eq(users.id, userId))
	)[0];
	return row === undefined ? null : { ...row, createdAt: row.createdAt.toISOString() };
}

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
