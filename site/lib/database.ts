/**
 * The site's one database handle and build date, created on first use (never at import time) from
 * site/env.ts. Pre-rendering and the on-demand pages in the server share this module.
 */
import { koreanToday } from '../../core/korean-today.ts';
import { type DatabaseHandle, openDatabase } from '../../db/client.ts';
import { parseSettings, type Settings } from '../../db/settings.ts';
import { siteSettings } from '../env.ts';

let handle: Promise<DatabaseHandle> | null = null;

/** The entry point (build or server) validated them at start; pages read the same fragment. */
function pageSettings(): Settings<typeof siteSettings> {
	return parseSettings(siteSettings);
}

export function siteDatabase(): Promise<DatabaseHandle> {
	if (handle === null) {
		const env = pageSettings();
		handle = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
	}
	return handle;
}

/** "Today" for state badges and home-page sections: BUILD_DATE, else the date in Korea. */
export function siteToday(now: Date = new Date()): string {
	return pageSettings().BUILD_DATE ?? koreanToday(now.getTime());
}
