/**
 * Where the ingest reads from: a KOPIS endpoint. With a key that is the real KOPIS; the entry
 * point may hand it another KOPIS-compatible server instead (scripts/ingest.ts starts the demo's
 * without a key), read through the very same client.
 */
/** Hosts KOPIS serves posters and intro images from. */
export const KOPIS_IMAGE_HOSTS = ['www.kopis.or.kr', 'kopis.or.kr'];

export interface KopisEndpoint {
	/** e.g. `http://www.kopis.or.kr/openApi/restful`. */
	baseUrl: string;
	apiKey: string;
	/** Hosts images may be downloaded from (redirects are re-checked against it). */
	imageHosts: string[];
	/** What the run record and logs name as the source (never the key). */
	description: string;
	/** Stops whatever serves the endpoint, when the run is over. */
	close(): Promise<void>;
}

/** The real KOPIS, or a KOPIS-compatible server at `baseUrl`, with a service key. */
export function kopisEndpoint(apiKey: string, baseUrl: string): KopisEndpoint {
	const trimmed = baseUrl.replace(/\/+$/, '');
	return {
		baseUrl: trimmed,
		apiKey,
		imageHosts: [...new Set([...KOPIS_IMAGE_HOSTS, new URL(trimmed).host])],
		description: trimmed,
		close: async () => {},
	};
}
