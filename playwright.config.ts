/**
 * Browser tests (e2e/*.spec.ts) in Debian's Chromium against the real one-process server
 * (`npm start`) on a free port, over the small demo dataset in a throwaway folder.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './site/test/chromium.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const workDir = `${root}.ci-tmp/e2e`;

/** Asks the OS for a free port synchronously (the config cannot await). */
function freePort(): number {
	const script =
		"const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
	return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

const port = Number(process.env.E2E_PORT ?? freePort());
process.env.E2E_PORT = String(port);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
	testDir: './e2e',
	testMatch: '**/*.spec.ts',
	workers: 1,
	timeout: 60_000,
	reporter: process.env.CI ? 'line' : 'list',
	use: {
		baseURL,
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
		trace: 'off',
	},
	webServer: {
		// A fresh database every run: what a newcomer's first `npm start` does, demo audience included.
		command: `rm -rf '${workDir}' && node scripts/start.ts`,
		url: `${baseURL}/api/health`,
		timeout: 600_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			SITE_URL: baseURL,
			DATABASE_URL: `file:${workDir}/culturepedia.db`,
			MEDIA_DIR: `${workDir}/media`,
			DEMO_SIZE: 'small',
			// Every spec logs in from 127.0.0.1: raise the per-address burst for the suite rather
			// than weaken the default (5 argon2 calls, one more per 30 s).
			LOGIN_THROTTLE_IP_BURST: '50',
		},
	},
});
