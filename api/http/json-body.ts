/**
 * Request bodies are small JSON objects: anything else is refused before a handler or the JSON
 * parser sees it (415 for another media type, 413 past the size cap). Malformed JSON becomes 400
 * in the validator; see errors.ts.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors.ts';

/** The largest body any route takes (a profile edit is a few hundred bytes). */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Over HTTP/1.1 a body exists only with Content-Length or Transfer-Encoding. A Request built in
 * process (`app.request()`, fetch-style callers) has neither header, so there a stream plus a
 * Content-Type counts as a body.
 */
function hasBody(request: Request): boolean {
	const headers = request.headers;
	const length = headers.get('Content-Length');
	if (length !== null) return length !== '0';
	if (headers.has('Transfer-Encoding')) return true;
	return request.body !== null && headers.has('Content-Type');
}

/** `application/json`, optionally with parameters; not `text/plain`, forms, or `+json` variants. */
export function isJsonMediaType(contentType: string | null): boolean {
	if (contentType === null) return false;
	const semicolon = contentType.indexOf(';');
	const essence = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim();
	return essence.toLowerCase() === 'application/json';
}

export function jsonBodyOnly(maxBytes: number = MAX_BODY_BYTES): MiddlewareHandler {
	const limit = bodyLimit({
		maxSize: maxBytes,
		onError: () => {
			throw new ApiError(413, 'payload_too_large', '요청 본문이 너무 큽니다.');
		},
	});
	return async function requireJsonBody(c, next) {
		if (!hasBody(c.req.raw)) {
			await next();
			return;
		}
		if (!isJsonMediaType(c.req.header('Content-Type') ?? null)) {
			throw new ApiError(
				415,
				'unsupported_media_type',
				'요청 본문은 application/json 형식이어야 합니다.',
			);
		}
		return limit(c, next);
	};
}
