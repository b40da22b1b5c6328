/**
 * The site's one database handle and build date, created on first use (never at import time) from
 * site/env.ts. Pre-rendering and the on-demand pages in the server share this module.
 */
import { koreanToday } from '../../core/korean-today.ts';
import { type DatabaseHandle, openDatabase } from '../../db/client.ts';
import { loadSiteEnv } from '../env.ts';

let handle: Promise<DatabaseHandle> | null = null;

export function siteDatabase(): Promise<DatabaseHandle> {
	if (handle === null) {
		const env = loadSiteEnv();
		handle = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
	}
	return handle;
}

/** "Today" for state badges and home-page sections: BUILD_DATE, else the date in Korea. */
export function siteToday(now: Date = new Date()): string {
	return loadSiteEnv().BUILD_DATE ?? koreanToday(now.getTime());
}
