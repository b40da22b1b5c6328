/**
 * Every setting the product reads, validated together when `npm start` begins, so a wrong value
 * is reported at once with one line per variable — before any work is done.
 */
import { z } from 'zod';
import { DatabaseEnvSchema } from '../db/env.ts';

const url = z.url({ protocol: /^https?$/ });

export const StartEnvSchema = DatabaseEnvSchema.extend({
	MEDIA_DIR: z.string().trim().min(1).default('data/media'),
	SITE_URL: url.default('http://127.0.0.1:4321'),
	KOPIS_API_KEY: z.string().trim().min(1).optional(),
	KOPIS_BASE_URL: url.optional(),
	OPENAI_API_KEY: z.string().trim().min(1).optional(),
	OPENAI_BASE_URL: url.optional(),
	OPENAI_MODEL: z.string().trim().min(1).optional(),
	HASHTAG_MAX_CALLS: z.coerce.number().int().nonnegative().optional(),
	DEMO_SIZE: z.enum(['full', 'small']).default('full'),
	DEMO_KOPIS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
	BUILD_DATE: z.iso.date().optional(),
	BUILD_HEAP_MB: z.coerce.number().int().min(256).max(16_384).optional(),
	PORT: z.coerce.number().int().min(0).max(65_535).default(4321),
	HOST: z.string().trim().min(1).default('127.0.0.1'),
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	/**
	 * Login/sign-up password hashes one client address may start in a burst (SECURITY.md: 5). Only
	 * a load test on 127.0.0.1, where every simulated user shares one address, raises it.
	 */
	LOGIN_THROTTLE_IP_BURST: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export type StartEnv = z.infer<typeof StartEnvSchema>;

export function loadStartEnv(source: NodeJS.ProcessEnv = process.env): StartEnv {
	return StartEnvSchema.parse(source);
}
