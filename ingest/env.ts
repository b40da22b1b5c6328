/**
 * What the ingest reads: the KOPIS endpoint, the hashtagging model, and (from db/env.ts) where the
 * catalogue and media go. Without a KOPIS key the entry point (scripts/ingest.ts) starts the demo
 * KOPIS server instead. README.md, "Configuration", says what each variable means.
 */
import { z } from 'zod';
import { databaseSettings, mediaSettings } from '../db/env.ts';
import { defineSettings, type Settings } from '../db/settings.ts';

/** The real KOPIS REST endpoint (the guide's examples use plain HTTP; HTTPS answers too). */
export const KOPIS_DEFAULT_BASE_URL = 'http://www.kopis.or.kr/openApi/restful';

const optionalText = z.string().trim().min(1).optional();
const httpUrl = z.url({ protocol: /^https?$/ });

export const ingestSettings = defineSettings(
	{
		KOPIS_API_KEY: optionalText,
		KOPIS_BASE_URL: httpUrl.default(KOPIS_DEFAULT_BASE_URL),
		OPENAI_API_KEY: optionalText,
		OPENAI_BASE_URL: httpUrl.optional(),
		OPENAI_MODEL: z.string().trim().min(1).default('gpt-4.1-mini'),
		HASHTAG_MAX_CALLS: z.coerce.number().int().nonnegative().default(2000),
	},
	{ includes: [databaseSettings, mediaSettings] },
);
export type IngestSettings = Settings<typeof ingestSettings>;

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
