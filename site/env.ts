import { z } from 'zod';
import { DatabaseEnvSchema } from '../db/env.ts';

/**
 * What the site build (and its on-demand pages) read from the environment. SITE_URL is also read
 * by astro.config.mjs for canonical URLs; BUILD_DATE pins "today" (Asia/Seoul) for reproducible
 * builds and tests, otherwise the build uses the current date.
 */
export const SiteEnvSchema = DatabaseEnvSchema.extend({
	SITE_URL: z.url().default('http://127.0.0.1:4321'),
	BUILD_DATE: z.iso.date().optional(),
	/**
	 * V8 heap cap of the `astro build` process. V8's own default grows with the machine's memory
	 * and collects late; 1 GiB keeps a 20,000-performance build under 1 GB resident (bench).
	 */
	BUILD_HEAP_MB: z.coerce.number().int().min(256).max(16_384).default(1024),
});
export type SiteEnv = z.infer<typeof SiteEnvSchema>;

export function loadSiteEnv(source: NodeJS.ProcessEnv = process.env): SiteEnv {
	return SiteEnvSchema.parse(source);
}
