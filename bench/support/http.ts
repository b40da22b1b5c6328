/** HTTP plumbing the benchmarks share: ports, health waits, and autocannon load runs. */
import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { type AddressInfo, createServer } from 'node:net';

export interface AutocannonRequest {
	method: string;
	path: string;
}

/** The part of autocannon's API used here (it ships no types and @types/autocannon is not installed). */
type Autocannon = (options: {
	url: string;
	connections: number;
	duration: number;
	workers: number;
	headers: Record<string, string>;
	requests?: AutocannonRequest[];
}) => Promise<{
	requests: { average: number };
	latency: { p50: number; p99: number };
	non2xx: number;
	errors: number;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadResult {
	/** Mean requests per second. */
	rps: number;
	p50: number;
	p99: number;
	non2xx: number;
	errors: number;
}

/**
 * `duration` seconds of load from `connections` connections. autocannon runs in a worker thread
 * (`workers: 1`), so a server under test in this process keeps the main thread to itself.
 */
export async function runLoad(options: {
	url: string;
	duration: number;
	connections: number;
	headers?: Record<string, string>;
	/** Cycled through per connection (e.g. PUT then DELETE); default: GET `url`. */
	requests?: AutocannonRequest[];
}): Promise<LoadResult> {
	const result = await autocannon({
		url: options.url,
		connections: options.connections,
		duration: options.duration,
		workers: 1,
		headers: options.headers ?? {},
		...(options.requests === undefined ? {} : { requests: options.requests }),
	});
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		non2xx: result.non2xx,
		errors: result.errors,
	};
}

/** The port `server` listens on, once it does. */
export function portOf(server: Server): Promise<number> {
	return new Promise((resolve) => {
		if (server.listening) resolve((server.address() as AddressInfo).port);
		else server.once('listening', () => resolve((server.address() as AddressInfo).port));
	});
}

export function closeServer(server: Server): Promise<void> {
	return new Promise((resolve) => server.close(() => resolve()));
}

/** A port free right now on 127.0.0.1, for a child process to listen on. */
export function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				resolve(typeof address === 'object' && address !== null ? address.port : 0),
			);
		});
	});
}

/** Polls `url` until it answers 2xx; fails early if `child` exits, or after `limitMs`. */
export async function waitForHealth(
	url: string,
	child: ChildProcess,
	limitMs: number,
	intervalMs = 200,
): Promise<void> {
	const deadline = Date.now() + limitMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	throw new Error(`no answer from ${url} within ${limitMs / 1000} s`);
}
