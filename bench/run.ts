/**
 * `npm run bench [name...]`: runs every `bench/*.bench.ts` (or those whose names contain one of
 * the arguments) one after another, each in its own Node process so memory figures are its own.
 * Each benchmark prints its figures beside a baseline it measures in the same run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(benchDir)
	.filter((name) => name.endsWith('.bench.ts'))
	.filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
	.sort();

if (files.length === 0) {
	console.error(`No benchmark matches ${filters.join(', ')}`);
	process.exit(1);
}
let failed = 0;
for (const file of files) {
	console.log(`\n=== ${file} ===`);
	const result = spawnSync(process.execPath, [fileURLToPath(new URL(file, import.meta.url))], {
		stdio: 'inherit',
	});
	if (result.status !== 0) {
		failed += 1;
		console.error(`${file} exited with ${result.status ?? result.signal}`);
	}
}
process.exit(failed === 0 ? 0 : 1);
