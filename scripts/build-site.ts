/**
 * `npm run build`: the site and its search index, from the database.
 *   1. validates the environment (scripts/settings.ts) and migrates the database;
 *   2. `astro build` in a child process (its memory is freed before indexing starts);
 *   3. the Korean partial-word terms and the two Pagefind bundles (site/lib/search/).
 *
 *   node scripts/build-site.ts [--out DIR] [--step astro|index] [--verbose]
 *
 * `--out` (default `dist`) must be on the project's filesystem: Astro 7.3 moves assets with
 * rename(2) and fails with EXDEV across filesystems. `--step` runs one step alone (the benchmark
 * measures them apart); `--verbose` lets Astro list every page it writes.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { loadSettingsOrExit } from '../db/settings.ts';
import { indexSearchBundles } from '../site/lib/search/index-site.ts';
import { buildSettings } from './settings.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function log(message: string): void {
	console.log(`[build] ${message}`);
}

/** Runs Astro's build in this process (the child side of step 2). */
async function astroBuild(outDir: string, verbose: boolean): Promise<void> {
	const { build } = await import('astro');
	await build({
		root,
		outDir,
		// Beside the output, so builds into different folders (tests, benchmarks) never share it.
		...(outDir === resolve(root, 'dist') ? {} : { cacheDir: `${outDir}-cache` }),
		logLevel: verbose ? 'info' : 'warn',
	});
}

function runAstroStep(outDir: string, verbose: boolean, heapMb: number): Promise<void> {
	const args = [
		`--max-old-space-size=${heapMb}`,
		fileURLToPath(import.meta.url),
		'--astro-child',
		'--out',
		outDir,
	];
	if (verbose) args.push('--verbose');
	return new Promise((resolveStep, reject) => {
		const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (code === 0) resolveStep();
			else reject(new Error(`astro build failed (${code ?? signal})`));
		});
	});
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			out: { type: 'string', default: 'dist' },
			step: { type: 'string' },
			verbose: { type: 'boolean', default: false },
			// Internal: the child process that runs Astro (see runAstroStep).
			'astro-child': { type: 'boolean', default: false },
		},
	});
	const outDir = resolve(root, values.out);
	const env = loadSettingsOrExit(buildSettings);
	if (values['astro-child']) {
		await astroBuild(outDir, values.verbose);
		return;
	}
	if (values.step !== undefined && values.step !== 'astro' && values.step !== 'index') {
		console.error(`--step must be astro or index, not ${values.step}`);
		process.exit(2);
	}
	const started = performance.now();
	if (values.step !== 'index') {
		const handle = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
		try {
			await migrateDatabase(handle.db);
		} finally {
			handle.close();
		}
		log(`astro build → ${outDir}`);
		await runAstroStep(outDir, values.verbose, env.BUILD_HEAP_MB);
		log(`astro build done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}
	if (values.step !== 'astro') {
		const indexStarted = performance.now();
		const { main } = await indexSearchBundles(resolve(outDir, 'client'));
		log(
			`search index: ${main.pages} pages, ${main.extraTerms} partial-word terms, two bundles ` +
				`(plain and sorted) in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`,
		);
	}
	log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
