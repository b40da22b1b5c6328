/**
 * `node scripts/seed-demo-audience.ts`: adds the demo audience (generated users, their reviews and
 * favorites, and the README's demo account) to DATABASE_URL after a demo ingest. Runs once per
 * database; later runs print that it was already done. Exit codes: 0 done or already done,
 * 1 the database is not a demo one, 2 bad configuration (a KOPIS key means production).
 */

import { koreanToday } from '../core/korean-today.ts';
import { openDatabase } from '../db/client.ts';
import { parseSettings, type Settings, SettingsError } from '../db/settings.ts';
import { DEMO_ACCOUNT, NotDemoDatabaseError, seedDemoUsers } from '../demo/audience/users.ts';
import { DEFAULT_DEMO_SEED } from '../demo/dataset/generate.ts';
import { ingestSettings } from '../ingest/env.ts';

async function main(): Promise<number> {
	// The database, and the ingest's KOPIS key: a key means production, never a demo audience.
	let env: Settings<typeof ingestSettings>;
	try {
		env = parseSettings(ingestSettings);
	} catch (error) {
		if (error instanceof SettingsError) {
			console.error(error.message);
			return 2;
		}
		throw error;
	}
	if (env.KOPIS_API_KEY !== undefined) {
		console.error('demo users: KOPIS_API_KEY is set, so this is not a demo database; nothing done');
		return 2;
	}
	const handle = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
	try {
		const result = await seedDemoUsers(handle.db, {
			seed: DEFAULT_DEMO_SEED,
			today: koreanToday(Date.now()),
		});
		console.log(
			result.skipped
				? 'demo users: already added'
				: `demo users: ${result.users} users, ${result.reviews} reviews, ${result.favorites} favorites; log in as ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`,
		);
		return 0;
	} catch (error) {
		if (error instanceof NotDemoDatabaseError) {
			console.error(`demo users: ${error.message}`);
			return 1;
		}
		throw error;
	} finally {
		handle.close();
	}
}

process.exitCode = await main();
