/**
 * A KOPIS-compatible server on 127.0.0.1 (`node:http`, no framework) over a demo dataset: the
 * offline stand-in for www.kopis.or.kr that `npm start` without keys and the ingest tests use.
 * Faults can be switched on to exercise the client's error handling.
 *
 * CLI: `node demo/kopis/server.ts [--size small|full] [--port N] [--host H] [--seed N] [--today YYYY-MM-DD]
 *   [--exit-on-stdin-close]`: prints its base URL on the first line of standard output.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { koreanToday } from '../../core/korean-today.ts';
import { koreanTimestamp } from '../dataset/dates.ts';
import { DEMO_SIZES, type DemoSize, generateDemoDataset } from '../dataset/generate.ts';
import type { DemoDataset } from '../dataset/model.ts';
import { buildCatalogIndex, type CatalogIndex } from './catalog-index.ts';
import { createImageCache } from './posters.ts';
import { KOPIS_ERROR_MESSAGES, type KopisErrorCode } from './requests.ts';
import { API_PREFIX, type ApiResponse, answerApi, kopisError, notFound } from './routes.ts';
import { PORT_IN_USE_EXIT_CODE } from './server-process.ts';
import { serveUpload } from './upload-route.ts';
import { errorEnvelope } from './xml.ts';

export interface KopisServer {
	/** Base URL of the API, e.g. `http://127.0.0.1:PORT/openApi/restful`. */
	url: string;
	/** `http://127.0.0.1:PORT`: poster and intro-image URLs start with it. */
	origin: string;
	/** Every request so far (API and images). */
	readonly requestCount: number;
	/** The last 10,000 requests as `pathname?query`, the `service` key removed. */
	readonly requests: readonly string[];
	setFault(fault: KopisFault | null): void;
	close(): Promise<void>;
}

export type KopisFault = {
	kind: 'http500' | 'malformed' | 'throttle' | 'error-envelope' | 'hang';
	/** Let this many matching requests through first (counted from `setFault`). */
	afterRequests?: number;
	/** Tested against `pathname?query` (no `service`); without it, every API request matches. */
	path?: RegExp;
	/** For `error-envelope`; default `03` (KOPIS DB error). */
	returnCode?: string;
};

export interface KopisServerOptions {
	dataset: DemoDataset;
	/** 0 (default) picks a free port. */
	port?: number;
	host?: string;
	/** The one accepted `service` key; by default any non-empty key is accepted. */
	apiKey?: string;
	/** Clock for the error envelope's `responsetime`. */
	now?: () => Date;
	/** Memory for rendered images; default 64 MB. */
	imageCacheBytes?: number;
}

const REQUEST_LOG_LIMIT = 10_000;
const HTML = 'text/html;charset=UTF-8';

function send(res: ServerResponse, response: ApiResponse, head: boolean): void {
	const body = Buffer.from(response.body);
	res.writeHead(response.status, {
		'Content-Type': response.contentType,
		'Content-Length': body.length,
	});
	res.end(head ? undefined : body);
}

function faultResponse(fault: KopisFault, now: Date): ApiResponse | null {
	switch (fault.kind) {
		case 'http500':
			return {
				status: 500,
				contentType: HTML,
				body: '<html><body><h1>500 Internal Server Error</h1></body></html>',
			};
		case 'throttle':
			// What KOPIS sends to bursts (docs/kopis/API.md §1).
			return { status: 400, contentType: HTML, body: '<HTML><H1>Request Blocked</H1></HTML>' };
		case 'malformed':
			return {
				status: 200,
				contentType: 'text/xml;charset=UTF-8',
				body: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><dbs><db><mt20id>PF000001</mt20id><prfnm>끊긴 응답',
			};
		case 'error-envelope': {
			const code = fault.returnCode ?? '03';
			if (code in KOPIS_ERROR_MESSAGES) return kopisError(code as KopisErrorCode, now);
			return {
				status: 200,
				contentType: 'text/xml;charset=UTF-8',
				body: errorEnvelope(code, 'ERROR', koreanTimestamp(now)),
			};
		}
		case 'hang':
			return null;
	}
}

