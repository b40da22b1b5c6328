/**
 * A small static server for the built site, for tests and benchmarks that need HTTP but not the
 * whole product: `dist/client` at `/`, MEDIA_DIR at `/media/`, `/api/*` answering 404 (the API
 * is not there) and a strict CSP (no inline scripts or styles) so a violation shows up in the
 * browser. Text is gzip-compressed like a production server would, so transfer sizes are real.
 *
 *   node site/test/static-server.ts --client DIR [--media DIR] [--port 4399]
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';

export const STRICT_CSP = [
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self'",
	"img-src 'self' data:",
	"connect-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"frame-ancestors 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.jpg': 'image/jpeg',
	'.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt']);

export interface StaticServerOptions {
	clientDir: string;
	mediaDir?: string;
	port?: number;
}

export interface RunningStaticServer {
	url: string;
	close(): Promise<void>;
}

async function fileOf(root: string, path: string): Promise<string | null> {
	const target = normalize(join(root, path));
	if (target !== root && !target.startsWith(root + sep)) return null;
	const info = await stat(target).catch(() => null);
	if (info?.isFile() === true) return target;
	if (info?.isDirectory() === true) {
		const index = join(target, 'index.html');
		return (await stat(index).catch(() => null))?.isFile() === true ? index : null;
	}
	return null;
}

export function startStaticServer(options: StaticServerOptions): Promise<RunningStaticServer> {
	const clientDir = resolve(options.clientDir);
	const mediaDir = options.mediaDir === undefined ? null : resolve(options.mediaDir);
	const server: Server = createServer((request, response) => {
		void (async () => {
			response.setHeader('content-security-policy', STRICT_CSP);
			response.setHeader('x-content-type-options', 'nosniff');
			let path: string;
			try {
				path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
			} catch {
				response.writeHead(400).end();
				return;
			}
			if (path.startsWith('/api/')) {
				response.writeHead(404, { 'content-type': 'application/json' });
				response.end('{"error":{"code":"not_found","message":"없는 API입니다."}}');
				return;
			}
			const file =
				path.startsWith('/media/') && mediaDir !== null
					? await fileOf(mediaDir, path.slice('/media/'.length))
					: await fileOf(clientDir, path);
			const status = file === null ? 404 : 200;
			const served = file ?? join(clientDir, '404.html');
			const extension = extname(served);
			const headers: Record<string, string> = {
				'content-type': TYPES[extension] ?? 'application/octet-stream',
			};
			const gzip =
				COMPRESSIBLE.has(extension) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
			if (gzip) headers['content-encoding'] = 'gzip';
			response.writeHead(status, headers);
			const stream = createReadStream(served);
			(gzip ? stream.pipe(createGzip()) : stream).pipe(response);
		})();
	});
	return new Promise((resolveServer) => {
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			resolveServer({
				url: `http://127.0.0.1:${port}`,
				close: () =>
					new Promise((resolveClose) => {
						server.close(() => resolveClose());
						server.closeAllConnections();
					}),
			});
		});
	});
}

if (import.meta.main) {
	const { values } = parseArgs({
		options: {
			client: { type: 'string' },
			media: { type: 'string' },
			port: { type: 'string', default: '4399' },
		},
	});
	if (values.client === undefined) {
		console.error('usage: node site/test/static-server.ts --client DIR [--media DIR] [--port N]');
		process.exit(2);
	}
	const running = await startStaticServer({
		clientDir: values.client,
		...(values.media === undefined ? {} : { mediaDir: values.media }),
		port: Number(values.port),
	});
	console.log(`serving ${values.client} on ${running.url}`);
}
