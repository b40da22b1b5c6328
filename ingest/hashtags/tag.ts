/**
 * The hashtag step of an ingest run. With an OpenAI key each performance's question (poster hash,
 * text, model, prompt version) is answered from the cache or, within the run's call cap, by the
 * model (model-tagging.ts); without one the local tagger tags everything. Either way a rerun over
 * unchanged data writes nothing and calls nothing.
 */
import pLimit from 'p-limit';
import type { Database } from '../../db/client.ts';
import { localTags } from './local-tagger.ts';
import { tagWithModel } from './model-tagging.ts';
import type { HashtagStepOptions, HashtagStepResult } from './step.ts';
import {
	type CurrentTags,
	loadCurrentTags,
	loadSubjects,
	replaceTags,
	type TaggingSubject,
} from './subjects.ts';
import { seedVocabulary } from './vocabulary.ts';

export { HASHTAG_VOCABULARY, VOCABULARY_VERSION } from './vocabulary.ts';

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

	if (options.openai !== null) {
		await tagWithModel({ db, subjects, current, result, write, progress }, options.openai, options);
		return result;
	}
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
