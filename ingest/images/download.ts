/**
 * Downloads one source image under the rules in docs/SECURITY.md: allowlisted hosts only (every
 * redirect hop re-checked, so an allowed host cannot bounce us to an internal address), a byte cap
 * enforced while streaming (Content-Length can lie or be absent), an overall timeout, and an image
 * content type.
 */

/** Why a download or decode was refused; `transient` failures are retried on the next run. */
export class ImageSourceError extends Error {
	override name = 'ImageSourceError';
	readonly transient: boolean;
	constructor(url: string, detail: string, transient: boolean, options?: ErrorOptions) {
		super(`image ${url}: ${detail}`, options);
		this.transient = transient;
	}
}

export interface DownloadOptions {
	allowedHosts: readonly string[];
	maxBytes: number;
	timeoutMs: number;
	fetch: typeof fetch;
}

export interface DownloadedImage {
	bytes: Uint8Array;
	/** The URL the bytes finally came from, after redirects. */
	url: string;
}

/** Browsers follow up to 20; KOPIS needs at most one (http → https). */
const MAX_REDIRECTS = 5;

/**
 * Raster formats sharp decodes safely. SVG and PDF are refused: they are documents, not posters,
 * and SVG rendering is a larger attack surface than the raster decoders.
 */
const IMAGE_TYPES = new Set([
	'image/jpeg',
	'image/jpg',
	'image/pjpeg',
	'image/png',
	'image/gif',
	'image/webp',
	'image/avif',
]);

/** Some servers label every file `application/octet-stream`; accept that only when the bytes say image. */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

function checkUrl(raw: string, allowedHosts: readonly string[]): URL {
	let url: URL;
	try {
		url = new URL(raw);
	} catch (cause) {
		throw new ImageSourceError(raw, 'not a valid URL', false, { cause });
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new ImageSourceError(raw, `scheme ${url.protocol} is not allowed`, false);
	}
	if (url.username !== '' || url.password !== '') {
		throw new ImageSourceError(raw, 'credentials in the URL are not allowed', false);
	}
	if (!allowedHosts.includes(url.host.toLowerCase())) {
		throw new ImageSourceError(raw, `host ${url.host} is not on the allowlist`, false);
	}
	return url;
}

/** True when the first bytes carry the signature of a format in IMAGE_TYPES. */
export function looksLikeImage(bytes: Uint8Array): boolean {
	const ascii = (start: number, end: number): string =>
		String.fromCharCode(...bytes.subarray(start, end));
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return true;
	if (ascii(1, 4) === 'PNG') return bytes[0] === 0x89;
	if (ascii(0, 4) === 'GIF8') return true;
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return true;
	return ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12));
}

async function readCapped(
	response: Response,
	url: string,
	maxBytes: number,
	signal: AbortSignal,
): Promise<Uint8Array> {
	const declared = Number(response.headers.get('content-length') ?? Number.NaN);
	if (declared > maxBytes) {
		await response.body?.cancel();
		throw new ImageSourceError(url, `too large (${declared} bytes, cap ${maxBytes})`, false);
	}
	const chunks: Uint8Array[] = [];
	let total = 0;
	if (response.body !== null) {
		const reader = response.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > maxBytes) {
				await reader.cancel();
				throw new ImageSourceError(url, `too large (over the cap of ${maxBytes} bytes)`, false);
			}
			chunks.push(value);
		}
	}
	signal.throwIfAborted();
	return Buffer.concat(chunks, total);
}

/** undici's `fetch failed` hides the reason in `cause`: ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET… */
function networkCode(error: unknown): string | null {
	const cause = error instanceof Error ? error.cause : undefined;
	if (typeof cause !== 'object' || cause === null) return null;
	return 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
}

function fetchFailure(url: string, cause: unknown): ImageSourceError {
	if (cause instanceof ImageSourceError) return cause;
	const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError';
	const detail = timedOut
		? 'timed out'
		: `could not be fetched (${networkCode(cause) ?? String(cause)})`;
	return new ImageSourceError(url, detail, true, { cause });
}

/**
 * A kept-alive connection the server closed just as we reused it fails before any byte is
 * answered; the request never reached the server, so sending it again on a fresh socket is safe.
 */
const STALE_SOCKET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

async function fetchHop(
	url: URL,
	options: DownloadOptions,
	signal: AbortSignal,
): Promise<Response> {
	const init: RequestInit = {
		redirect: 'manual',
		signal,
		headers: { accept: [...IMAGE_TYPES].join(', ') },
	};
	try {
		return await options.fetch(url, init);
	} catch (error) {
		if (signal.aborted || !STALE_SOCKET.has(networkCode(error) ?? '')) throw error;
		return await options.fetch(url, init);
	}
}

export async function downloadImage(
	sourceUrl: string,
	options: DownloadOptions,
): Promise<DownloadedImage> {
	const allowedHosts = options.allowedHosts.map((host) => host.toLowerCase());
	const signal = AbortSignal.timeout(options.timeoutMs);
	let url = checkUrl(sourceUrl.trim(), allowedHosts);
	try {
		for (let hop = 0; ; hop += 1) {
			const response = await fetchHop(url, options, signal);
			const location = response.headers.get('location');
			if (response.status >= 300 && response.status < 400 && location !== null) {
				await response.body?.cancel();
				if (hop >= MAX_REDIRECTS) {
					throw new ImageSourceError(sourceUrl, `more than ${MAX_REDIRECTS} redirects`, false);
				}
				url = checkUrl(new URL(location, url).href, allowedHosts);
				continue;
			}
			if (!response.ok) {
				await response.body?.cancel();
				// 408, 429 and 5xx say "not now"; anything else will not change by retrying tonight.
				const transient =
					response.status === 408 || response.status === 429 || response.status >= 500;
				throw new ImageSourceError(url.href, `HTTP ${response.status}`, transient);
			}
			const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
			if (!IMAGE_TYPES.has(type.toLowerCase()) && !GENERIC_TYPES.has(type.toLowerCase())) {
				await response.body?.cancel();
				throw new ImageSourceError(url.href, `content type ${type} is not an image`, false);
			}
			const bytes = await readCapped(response, url.href, options.maxBytes, signal);
			if (!looksLikeImage(bytes)) {
				throw new ImageSourceError(
					url.href,
					`content (${type || 'untyped'}) is not an image`,
					false,
				);
			}
			return { bytes, url: url.href };
		}
	} catch (cause) {
		throw fetchFailure(url.href, cause);
	}
}
