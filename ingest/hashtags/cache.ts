/**
 * Model answers by question. The key covers everything that shapes the answer — the poster's bytes,
 * the text sent, the model and the prompt/vocabulary version — so an equal key is the same
 * question, and asking it again would only bill twice.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { hashtagAnswers } from '../../db/schema/index.ts';

/** The poster hash of a question asked without a poster. */
export const NO_POSTER = 'none';

export interface AnswerQuestion {
	/** SHA-256 of the poster's source bytes, or NO_POSTER. */
	posterHash: string;
	/** SHA-256 of the text inputs exactly as sent. */
	textHash: string;
	model: string;
	promptVersion: number;
}

export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

export function answerKey(question: AnswerQuestion): string {
	const { posterHash, textHash, model, promptVersion } = question;
	return sha256(JSON.stringify([posterHash, textHash, model, promptVersion]));
}

/** Every stored answer for this model and prompt version, by key. */
export async function loadAnswers(
	db: Database,
	model: string,
	promptVersion: number,
): Promise<Map<string, string[]>> {
	const rows = await db
		.select({ key: hashtagAnswers.key, tags: hashtagAnswers.tags })
		.from(hashtagAnswers)
		.where(and(eq(hashtagAnswers.model, model), eq(hashtagAnswers.promptVersion, promptVersion)));
	return new Map(rows.map((row) => [row.key, row.tags]));
}

/** One answer, read just before paying for it: another process may have asked meanwhile. */
export async function findAnswer(db: Database, key: string): Promise<string[] | null> {
	const row = await db
		.select({ tags: hashtagAnswers.tags })
		.from(hashtagAnswers)
		.where(eq(hashtagAnswers.key, key))
		.get();
	return row?.tags ?? null;
}

/** Stored the moment it arrives, before anything else can fail. */
export async function storeAnswer(
	db: Database,
	key: string,
	question: AnswerQuestion,
	tags: readonly string[],
): Promise<void> {
	await db
		.insert(hashtagAnswers)
		.values({ key, ...question, tags: [...tags] })
		.onConflictDoNothing({ target: hashtagAnswers.key });
}
