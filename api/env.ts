/**
 * What the one server (api/server.ts) reads. Defaults run the local demo with no configuration;
 * production sets NODE_ENV=production and an https SITE_URL. README.md, "Configuration", says what
 * each variable means.
 */
import { z } from 'zod';
import { databaseSettings, mediaSettings } from '../db/env.ts';
import { defineSettings, type Settings } from '../db/settings.ts';
import { DEFAULT_THROTTLE } from './auth/throttle.ts';

const port = z.coerce.number().int().min(0).max(65_535);

/**
 * The public origin the server answers at. The API allows state changes from exactly this origin;
 * the site build also writes it into canonical URLs and the sitemap, so the build includes this
 * fragment too.
 */
export const siteUrlSettings = defineSettings({
	SITE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4321'),
});

export const serverSettings = defineSettings(
	{
		PORT: port.default(4321),
		HOST: z.string().trim().min(1).default('127.0.0.1'),
		NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
		/**
		 * Login/sign-up password checks one client address may start in a burst (docs/SECURITY.md).
		 * Only a load test on 127.0.0.1, where every simulated user shares one address, raises it.
		 */
		LOGIN_THROTTLE_IP_BURST: z.coerce
			.number()
			.int()
			.min(1)
			.max(1_000_000)
			.default(DEFAULT_THROTTLE.addressCapacity),
	},
	{
		includes: [databaseSettings, mediaSettings, siteUrlSettings],
		checks: [
			{
				variable: 'SITE_URL',
				message: 'must be https in production (the session cookie is Secure)',
				holds: (settings) =>
					settings.NODE_ENV !== 'production' ||
					new URL(settings.SITE_URL).origin.startsWith('https://'),
			},
		],
	},
);
export type ServerSettings = Settings<typeof serverSettings>;

/** What createApp needs from the settings. */
export function appSettings(settings: ServerSettings): {
	siteOrigin: string;
	secureCookies: boolean;
} {
	return {
		siteOrigin: new URL(settings.SITE_URL).origin,
		secureCookies: settings.NODE_ENV === 'production',
	};
}
