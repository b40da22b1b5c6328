/**
 * The one-process product (`node scripts/start.ts`) as a child, for the load and scan benchmarks:
 * a fresh database and media folder under `.ci-tmp/<name>`, the small demo, a free port on
 * 127.0.0.1. Like `npm start` it rebuilds dist/ when the build is older than the data.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitForHealth } from '../support/http.ts';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ProductServer {
	url: string;
	databaseUrl: string;
	workDir: string;
	/** The server's output (progress lines and JSON log events). */
	logPath: string;
	stop(): Promise<void>;
}

export async function startProductServer(
	name: string,
	extraEnv: Record<string, string> = {},
): Promise<ProductServer> {
	const workDir = join(projectRoot, '.ci-tmp', name);
	rmSync(workDir, { recursive: true, force: true });
	mkdirSync(workDir, { recursive: true });
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const databaseUrl = `file:${join(workDir, 'app.db')}`;
	const logPath = join(workDir, 'server.log');
	const { KOPIS_API_KEY: _kopis, OPENAI_API_KEY: _openai, ...inherited } = process.env;
	const child = spawn(process.execPath, ['scripts/start.ts'], {
		cwd: projectRoot,
		env: {
			...inherited,
			DATABASE_URL: databaseUrl,
			MEDIA_DIR: join(workDir, 'media'),
			DEMO_SIZE: 'small',
			HOST: '127.0.0.1',
			PORT: String(port),
			SITE_URL: url,
			NODE_ENV: 'development',
			...extraEnv,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const log = createWriteStream(logPath);
	child.stdout?.pipe(log);
	child.stderr?.pipe(log);
	const started = performance.now();
	await waitForHealth(`${url}/api/health`, child, 10 * 60_000, 500);
	console.log(`server ready in ${((performance.now() - started) / 1000).toFixed(1)} s at ${url}`);
	return {
		url,
		databaseUrl,
		workDir,
		logPath,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) resolve();
				else {
					child.once('exit', () => resolve());
					child.kill('SIGTERM');
				}
			}),
	};
}
