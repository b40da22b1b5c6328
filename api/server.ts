/**
 * The one Node process that serves the product: `/api` (the Hono app), `/media/...` (processed
 * images from MEDIA_DIR), the pre-rendered site from dist/client, and — through @astrojs/node in
 * middleware mode — on-demand pages, e.g. a performance that is in the database but newer than the
 * last build. Security headers go on every response, pages and media included.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type HttpBindings, serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { openReadConnection } from '../db/read-connection.ts';
import { createApp } from './app.ts';
import { appSettings, type ServerSettings } from './env.ts';
import { securityHeaders } from './http/security-headers.ts';
import { serveBuiltFiles } from './http/static-files.ts';

type AstroHandler = (
	request: HttpBindings['incoming'],
	response: HttpBindings['outgoing'],
	next?: (error?: unknown) => void,
) => Promise<void> | void;

export interface RunningServer {
	url: string;
	close(): Promise<void>;
}

export interface ServerOptions {
	/** Where the build lives; default `dist`. */
	distDir?: string;
}

async function loadAstroHandler(distDir: string): Promise<AstroHandler | null> {
	const entry = resolve(distDir, 'server/entry.mjs');
	if (!existsSync(entry)) return null;
	const module = (await import(pathToFileURL(entry).href)) as { handler: AstroHandler };
	return module.handler;
}

/** Serves with the settings `npm start` validated (api/env.ts, serverSettings). */
export async function startServer(
	settings: ServerSettings,
	options: ServerOptions = {},
): Promise<RunningServer> {
	const distDir = resolve(options.distDir ?? 'dist');
	const handle = await openDatabase(settings.DATABASE_URL, settings.DATABASE_AUTH_TOKEN);
	await migrateDatabase(handle.db);
	const { siteOrigin, secureCookies } = appSettings(settings);
	// "Who am I" runs on every page view, and every performance page asks for its review list: on
	// an embedded file both read through statements prepared once on the native driver (about
	// twice the rate of @libsql/client); null for a remote database, where they run on `db`.
	const reads = openReadConnection(settings.DATABASE_URL);
	const api = createApp({
		db: handle.db,
		sessionReads: reads,
		reviewReads: reads,
		siteOrigin,
		secureCookies,
		throttle: { addressCapacity: settings.LOGIN_THROTTLE_IP_BURST },
	});
	const astro = await loadAstroHandler(distDir);

	const root = new Hono<{ Bindings: HttpBindings }>();
	// HSTS goes with the Secure cookies: both mean production behind https.
	root.use('*', securityHeaders({ hsts: secureCookies }));
	root.route('/', api);
	root.use(
		'/media/*',
		serveStatic({
			root: resolve(settings.MEDIA_DIR),
			rewriteRequestPath: (path) => path.replace(/^\/media/, ''),
			// Media file names carry a content hash: they never change.
			onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
		}),
	);
	// Astro's bundles carry content hashes in their names; pages revalidate.
	const siteCacheControl = (path: string): string =>
		path.includes('/_astro/')
			? 'public, max-age=31536000, immutable'
			: 'public, max-age=0, must-revalidate';
	root.use(
		'*',
		serveBuiltFiles({ root: resolve(distDir, 'client'), cacheControl: siteCacheControl }),
	);
	// Files too large for the memory cache, and range requests, are streamed.
	root.use(
		'*',
		serveStatic({
			root: resolve(distDir, 'client'),
			onFound: (path, c) => {
				c.header('Cache-Control', siteCacheControl(path));
			},
		}),
	);
	root.use('*', async (c, next) => {
		if (astro === null || c.req.path.startsWith('/api/') || c.req.path.startsWith('/media/')) {
			return next();
		}
		// Astro answers on-demand routes and its own 404 page, writing to the Node response itself.
		await astro(c.env.incoming, c.env.outgoing);
		return RESPONSE_ALREADY_SENT;
	});

	const server = await new Promise<Server>((resolveServer) => {
		const listening = serve(
			{ fetch: root.fetch, port: settings.PORT, hostname: settings.HOST },
			() => resolveServer(listening as Server),
		);
	});
	const address = server.address();
	const port = typeof address === 'object' && address !== null ? address.port : settings.PORT;
	return {
		url: `http://${settings.HOST}:${port}`,
		close: () =>
			new Promise((resolveClose) => {
				server.close(() => {
					reads?.close();
					handle.close();
					resolveClose();
				});
				server.closeAllConnections();
			}),
	};
}
