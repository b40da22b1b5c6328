/**
 * `npm run dev`: the site with Astro's dev server (pages render from the database on each request,
 * with hot reload) on HOST:PORT, and the API (+ media) under `node --watch` on PORT+1, proxied by
 * Vite at /api and /media (see astro.config.mjs), so the browser still sees one origin.
 */
import { spawn } from 'node:child_process';
import { loadSettingsOrExit } from '../db/settings.ts';
import { prepareDatabase } from './prepare.ts';
import { createStepLog, projectRoot } from './processes.ts';
import { startSettings } from './settings.ts';

const log = createStepLog('dev');
const env = loadSettingsOrExit(startSettings);
(await prepareDatabase(env, log)).close();

const apiPort = env.PORT + 1;
const apiOrigin = `http://${env.HOST}:${apiPort}`;
const children = [
	spawn(process.execPath, ['--watch', 'scripts/serve.ts'], {
		cwd: projectRoot,
		stdio: 'inherit',
		env: { ...process.env, PORT: String(apiPort) },
	}),
	spawn(
		process.execPath,
		['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(env.PORT), '--host', env.HOST],
		{ cwd: projectRoot, stdio: 'inherit', env: { ...process.env, DEV_API_ORIGIN: apiOrigin } },
	),
];
log(`site http://${env.HOST}:${env.PORT} · API ${apiOrigin} (proxied at /api and /media)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		for (const child of children) child.kill(signal);
		process.exit(0);
	});
}
