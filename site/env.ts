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
});
export type SiteEnv = z.infer<typeof SiteEnvSchema>;

export function loadSiteEnv(source: NodeJS.ProcessEnv = process.env): SiteEnv {
	return SiteEnvSchema.parse(source);
}
