/**
 * The demo KOPIS server as a child process, for an ingest without a KOPIS key.
 *
 * Why a separate process: the ingest should measure and use the memory and CPU of an ingest, as it
 * would against the real KOPIS, not also those of a server that holds the dataset and draws every
 * poster (≈440 MiB and a core's worth of SVG rendering for the full demo).
 *
 * Why a fixed port: every poster URL carries the server's origin, and a performance's content hash
 * covers its URLs. On a new port each run, every performance would count as changed and every image
 * would be downloaded again. When the port is taken the server falls back to any free port, and
 * that one run re-downloads (it does not re-encode: the bytes are recognised by their hash).
 *
 * The child exits when its standard input closes, which happens when the ingest ends in any way,
 * kill -9 included, so an interrupted ingest never leaves a server behind holding the port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DemoSize } from '../dataset/generate.ts';

/** Exit code of the server CLI when `--port` is in use (any other failure exits with 1). */
export const PORT_IN_USE_EXIT_CODE = 3;

const SERVER_SCRIPT = fileURLToPath(new URL('./server.ts', import.meta.url));
/** Generating the full dataset takes about a second; this only catches a stuck child. */
const READY_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 5_000;

export interface DemoServerProcess {
	/** The KOPIS base URL, e.g. `http://127.0.0.1:4399/openApi/restful`. */
	url: string;
	/** False when the wanted port was taken and another was used. */
	onWantedPort: boolean;
	close(): Promise<void>;
}

export interface DemoServerProcessOptions {
	size: DemoSize;
	/** ISO day the dataset's dates are relative to. */
	today: string;
	/** 0 picks any free port. */
	port: number;
}

export class DemoServerError extends Error {
	override name = 'DemoServerError';
}

export async function startDemoServerProcess(
	options: DemoServerProcessOptions,
): Promise<DemoServerProcess> {
	const started = await spawnServer(options);
	if (started !== 'port-in-use') return { ...started, onWantedPort: true };
	const fallback = await spawnServer({ ...options, port: 0 });
	if (fallback === 'port-in-use') throw new DemoServerError('no free port for the demo server');
	return { ...fallback, onWantedPort: false };
}

async function spawnServer(
	options: DemoServerProcessOptions,
): Promise<Omit<DemoServerProcess, 'onWantedPort'> | 'port-in-use'> {
	const child = spawn(
		process.execPath,
		[
			SERVER_SCRIPT,
			`--size=${options.size}`,
			`--today=${options.today}`,
			`--port=${options.port}`,
			'--exit-on-stdin-close',
		],
		{ stdio: ['pipe', 'pipe', 'inherit'] },
	);
	const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
	const firstLine = new Promise<string | null>((resolve) => {
		const lines = createInterface({ input: child.stdout });
		lines.once('line', (line) => {
			resolve(line.trim());
			// Later output (none expected) is drained so the child never blocks on a full pipe.
			lines.on('line', () => {});
		});
		lines.once('close', () => resolve(null));
	});
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), READY_TIMEOUT_MS);
	});
	const ready = await Promise.race([firstLine, timeout]);
	clearTimeout(timer);
	if (ready === 'timeout' || ready === null || !ready.startsWith('http')) {
		if (ready === 'timeout') child.kill('SIGKILL');
		const [code, signal] = await exited;
		if (code === PORT_IN_USE_EXIT_CODE) return 'port-in-use';
		throw new DemoServerError(
			ready === 'timeout'
				? `the demo KOPIS server did not start within ${READY_TIMEOUT_MS / 1000} s`
				: `the demo KOPIS server exited before it was ready (${signal ?? `exit ${code}`})`,
		);
	}
	return { url: ready, close: () => stopServer(child, exited) };
}

async function stopServer(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.stdin?.end();
	const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
	await exited;
	clearTimeout(timer);
}
