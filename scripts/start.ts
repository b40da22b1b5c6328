/**
 * `npm start`: the one command that runs the product.
 *   1. validates the environment (every part's settings: scripts/settings.ts) and migrates the
 *      database;
 *   2. ingests (the demo dataset without a KOPIS key) when the database has no catalogue yet;
 *   3. builds the site and its search index when the build is older than the data or the sources;
 *   4. serves pages, media and /api from this one Node process on HOST:PORT.
 * Steps 2 and 3 run as child processes (ingest and build have their own entry points and memory),
 * streaming their progress here.
 */
import { startServer } from '../api/server.ts';
import { loadSettingsOrExit } from '../db/settings.ts';
import { buildIsCurrent, latestDataVersion, writeBuildStamp } from './build-stamp.ts';
import { PrepareError, prepareDatabase } from './prepare.ts';
import { createStepLog, projectRoot, runNode } from './processes.ts';
import { startSettings } from './settings.ts';

const log = createStepLog('start');

async function main(): Promise<void> {
	const env = loadSettingsOrExit(startSettings);
	try {
		const handle = await prepareDatabase(env, log);
		try {
			const dataVersion = await latestDataVersion(handle.db, env.DATABASE_URL);
			if (buildIsCurrent(projectRoot, dataVersion)) {
				log('the build is current: reusing dist/');
			} else {
				log('building the site and its search index');
				const code = await runNode('scripts/build-site.ts');
				if (code !== 0)
					throw new PrepareError(`the build failed (exit ${code}); see its messages above`);
				writeBuildStamp(projectRoot, dataVersion);
			}
		} finally {
			handle.close();
		}
	} catch (error) {
		if (error instanceof PrepareError) {
			console.error(`npm start: ${error.message}`);
			process.exit(1);
		}
		throw error;
	}

	const server = await startServer(env);
	log(`serving on ${server.url}`);
	const stop = (): void => {
		void server.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

await main();
