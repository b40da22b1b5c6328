/**
 * Asks an OpenAI-compatible model for tags: the poster (a small variant, sent inline as a data URL
 * because remote image URLs are fetched unreliably by the API) plus title, genre and synopsis, with
 * structured output whose items are the vocabulary, so a conforming answer holds known tags only.
 * The answer is still validated: a non-conforming server is rejected, never trusted.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import OpenAI from 'openai';
import { z } from 'zod';
import { htmlToText } from '../../core/html-text.ts';
import type { ImageVariant } from '../../db/schema/index.ts';
import {
	HASHTAG_MEANINGS,
	HASHTAG_VOCABULARY,
	type Hashtag,
	isHashtag,
	VOCABULARY_VERSION,
} from './vocabulary.ts';

/** The vocabulary version in the hundreds, this prompt's revision in the units: either changes the cache key. */
export const PROMPT_VERSION = VOCABULARY_VERSION * 100 + 1;

/**
 * ≤ 3 attempts on 429/5xx with the SDK's exponential backoff: the only retry layer
 * (docs/SECURITY.md).
 */
const MAX_RETRIES = 2;
/** A vision answer of a few tokens; a minute means the request is stuck, not thinking. */
const TIMEOUT_MS = 60_000;
/** Synopses run to pages of HTML; the first part carries the tone and keeps the call cheap. */
const MAX_SYNOPSIS_CHARS = 1500;
/** The API's `low` detail scales images to 512 px: a larger variant would only cost upload time. */
const POSTER_WIDTH = 512;

export class HashtagAnswerError extends Error {
	override name = 'HashtagAnswerError';
	constructor(performanceId: string, detail: string, options?: ErrorOptions) {
		super(`hashtags for ${performanceId}: ${detail}`, options);
	}
}

export interface TextInputs {
	title: string;
	genre: string;
	synopsis: string;
}

export interface TagQuestion extends TextInputs {
	performanceId: string;
	/** `data:image/webp;base64,…`, or null to ask from the text alone. */
	poster: string | null;
}

/**
 * The text exactly as sent (and hashed), on one line. The stored synopsis is already text
 * (htmlToText at ingest); taking it through htmlToText again leaves such text as it is and still
 * strips rows written by hand or before that rule.
 */
export function textInputs(subject: {
	title: string;
	genreName: string;
	synopsis: string | null;
}): TextInputs {
	const synopsis = (htmlToText(subject.synopsis) ?? '')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, MAX_SYNOPSIS_CHARS);
	return { title: subject.title.trim(), genre: subject.genreName.trim(), synopsis };
}

/** The WebP variant closest under 512 px wide (else the smallest), read from MEDIA_DIR. */
export async function posterDataUrl(
	mediaDir: string,
	variants: readonly ImageVariant[],
): Promise<string> {
	const webp = variants
		.filter((variant) => variant.format === 'webp')
		.sort((a, b) => a.width - b.width);
	const chosen = webp.filter((variant) => variant.width <= POSTER_WIDTH).at(-1) ?? webp[0];
	if (chosen === undefined) throw new Error('the poster has no WebP variant');
	const bytes = await readFile(join(mediaDir, chosen.path));
	return `data:image/webp;base64,${bytes.toString('base64')}`;
}

export function createTaggerClient(settings: { apiKey: string; baseURL?: string }): OpenAI {
	return new OpenAI({
		apiKey: settings.apiKey,
		...(settings.baseURL === undefined ? {} : { baseURL: settings.baseURL }),
		maxRetries: MAX_RETRIES,
		timeout: TIMEOUT_MS,
	});
}

/** Strict structured output: every item must be one of the vocabulary's tags. */
export const ANSWER_SCHEMA = {
	type: 'object',
	properties: {
		tags: {
			type: 'array',
			items: { type: 'string', enum: [...HASHTAG_VOCABULARY] },
			minItems: 1,
			maxItems: 5,
		},
	},
	required: ['tags'],
	additionalProperties: false,
} as const;

const Answer = z.object({ tags: z.array(z.string()).min(1).max(5) });

const INSTRUCTIONS = [
	'You tag Korean performing-arts listings for a discovery site.',
	'From the poster and the text, choose 2 to 5 tags that best describe the mood, style and audience.',
	'Use only these tags (Korean name: meaning):',
	...HASHTAG_VOCABULARY.map((tag) => `${tag}: ${HASHTAG_MEANINGS.get(tag)}`),
].join('\n');

export async function askForTags(
	client: OpenAI,
	model: string,
	question: TagQuestion,
): Promise<Hashtag[]> {
	const text = `제목: ${question.title}\n장르: ${question.genre}\n줄거리: ${question.synopsis || '(없음)'}`;
	const completion = await client.chat.completions.create({
		model,
		messages: [
			{ role: 'system', content: INSTRUCTIONS },
			{
				role: 'user',
				content: [
					{ type: 'text', text },
					...(question.poster === null
						? []
						: [
								{
									type: 'image_url' as const,
									image_url: { url: question.poster, detail: 'low' as const },
								},
							]),
				],
			},
		],
		response_format: {
			type: 'json_schema',
			json_schema: { name: 'hashtags', strict: true, schema: ANSWER_SCHEMA },
		},
	});
	const message = completion.choices[0]?.message;
	if (message === undefined)
		throw new HashtagAnswerError(question.performanceId, 'no choice in the answer');
	if (message.refusal != null)
		throw new HashtagAnswerError(question.performanceId, `refused: ${message.refusal}`);
	let parsed: z.infer<typeof Answer>;
	try {
		parsed = Answer.parse(JSON.parse(message.content ?? ''));
	} catch (cause) {
		throw new HashtagAnswerError(question.performanceId, 'the answer does not match the schema', {
			cause,
		});
	}
	const unknown = parsed.tags.filter((tag) => !isHashtag(tag));
	if (unknown.length > 0) {
		throw new HashtagAnswerError(
			question.performanceId,
			`tags outside the vocabulary: ${unknown.join(', ')}`,
		);
	}
	return [...new Set(parsed.tags.filter(isHashtag))];
}
