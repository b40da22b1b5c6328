/**
 * First and second start of the product (`node scripts/start.ts`) on the full demo dataset, no
 * keys, no network: the first creates the database, ingests the demo through the local KOPIS
 * server (posters and hashtags included), seeds the demo audience, builds the site and its search
 * index, then serves; the second reuses everything. Targets: first ≤ 5 min, second ≤ 10 s.
 * Baseline in the same run: a bare Node process that starts an HTTP server and answers once.
 *
 * It writes dist/ like `npm start` does. `DEMO_SIZE=small npm run bench -- start` for a quick look.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitForHealth } from './support/http.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const workDir = join(root, '.ci-tmp', 'bench-start');

/** Starts `script` and resolves with the seconds until `healthPath` answers 200, then stops it. */
async function timeStart(
	args: string[],
	env: NodeJS.ProcessEnv,
	healthPath: string,
): Promise<number> {
	const port = await freePort();
	const started = performance.now();
	const child = spawn(process.execPath, args, {
		cwd: root,
		env: { ...env, PORT: String(port), HOST: '127.0.0.1', SITE_URL: `http://127.0.0.1:${port}` },
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	try {
		await waitForHealth(`http://127.0.0.1:${port}${healthPath}`, child, 15 * 60_000);
		return (performance.now() - started) / 1000;
	} finally {
		child.kill('SIGTERM');
		await new Promise((resolve) => child.once('exit', resolve));
	}
}

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const size = process.env.DEMO_SIZE === 'small' ? 'small' : 'full';
// A newcomer's machine: no keys at all.
const { KOPIS_API_KEY: _kopis, OPENAI_API_KEY: _openai, ...inherited } = process.env;
const env = {
	...inherited,
	DATABASE_URL: `file:${join(workDir, 'culturepedia.db')}`,
	MEDIA_DIR: join(workDir, 'media'),
	DEMO_SIZE: size,
};

const bare = await timeStart(
	[
		'-e',
		"require('node:http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT,'127.0.0.1')",
	],
	env,
	'/',
);
const first = await timeStart(['scripts/start.ts'], env, '/api/health');
const second = await timeStart(['scripts/start.ts'], env, '/api/health');
console.log(`demo size     ${size}`);
console.log(`bare node     ${bare.toFixed(2)} s to answer (baseline)`);
console.log(
	`first start   ${first.toFixed(1)} s (target ≤ 300 s) — ${(first / bare).toFixed(0)}× baseline`,
);
console.log(
	`second start  ${second.toFixed(2)} s (target ≤ 10 s) — ${(second / bare).toFixed(1)}× baseline`,
);
rmSync(workDir, { recursive: true, force: true });
