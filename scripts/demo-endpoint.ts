/**
 * The demo's KOPIS-compatible server as the ingest's KOPIS endpoint: what `npm run ingest` (and so
 * `npm start`) reads when there is no KOPIS key.
 */

import { koreanToday } from '../core/korean-today.ts';
import type { DemoSettings } from '../demo/env.ts';
import { startDemoServerProcess } from '../demo/kopis/server-process.ts';
import { demoRunSource } from '../demo/run-source.ts';
import type { ProgressReporter } from '../ingest/progress.ts';
import type { KopisEndpoint } from '../ingest/source.ts';

/** A demo server at `url` (its base URL) as an endpoint; `close` stops the server. */
export function demoEndpoint(url: string, size: string, close: () => Promise<void>): KopisEndpoint {
	return {
		baseUrl: url,
		// The demo server accepts any key.
		apiKey: 'demo',
		// Only the demo server itself: its posters are all it serves, and redirects elsewhere are refused.
		imageHosts: [new URL(url).host],
		description: demoRunSource(size),
		close,
	};
}

/** Starts the demo server in its own process on DEMO_KOPIS_PORT (demo/kopis/server-process.ts). */
export async function openDemoEndpoint(
	settings: DemoSettings,
	progress: ProgressReporter,
): Promise<KopisEndpoint> {
	const server = await startDemoServerProcess({
		size: settings.DEMO_SIZE,
		today: koreanToday(Date.now()),
		port: settings.DEMO_KOPIS_PORT,
	});
	progress.info(
		`no KOPIS_API_KEY: ingesting the ${settings.DEMO_SIZE} demo dataset through the local KOPIS server at ${server.url}`,
	);
	if (!server.onWantedPort)
		progress.warn(
			`port ${settings.DEMO_KOPIS_PORT} (DEMO_KOPIS_PORT) is in use: the demo server took another, so this run sees every poster URL as changed and downloads the images again`,
		);
	return demoEndpoint(server.url, settings.DEMO_SIZE, () => server.close());
}
