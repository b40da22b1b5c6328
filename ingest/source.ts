/**
 * Where the ingest reads from: the real KOPIS with a key, or — without one — the generated demo
 * dataset served by the local KOPIS-compatible server, through the very same client.
 */
import { DEMO_SIZES, generateDemoDataset } from './demo/generate.ts';
import { startKopisServer } from './demo/kopis-server.ts';
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
	const size = DEMO_SIZES[env.DEMO_SIZE];
	const dataset = generateDemoDataset({ today: todayInKorea(), ...size });
	const server = await startKopisServer({ dataset, apiKey: 'demo' });
	progress.info(
		`no KOPIS_API_KEY: ingesting the ${env.DEMO_SIZE} demo dataset (${dataset.performances.length} performances) through the local KOPIS server at ${server.url}`,
	);
	return {
		client: createKopisClient({ baseUrl: server.url, apiKey: 'demo' }),
		description: `demo:${env.DEMO_SIZE}`,
		imageHosts: [new URL(server.url).host],
		close: () => server.close(),
	};
}
