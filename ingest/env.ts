import { z } from 'zod';
import { DatabaseEnvSchema } from '../db/env.ts';

/** The real KOPIS REST endpoint (the guide's examples use plain HTTP; HTTPS answers too). */
export const KOPIS_DEFAULT_BASE_URL = 'http://www.kopis.or.kr/openApi/restful';

const optionalText = z.string().trim().min(1).optional();

const IngestEnvSchema = DatabaseEnvSchema.extend({
	/** Without a key the ingest runs the demo dataset through the local KOPIS-compatible server. */
	KOPIS_API_KEY: optionalText,
	KOPIS_BASE_URL: z.url({ protocol: /^https?$/ }).default(KOPIS_DEFAULT_BASE_URL),
	MEDIA_DIR: z.string().trim().min(1).default('data/media'),
	OPENAI_API_KEY: optionalText,
	OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
	OPENAI_MODEL: z.string().trim().min(1).default('gpt-4.1-mini'),
	HASHTAG_MAX_CALLS: z.coerce.number().int().nonnegative().default(2000),
	/** Size of the generated demo dataset when no KOPIS key is set. */
	DEMO_SIZE: z.enum(['full', 'small']).default('full'),
});
export type IngestEnv = z.infer<typeof IngestEnvSchema>;

export function loadIngestEnv(source: NodeJS.ProcessEnv = process.env): IngestEnv {
	return IngestEnvSchema.parse(source);
}