export async function startKopisServer(options: KopisServerOptions): Promise<KopisServer> {
	const { dataset } = options;
	const host = options.host ?? '127.0.0.1';
	const now = options.now ?? (() => new Date());
	const cache = createImageCache(options.imageCacheBytes ?? 64 * 1024 * 1024);
	let index: CatalogIndex = buildCatalogIndex(dataset);
	let fault: KopisFault | null = null;
	let faultMatches = 0;
	let requestCount = 0;
	const requests: string[] = [];
	let origin = '';
	let foreignOrigin = '';

	function currentIndex(): CatalogIndex {
		if (index.version !== dataset.version) index = buildCatalogIndex(dataset);
		return index;
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		requestCount += 1;
		const url = new URL(req.url ?? '/', origin);
		url.searchParams.delete('service');
		const target = `${url.pathname}${url.search}`;
		requests.push(target);
		if (requests.length > REQUEST_LOG_LIMIT) requests.shift();
		const head = req.method === 'HEAD';
		if (req.method !== 'GET' && !head) {
			send(
				res,
				{
					status: 405,
					contentType: HTML,
					body: '<html><body><h1>405 Method Not Allowed</h1></body></html>',
				},
				false,
			);
			return;
		}
		const isApi = url.pathname.startsWith(API_PREFIX);
		if (fault !== null && (fault.path === undefined ? isApi : fault.path.test(target))) {
			faultMatches += 1;
			if (faultMatches > (fault.afterRequests ?? 0)) {
				const response = faultResponse(fault, now());
				// A hanging response is left open; close() destroys its socket.
				if (response !== null) send(res, response, head);
				return;
			}
		}
		if (isApi) {
			const params = new URL(req.url ?? '/', origin).searchParams;
			send(
				res,
				answerApi(
					{ index: currentIndex(), origin, apiKey: options.apiKey ?? null, now },
					url.pathname,
					params,
				),
				head,
			);
		} else if (url.pathname.startsWith('/upload/')) {
			await serveUpload(res, { url, head, index: currentIndex(), origin, foreignOrigin, cache });
		} else {
			send(res, notFound(), head);
		}
	}

	const server = createServer({ keepAlive: true }, (req, res) => {
		handle(req, res).catch((error: unknown) => {
			console.error('Demo KOPIS server failed on', req.url, error);
			if (!res.headersSent)
				send(res, { status: 500, contentType: HTML, body: '<h1>500</h1>' }, false);
			else res.destroy();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const publicHost =
		host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
	origin = `http://${publicHost}:${port}`;
	// Same server, other host name: a redirect there leaves an allowlist of the server's origin.
	foreignOrigin = `http://localhost:${port}`;
	return {
		url: `${origin}/openApi/restful`,
		origin,
		get requestCount() {
			return requestCount;
		},
		requests,
		setFault(next) {
			fault = next;
			faultMatches = 0;
		},
		close() {
			return new Promise((resolve, reject) => {
				server.close((error) => (error === undefined ? resolve() : reject(error)));
				server.closeAllConnections();
			});
		},
	};
}

function cliOptions() {
	const { values } = parseArgs({
		options: {
			size: { type: 'string', default: 'full' },
			port: { type: 'string', default: '0' },
			host: { type: 'string', default: '127.0.0.1' },
			seed: { type: 'string' },
			today: { type: 'string' },
			/** Stop when standard input closes: the ingest that started it is gone (kill -9 too). */
			'exit-on-stdin-close': { type: 'boolean', default: false },
		},
	});
	const size = values.size as DemoSize;
	if (!(size in DEMO_SIZES)) throw new Error(`--size must be small or full, got ${values.size}`);
	return { ...values, size };
}

if (import.meta.main) {
	const options = cliOptions();
	const dataset = generateDemoDataset({
		today: options.today ?? koreanToday(Date.now()),
		...DEMO_SIZES[options.size],
		...(options.seed === undefined ? {} : { seed: Number(options.seed) }),
	});
	const server = await startKopisServer({
		dataset,
		port: Number(options.port),
		host: options.host,
	}).catch((error: unknown) => {
		if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
		console.error(`Demo KOPIS server: port ${options.port} on ${options.host} is in use`);
		process.exit(PORT_IN_USE_EXIT_CODE);
	});
	console.log(server.url);
	const stop = () => {
		server.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
	if (options['exit-on-stdin-close']) {
		process.stdin.once('end', stop);
		process.stdin.once('error', stop);
		process.stdin.resume();
	}
}
