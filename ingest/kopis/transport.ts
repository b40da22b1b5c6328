/**
 * One KOPIS GET with everything around it: pacing, a timeout per attempt, a body size cap,
 * classification of failures, and retries with full-jitter exponential backoff. This is the only
 * retry layer between the ingest and KOPIS.
 */
import {
	isKopisError,
	isRetryable,
	KopisHttpError,
	KopisNetworkError,
	KopisParseError,
	KopisThrottledError,
	redactUrl,
} from './errors.ts';
import type { Pacer } from './pacer.ts';
import { parseKopisXml } from './parse.ts';

export interface KopisStats {
	/** HTTP attempts sent, retries included. */
	requests: number;
	retries: number;
	/** Response body bytes received. */
	bytes: number;
}

export interface RequestInfo {
	/** Path without the query (never the key), e.g. `/pblprfr/PF273608`. */
	path: string;
	ms: number;
	/** HTTP status; 0 when no response arrived. */
	status: number;
	attempt: number;
}

export interface TransportOptions {
	apiKey: string;
	fetch: typeof fetch;
	sleep: (ms: number) => Promise<void>;
	now: () => number;
	random: () => number;
	timeoutMs: number;
	maxAttempts: number;
	maxBodyBytes: number;
	pacer: Pacer;
	onRequest?: ((info: RequestInfo) => void) | undefined;
}

/** Ordinary failures: 0.5 s, 1 s, 2 s… (before jitter), never above 8 s. */
export const RETRY_BASE_MS = 500;
export const RETRY_CAP_MS = 8_000;
/** "Request Blocked" clears after a pause: 5 s, 10 s… (half of it jittered), at most a minute. */
export const THROTTLE_BASE_MS = 5_000;
export const THROTTLE_CAP_MS = 60_000;

export interface Transport {
	/** Fetches `url` and returns its parsed items; `path` is what onRequest reports. */
	get(url: string, path: string): Promise<Record<string, unknown>[]>;
	readonly stats: KopisStats;
}

export function createTransport(options: TransportOptions): Transport {
	const stats: KopisStats = { requests: 0, retries: 0, bytes: 0 };

	async function attemptOnce(url: string, path: string, attempt: number): Promise<string> {
		await options.pacer.wait();
		stats.requests += 1;
		const started = options.now();
		let status = 0;
		try {
			const response = await options.fetch(url, {
				signal: AbortSignal.timeout(options.timeoutMs),
				redirect: 'follow',
				headers: { accept: 'application/xml, text/xml;q=0.9, */*;q=0.1' },
			});
			status = response.status;
			const body = await readBody(response, url, options.maxBodyBytes, stats);
			if (status === 429 || (status === 400 && /Request Blocked/i.test(body))) {
				throw new KopisThrottledError(url, retryAfterMs(response.headers.get('retry-after')));
			}
			if (!response.ok) throw new KopisHttpError(url, status);
			return body;
		} catch (error) {
			if (isKopisError(error)) throw error;
			const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
			throw new KopisNetworkError(url, redactUrl(detail), { cause: error });
		} finally {
			options.onRequest?.({ path, ms: options.now() - started, status, attempt });
		}
	}

	return {
		stats,
		async get(url, path) {
			for (let attempt = 1; ; attempt += 1) {
				try {
					return parseKopisXml(await attemptOnce(url, path, attempt), url);
				} catch (error) {
					if (!isRetryable(error) || attempt >= options.maxAttempts) {
						throw withoutKey(error, options.apiKey);
					}
					stats.retries += 1;
					await options.sleep(backoffDelay(error, attempt, options.random));
				}
			}
		},
	};
}

/** Full jitter (AWS architecture blog) for ordinary failures; half-jittered, longer for throttling. */
export function backoffDelay(error: unknown, attempt: number, random: () => number): number {
	if (error instanceof KopisThrottledError) {
		if (error.retryAfterMs !== null) return Math.min(error.retryAfterMs, THROTTLE_CAP_MS);
		const ceiling = Math.min(THROTTLE_CAP_MS, THROTTLE_BASE_MS * 2 ** (attempt - 1));
		return ceiling / 2 + random() * (ceiling / 2);
	}
	return random() * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (attempt - 1));
}

/** `Retry-After` as seconds or an HTTP date → ms (capped); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
	if (header === null || header.trim() === '') return null;
	const value = header.trim();
	const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
	return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), THROTTLE_CAP_MS) : null;
}

async function readBody(
	response: Response,
	url: string,
	maxBytes: number,
	stats: KopisStats,
): Promise<string> {
	const tooLarge = (): KopisParseError =>
		new KopisParseError(url, `body larger than ${maxBytes} bytes`);
	if (Number(response.headers.get('content-length')) > maxBytes) {
		await response.body?.cancel();
		throw tooLarge();
	}
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (response.body !== null) {
		for await (const chunk of response.body) {
			size += chunk.byteLength;
			stats.bytes += chunk.byteLength;
			// Leaving the loop cancels the stream, so a huge body is never read to its end.
			if (size > maxBytes) throw tooLarge();
			chunks.push(chunk);
		}
	}
	// KOPIS declares UTF-8; a stray invalid byte becomes U+FFFD rather than failing the page.
	return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/**
 * Last line of defence for the key: KOPIS may echo it in an error message, and so may a cause we
 * did not write. Messages are rewritten in place; the class and cause stay.
 */
function withoutKey(error: unknown, apiKey: string): unknown {
	if (apiKey === '') return error;
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
		if (current.message.includes(apiKey)) {
			try {
				current.message = current.message.replaceAll(apiKey, '***');
			} catch {
				// A read-only message (DOMException) never carries our URL anyway.
			}
		}
		current = current.cause;
	}
	return error;
}
