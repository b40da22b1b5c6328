/**
 * `npm start`: the one command that runs the product.
 *   1. validates the environment and migrates the database;
 *   2. ingests (the demo dataset without a KOPIS key) when the database has no catalogue yet;
 *   3. builds the site and its search index when the build is older than the data or the sources;
 *   4. serves pages, media and /api from this one Node process on HOST:PORT.
 * Steps 2 and 3 run as child processes (ingest and build have their own entry points and memory),
 * streaming their progress here.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { z } from 'zod';
import { startServer } from '../api/server.ts';
import { openDatabase } from '../db/client.ts';
import { describeEnvError } from '../db/env.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { performances } from '../db/schema/index.ts';
import { buildIsCurrent, latestDataVersion, writeBuildStamp } from './build-stamp.ts';
import { loadStartEnv } from './env.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();

function log(message: string): void {
	const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
	console.log(`[start ${seconds}s] ${message}`);
}

/** Runs a Node entry point of this project with the same Node and environment; resolves to its exit code. */
function runNode(script: string, args: string[] = []): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
		child.on('error', reject);
		child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
	});
}

async function main(): Promise<void> {
	let env: ReturnType<typeof loadStartEnv>;
	try {
		env = loadStartEnv();
	} catch (error) {
		if (error instanceof z.ZodError) {
			console.error(
				`Invalid environment (see README.md, "Configuration"):\n${describeEnvError(error)}`,
			);
			process.exit(2);
		}
		throw error;
	}

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
			const code = await runNode('ingest/main.ts');
			if (code !== 0) {
				console.error(`The ingest failed (exit ${code}); see its messages above.`);
				process.exit(1);
			}
		}
		const dataVersion = await latestDataVersion(handle.db, env.DATABASE_URL);
		if (buildIsCurrent(root, dataVersion)) {
			log('the build is current: reusing dist/');
		} else {
			log('building the site and its search index');
			const code = await runNode('scripts/build-site.ts');
			if (code !== 0) {
				console.error(`The build failed (exit ${code}); see its messages above.`);
				process.exit(1);
			}
			writeBuildStamp(root, dataVersion);
		}
	} finally {
		handle.close();
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
