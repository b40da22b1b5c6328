import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { type DemoServerProcess, startDemoServerProcess } from './server-process.ts';

const TODAY = '2026-11-26';
const opened: DemoServerProcess[] = [];
const blockers: Server[] = [];
afterEach(async () => {
	await Promise.all(opened.splice(0).map((server) => server.close()));
	await Promise.all(
		blockers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
	);
});

/** A port held by a plain TCP listener for the test's length. */
async function takenPort(): Promise<number> {
	const server = createServer();
	blockers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return address.port;
}

async function freePort(): Promise<number> {
	const port = await takenPort();
	await new Promise((resolve) => blockers.pop()?.close(resolve));
	return port;
}

async function answers(url: string): Promise<boolean> {
	try {
		const response = await fetch(`${url}/prfplc?service=demo&cpage=1&rows=1`);
		return response.ok && (await response.text()).includes('<dbs>');
	} catch {
		return false;
	}
}

test('serves the demo dataset on the wanted port, and stops on close()', async () => {
	const port = await freePort();
	const server = await startDemoServerProcess({ size: 'small', today: TODAY, port });
	expect(server.url).toBe(`http://127.0.0.1:${port}/openApi/restful`);
	expect(server.onWantedPort).toBe(true);
	expect(await answers(server.url)).toBe(true);
	await server.close();
	expect(await answers(server.url)).toBe(false);
});

test('falls back to another port when the wanted one is taken, and says so', async () => {
	const port = await takenPort();
	const server = await startDemoServerProcess({ size: 'small', today: TODAY, port });
	opened.push(server);
	expect(server.onWantedPort).toBe(false);
	expect(new URL(server.url).port).not.toBe(String(port));
	expect(await answers(server.url)).toBe(true);
});

test('the server exits when the process that started it is killed with SIGKILL', async () => {
	const moduleUrl = new URL('./server-process.ts', import.meta.url).href;
	// A parent that starts the server, prints its URL and idles until it is killed.
	const parent = spawn(
		process.execPath,
		[
			'--input-type=module',
			'-e',
			`const { startDemoServerProcess } = await import(${JSON.stringify(moduleUrl)});
			const server = await startDemoServerProcess({ size: 'small', today: '${TODAY}', port: 0 });
			console.log(server.url);
			setInterval(() => {}, 1000);`,
		],
		{ stdio: ['ignore', 'pipe', 'inherit'], cwd: fileURLToPath(new URL('../..', import.meta.url)) },
	);
	const url = await new Promise<string>((resolve, reject) => {
		createInterface({ input: parent.stdout }).once('line', resolve);
		parent.once('exit', (code) => reject(new Error(`parent exited with ${code}`)));
	});
	expect(await answers(url)).toBe(true);
	parent.kill('SIGKILL');
	let gone = false;
	for (let attempt = 0; attempt < 100 && !gone; attempt += 1) {
		gone = !(await answers(url));
		if (!gone) await new Promise((resolve) => setTimeout(resolve, 100));
	}
	expect(gone).toBe(true);
});
