/**
 * What `npm start` and `npm run dev` do before serving: migrate, and ingest when the catalogue is
 * empty (the demo dataset and its demo audience when there is no KOPIS key).
 */
import { count } from 'drizzle-orm';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { performances } from '../db/schema/index.ts';
import type { Settings } from '../db/settings.ts';
import { ingestProcessEnv } from '../ingest/env.ts';
import { runNode } from './processes.ts';
import type { startSettings } from './settings.ts';

export class PrepareError extends Error {
	override name = 'PrepareError';
}

/** Returns the open, migrated database with a catalogue in it; the caller closes it. */
export async function prepareDatabase(
	env: Settings<typeof startSettings>,
	log: (message: string) => void,
): Promise<DatabaseHandle> {
	log(`database ${env.DATABASE_URL.startsWith('file:') ? env.DATABASE_URL : '(remote libSQL)'}`);
	const handle = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
	try {
		await migrateDatabase(handle.db);
		log('database schema is current');
		const [row] = await handle.db.select({ total: count() }).from(performances);
		if ((row?.total ?? 0) === 0) {
			log(
				env.KOPIS_API_KEY === undefined
					? `empty catalogue: ingesting the ${env.DEMO_SIZE} demo dataset (no KOPIS_API_KEY)`
					: 'empty catalogue: ingesting from KOPIS',
			);
			const code = await runNode('scripts/ingest.ts', [], ingestProcessEnv());
			if (code !== 0)
				throw new PrepareError(`the ingest failed (exit ${code}); see its messages above`);
		}
		if (env.KOPIS_API_KEY === undefined) {
			// The demo gets an audience, so ratings, sorting and recommendations show real figures.
			// The command does nothing once they exist, and refuses a database with real KOPIS data.
			const seeded = await runNode('scripts/seed-demo-audience.ts');
			if (seeded !== 0) throw new PrepareError(`adding the demo users failed (exit ${seeded})`);
		}
		return handle;
	} catch (error) {
		handle.close();
		throw error;
	}
}
