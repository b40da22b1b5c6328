/**
 * The API's settings, read once by the server entry point. Defaults run the local demo with no
 * configuration; production sets NODE_ENV=production and an https SITE_URL.
 */
import { z } from 'zod';
import { DatabaseEnvSchema } from '../db/env.ts';

export const ApiEnvSchema = DatabaseEnvSchema.extend({
	PORT: z.coerce.number().int().min(1).max(65_535).default(4321),
	HOST: z.string().trim().min(1).default('127.0.0.1'),
	/** The public origin of the site; state-changing requests must come from exactly this origin. */
	SITE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4321'),
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
})
	.transform((env) => ({ ...env, SITE_ORIGIN: new URL(env.SITE_URL).origin }))
	.refine((env) => env.NODE_ENV !== 'production' || env.SITE_ORIGIN.startsWith('https://'), {
		message: 'SITE_URL must be https in production (the session cookie is Secure)',
		path: ['SITE_URL'],
	});
export type ApiEnv = z.infer<typeof ApiEnvSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
	return ApiEnvSchema.parse(source);
}

/** What createApp needs from the environment. */
export function appSettings(env: ApiEnv): { siteOrigin: string; secureCookies: boolean } {
	return { siteOrigin: env.SITE_ORIGIN, secureCookies: env.NODE_ENV === 'production' };
}
