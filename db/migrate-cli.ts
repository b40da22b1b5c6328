/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL. */

import { openDatabase } from './client.ts';
import { databaseSettings } from './env.ts';
import { migrateDatabase } from './migrate.ts';
import { loadSettingsOrExit } from './settings.ts';

async function main(): Promise<void> {
	const env = loadSettingsOrExit(databaseSettings);
	const handle = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
	try {
		await migrateDatabase(handle.db);
		console.log('Database is up to date.');
	} finally {
		handle.close();
	}
}

await main();
