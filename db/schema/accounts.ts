import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export type Gender = 'female' | 'male' | 'other';

export const users = sqliteTable('users', {
	/** Random, unguessable id (never the row number). */
	id: text('id').primaryKey(),
	/** Normalised: trimmed, lower-cased. */
	email: text('email').notNull().unique(),
	username: text('username').notNull().unique(),
	/** PHC string `$argon2id$v=19$m=19456,t=2,p=1$...`. */
	passwordHash: text('password_hash').notNull(),
	gender: text('gender').$type<Gender>(),
	/** ISO `YYYY-MM-DD`. */
	birthday: text('birthday'),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Lucia-style sessions: the id is the SHA-256 of the token, the token itself is never stored. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Sliding expiry. */
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		/** For the absolute cap. */
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('sessions_user_idx').on(t.userId)],
);
