/**
 * The small demo dataset ingested through the real pipeline (local KOPIS server, images,
 * hashtags), a few reviews on top (the demo has no users), then `npm run build` into a folder
 * under .ci-tmp/ — on the project's filesystem, as Astro needs. Tests read `dist/` from it.
 *
 * SITE_TEST_BUILD_DIR=<dir from an earlier run> reuses a finished build while working on tests.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/client.ts';
import { reviewOnFirstPerformances } from './review-factory.ts';

export const TEST_SITE_URL = 'https://culturepedia.test';

export interface BuiltSite {
	dir: string;
	databaseUrl: string;
	mediaDir: string;
	clientDir: string;
	serverEntry: string;
	/** Performance ids that got reviews (and so a rating summary). */
	reviewed: string[];
}

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, ...args], {
			cwd: root,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			output += chunk.toString();
		});
		child.on('error', reject);
		child.on('exit', (code) => {
			if (code === 0) resolve();
			else reject(new Error(`${script} exited with ${code}:\n${output.slice(-4000)}`));
		});
	});
}

function paths(dir: string): Omit<BuiltSite, 'reviewed'> {
	return {
		dir,
		databaseUrl: `file:${join(dir, 'app.db')}`,
		mediaDir: join(dir, 'media'),
		clientDir: join(dir, 'dist', 'client'),
		serverEntry: join(dir, 'dist', 'server', 'entry.mjs'),
	};
}

async function reviewedIds(databaseUrl: string): Promise<string[]> {
	const handle = await openDatabase(databaseUrl);
	try {
		const rows = await handle.client.execute('SELECT DISTINCT performance_id FROM reviews');
		return rows.rows.map((row) => String(row.performance_id));
	} finally {
		handle.close();
	}
}

/** `inherited`: what the child processes may see of the caller's environment (PATH, HOME). */
export async function buildDemoSite(
	reuseDir: string | undefined,
	inherited: NodeJS.ProcessEnv,
): Promise<BuiltSite> {
	if (reuseDir !== undefined && existsSync(join(reuseDir, 'dist', 'client', 'pagefind'))) {
		const site = paths(reuseDir);
		return { ...site, reviewed: await reviewedIds(site.databaseUrl) };
	}
	await mkdir(join(root, '.ci-tmp'), { recursive: true });
	const site = paths(await mkdtemp(join(root, '.ci-tmp', 'site-build-')));
	const env: NodeJS.ProcessEnv = {
		PATH: inherited.PATH,
		HOME: inherited.HOME,
		DATABASE_URL: site.databaseUrl,
		MEDIA_DIR: site.mediaDir,
		DEMO_SIZE: 'small',
		SITE_URL: TEST_SITE_URL,
		NODE_ENV: 'test',
	};
	await run('scripts/ingest.ts', [], env);
	const handle = await openDatabase(site.databaseUrl);
	let reviewed: string[];
	try {
		reviewed = await reviewOnFirstPerformances(handle.db, 3);
	} finally {
		handle.close();
	}
	await run('scripts/build-site.ts', ['--out', join(site.dir, 'dist')], env);
	return { ...site, reviewed };
}
