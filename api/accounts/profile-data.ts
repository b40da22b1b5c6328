/**
 * The profile: the signed-in member's own account details (email, username, gender, birthday,
 * when they joined), as GET and PATCH /api/profile answer and the 내 프로필 page shows them.
 * Viewing history and favorites are not part of it (history/, favorites/).
 */
import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
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
