import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['{core,db,ingest,api,site,demo,scripts,bench,.github}/**/*.test.ts'],
		exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**'],
		testTimeout: 30_000,
		hookTimeout: 300_000,
		// Database files and local servers are per test; a few files at once fit two cores.
		maxWorkers: 2,
	},
});
