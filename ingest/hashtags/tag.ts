/**
 * The hashtag step of an ingest run. With an OpenAI key each performance's question (poster hash,
 * text, model, prompt version) is answered from the cache or, within the run's call cap, by the
 * model; without one the local tagger tags everything. Either way a rerun over unchanged data
 * writes nothing and calls nothing. A failed or rejected answer leaves the performance as it was
 * (untagged if new) for the next run; it never fails the step.
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
import { localTags } from './local-tagger.ts';
import {
	askForTags,
	createTaggerClient,
	HashtagAnswerError,
	PROMPT_VERSION,
	posterDataUrl,
	textInputs,
} from './openai-tagger.ts';
import {
	type CurrentTags,
	loadCurrentTags,
	loadSubjects,
	replaceTags,
	type TaggingSubject,
} from './subjects.ts';
import { seedVocabulary } from './vocabulary.ts';

export { HASHTAG_VOCABULARY, VOCABULARY_VERSION } from './vocabulary.ts';

export interface HashtagStepOptions {
	/** null (no OPENAI_API_KEY): the local tagger only. */
	openai: { apiKey: string; baseURL?: string; model: string } | null;
	/** HASHTAG_MAX_CALLS: model requests this run may make (SDK retries not counted). */
	maxCalls: number;
	mediaDir: string;
	/** Model requests in flight at once; default 4. */
	concurrency?: number;
	onProgress?: (done: number, total: number) => void;
	onWarning: (message: string) => void;
}

export interface HashtagStepResult {
	/** Performances whose tags were (re)written. */
	tagged: number;
	unchanged: number;
	/** Model requests made. */
	calls: number;
	/** Performances tagged from a stored answer, without a call. */
	cached: number;
	/** Calls that failed or whose answer was rejected. */
	failed: number;
	/** Performances left for a later run because the call cap was reached. */
	overCap: number;
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

function sameTags(current: CurrentTags | undefined, names: readonly string[]): boolean {
	if (current === undefined) return names.length === 0;
	return (
		current.names.length === names.length && names.every((name) => current.names.includes(name))
	);
}

export async function tagPerformances(
	db: Database,
	options: HashtagStepOptions,
): Promise<HashtagStepResult> {
	const tagIds = await seedVocabulary(db);
	const subjects = await loadSubjects(db);
	const current = await loadCurrentTags(db);
	const result: HashtagStepResult = {
		tagged: 0,
		unchanged: 0,
		calls: 0,
		cached: 0,
		failed: 0,
		overCap: 0,
	};
	let done = 0;
	const progress = (): void => {
		done += 1;
		options.onProgress?.(done, subjects.length);
	};
	// One writer at a time: concurrent write transactions would only queue on SQLITE_BUSY.
	const writeLimit = pLimit(1);
	const write = async (
		subject: TaggingSubject,
		names: readonly string[],
		key: string | null,
	): Promise<void> => {
		const ids = names.flatMap((name) => tagIds.get(name) ?? []);
		await writeLimit(() =>
			replaceTags(db, subject.id, ids, key === null ? 'local' : 'openai', key),
		);
		result.tagged += 1;
	};
	options.onProgress?.(0, subjects.length);

	if (options.openai === null) {
		for (const subject of subjects) {
			const tags = current.get(subject.id);
			// Paid answers are kept when a later run has no key: they are better than the rules.
			if (tags?.source === 'openai') result.unchanged += 1;
			else {
				const names = localTags(subject);
				if (sameTags(tags, names)) result.unchanged += 1;
				else await write(subject, names, null);
			}
			progress();
		}
		return result;
	}

	const { model } = options.openai;
	const client = createTaggerClient(options.openai);
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
	return result;
}
