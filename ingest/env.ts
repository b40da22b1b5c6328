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
	/**
	 * Port of the demo KOPIS server. Fixed, because poster URLs carry it: the same URLs every run
	 * keep an unchanged demo unchanged. 0 (or a taken port) means any free port.
	 */
	DEMO_KOPIS_PORT: z.coerce.number().int().min(0).max(65_535).default(4399),
});
export type IngestEnv = z.infer<typeof IngestEnvSchema>;

export function loadIngestEnv(source: NodeJS.ProcessEnv = process.env): IngestEnv {
	return IngestEnvSchema.parse(source);
}

/**
 * Environment an ingest process is started with (by `npm run ingest`, `npm start` and the
 * benchmarks), on top of the caller's.
 *
 * MALLOC_ARENA_MAX=2: glibc gives each thread that allocates its own malloc arena, and libvips
 * (sharp) decodes and encodes on several threads, so freed image buffers stay spread over many
 * arenas. Two arenas keep the full demo ingest's peak RSS at ≈480 MiB instead of ≈560 MiB
 * (measured with the demo server in its own process), under the 512 MB target, and ran no slower.
 * It must be set before the process starts, so it cannot be set from inside the ingest.
 * `package.json`'s `ingest` script sets the same value.
 */
export function ingestProcessEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}
