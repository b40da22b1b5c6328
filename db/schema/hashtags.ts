import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { performances } from './catalog.ts';

/** Where a performance's tag came from. */
export type HashtagSource = 'openai' | 'local';

export const hashtags = sqliteTable('hashtags', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** Korean tag without `#`, e.g. `로맨틱`. */
	name: text('name').notNull().unique(),
	/** The vocabulary version that introduced it. */
	vocabularyVersion: integer('vocabulary_version').notNull(),
});

export const performanceHashtags = sqliteTable(
	'performance_hashtags',
	{
		performanceId: text('performance_id')
			.notNull()
			.references(() => performances.id, { onDelete: 'cascade' }),
		hashtagId: integer('hashtag_id')
			.notNull()
			.references(() => hashtags.id, { onDelete: 'cascade' }),
		source: text('source').$type<HashtagSource>().notNull(),
		/** The cache key of the answer that produced it (null for the local tagger). */
		answerKey: text('answer_key'),
	},
	(t) => [
		primaryKey({ columns: [t.performanceId, t.hashtagId] }),
		index('performance_hashtags_tag_idx').on(t.hashtagId),
	],
);

/**
 * Every model answer, keyed by (poster hash, text hash, model, vocabulary/prompt version), so a
 * rerun, a second process or a restart after a crash never pays for the same question twice.
 */
export const hashtagAnswers = sqliteTable('hashtag_answers', {
	key: text('key').primaryKey(),
	posterHash: text('poster_hash').notNull(),
	textHash: text('text_hash').notNull(),
	model: text('model').notNull(),
	promptVersion: integer('prompt_version').notNull(),
	tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`),
});
