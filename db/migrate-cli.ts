/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL. */

import { z } from 'zod';
import { openDatabase } from './client.ts';
import { describeEnvError, loadDatabaseEnv } from './env.ts';
import { migrateDatabase } from './migrate.ts';

async function main(): Promise<void> {
	let env: ReturnType<typeof loadDatabaseEnv>;
	try {
		env = loadDatabaseEnv();
	} catch (error) {
		if (error instanceof z.ZodError) {
			console.error(`Invalid environment:\n${describeEnvError(error)}`);
			process.exit(2);
		}
		throw error;
	}
	const handle = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
	try {
		await migrateDatabase(handle.db);
		console.log('Database is up to date.');
	} finally {
		handle.close();
	}
}

await main();
