import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

test('the CLI prints its URL, serves the small demo and stops on SIGTERM', async () => {
	const script = fileURLToPath(new URL('./server.ts', import.meta.url));
	const child = spawn(
		process.execPath,
		[script, '--size', 'small', '--port', '0', '--today', '2026-11-26'],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	try {
		const [firstChunk] = (await once(child.stdout, 'data')) as [Buffer];
		const url = firstChunk.toString('utf8').trim();
		expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/openApi\/restful$/);
		const body = await (await fetch(`${url}/prfplc?service=any&cpage=1&rows=100`)).text();
		expect(body.match(/<db>/g)).toHaveLength(24);
	} finally {
		child.kill('SIGTERM');
	}
	const [code] = await once(child, 'exit');
	expect(code).toBe(0);
});
