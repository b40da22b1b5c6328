/**
 * What the site build and its pages read (the pages also run on demand inside the server).
 * SITE_URL, the origin the build writes into canonical URLs, is the server's (api/env.ts), and the
 * build's entry point includes it. README.md, "Configuration", says what each variable means.
 */
import { z } from 'zod';
import { databaseSettings } from '../db/env.ts';
import { defineSettings } from '../db/settings.ts';

export const siteSettings = defineSettings(
	{
		/** Pins "today" (Asia/Seoul) for reproducible builds and tests; else the current date. */
		BUILD_DATE: z.iso.date().optional(),
		/**
		 * V8 heap cap of the `astro build` process. V8's own default grows with the machine's memory
		 * and collects late; 1 GiB keeps a 20,000-performance build under 1 GB resident (bench).
		 */
		BUILD_HEAP_MB: z.coerce.number().int().min(256).max(16_384).default(1024),
	},
	{ includes: [databaseSettings] },
);
