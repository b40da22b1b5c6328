/**
 * The model half of the hashtag step: each performance's question is settled from its current tags
 * or a stored answer when possible, else asked within the call cap. A failed or rejected answer
 * leaves the performance as it was (untagged if new) for the next run; it never fails the step.
 */
import OpenAI, { APIError } from 'openai';
import pLimit from 'p-limit';
import type { Database } from '../../db/client.ts';
import {
	type AnswerQuestion,
	answerKey,
	findAnswer,
	loadAnswers,
	NO_POSTER,
	sha256,
	storeAnswer,
} from './cache.ts';
import {
	askForTags,
	createTaggerClient,
	HashtagAnswerError,
	PROMPT_VERSION,
	posterDataUrl,
	textInputs,
} from './openai-tagger.ts';
import type { HashtagStepOptions, HashtagStepResult } from './step.ts';
import type { CurrentTags, TaggingSubject } from './subjects.ts';

export interface TaggingRun {
	db: Database;
	subjects: readonly TaggingSubject[];
	current: ReadonlyMap<string, CurrentTags>;
	/** Counted into as the run goes. */
	result: HashtagStepResult;
	write(subject: TaggingSubject, names: readonly string[], answerKey: string | null): Promise<void>;
	progress(): void;
}

/**
 * 401, 403 and 404 (unknown model) say nothing about this performance. Their messages are not
 * logged: OpenAI's 401 message quotes part of the key.
 */
function isRefusalForAll(error: unknown): error is APIError & { status: number } {
	return (
		error instanceof APIError &&
		(error.status === 401 || error.status === 403 || error.status === 404)
	);
}

export async function tagWithModel(
	run: TaggingRun,
	settings: NonNullable<HashtagStepOptions['openai']>,
	options: Pick<HashtagStepOptions, 'maxCalls' | 'mediaDir' | 'concurrency' | 'onWarning'>,
): Promise<void> {
	const { db, subjects, current, result, write, progress } = run;
	const { model } = settings;
	const client = createTaggerClient(settings);
	const stored = await loadAnswers(db, model, PROMPT_VERSION);
	const limit = pLimit(options.concurrency ?? 4);
	/** Set by a 401/403/404: the key or model is wrong, so every further call would fail too. */
	let refusal: number | null = null;

	function questionFor(subject: TaggingSubject, posterHash: string): AnswerQuestion {
		const text = textInputs(subject);
		return {
			posterHash,
			textHash: sha256(JSON.stringify(text)),
			model,
			promptVersion: PROMPT_VERSION,
		};
	}

	/** Settles the subject without a call when its tags or a stored answer match the question. */
	async function settle(subject: TaggingSubject, key: string): Promise<boolean> {
		const tags = current.get(subject.id);
		if (tags?.source === 'openai' && tags.answerKey === key) {
			result.unchanged += 1;
			return true;
		}
		const known = stored.get(key) ?? (await findAnswer(db, key));
		if (known === null) return false;
		result.cached += 1;
		await write(subject, known, key);
		return true;
	}

	async function tagOne(subject: TaggingSubject): Promise<void> {
		let question = questionFor(subject, subject.poster?.sourceHash ?? NO_POSTER);
		if (await settle(subject, answerKey(question))) return;
		let poster: string | null = null;
		if (subject.poster !== null) {
			poster = await posterDataUrl(options.mediaDir, subject.poster.variants).catch(
				(error: unknown) => {
					options.onWarning(
						`hashtags for ${subject.id}: poster unreadable, asking from the text alone (${error})`,
					);
					return null;
				},
			);
			if (poster === null) {
				question = questionFor(subject, NO_POSTER);
				if (await settle(subject, answerKey(question))) return;
			}
		}
		if (refusal !== null) {
			result.failed += 1;
			return;
		}
		// Checked and counted with no await between, so concurrent tasks cannot overshoot the cap.
		if (result.calls >= options.maxCalls) {
			result.overCap += 1;
			return;
		}
		result.calls += 1;
		const key = answerKey(question);
		try {
			const text = textInputs(subject);
			const answer = await askForTags(client, model, {
				performanceId: subject.id,
				...text,
				poster,
			});
			await storeAnswer(db, key, question, answer);
			await write(subject, answer, key);
		} catch (error) {
			if (!(error instanceof HashtagAnswerError || error instanceof OpenAI.OpenAIError))
				throw error;
			result.failed += 1;
			if (isRefusalForAll(error)) {
				// A bad key or model fails every call alike: say so once and stop paying for requests.
				if (refusal === null) {
					refusal = error.status;
					options.onWarning(
						`hashtags: the OpenAI API refused the key or model (HTTP ${error.status}); no more calls this run`,
					);
				}
				return;
			}
			options.onWarning(
				error instanceof HashtagAnswerError
					? error.message
					: `hashtags for ${subject.id}: ${error.message}`,
			);
		}
	}

	try {
		await Promise.all(subjects.map((subject) => limit(() => tagOne(subject).then(progress))));
	} catch (error) {
		limit.clearQueue();
		throw error;
	}
}
