/**
 * Where the ingest reads from: the real KOPIS with a key, or — without one — the generated demo
 * dataset served by the local KOPIS-compatible server, through the very same client.
 */
import { startDemoServerProcess } from '../demo/kopis/server-process.ts';
import type { IngestEnv } from './env.ts';
import { createKopisClient, type KopisClient } from './kopis/client.ts';
import type { ProgressReporter } from './progress.ts';
import { todayInKorea } from './sync/windows.ts';

/** Hosts KOPIS serves posters and intro images from. */
export const KOPIS_IMAGE_HOSTS = ['www.kopis.or.kr', 'kopis.or.kr'];

export interface KopisSource {
	client: KopisClient;
	/** Base URL without the key, for the run record and logs. */
	description: string;
	/** Hosts images may be downloaded from (redirects are re-checked against it). */
	imageHosts: string[];
	close(): Promise<void>;
}

export async function openKopisSource(
	env: IngestEnv,
	progress: ProgressReporter,
): Promise<KopisSource> {
	if (env.KOPIS_API_KEY !== undefined) {
		const baseUrl = env.KOPIS_BASE_URL.replace(/\/+$/, '');
		return {
			client: createKopisClient({ baseUrl, apiKey: env.KOPIS_API_KEY }),
			description: baseUrl,
			imageHosts: [...new Set([...KOPIS_IMAGE_HOSTS, new URL(baseUrl).host])],
			close: async () => {},
		};
	}
	const server = await startDemoServerProcess({
		size: env.DEMO_SIZE,
		today: todayInKorea(),
		port: env.DEMO_KOPIS_PORT,
	});
	progress.info(
		`no KOPIS_API_KEY: ingesting the ${env.DEMO_SIZE} demo dataset through the local KOPIS server at ${server.url}`,
	);
	if (!server.onWantedPort)
		progress.warn(
			`port ${env.DEMO_KOPIS_PORT} (DEMO_KOPIS_PORT) is in use: the demo server took another, so this run sees every poster URL as changed and downloads the images again`,
		);
	return {
		client: createKopisClient({ baseUrl: server.url, apiKey: 'demo' }),
		description: `demo:${env.DEMO_SIZE}`,
		imageHosts: [new URL(server.url).host],
		close: () => server.close(),
	};
}
