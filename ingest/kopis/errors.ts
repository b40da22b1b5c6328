/**
 * What can go wrong when talking to KOPIS. Every message names the request URL with the API key
 * replaced by `***` (or the record id), so errors can be logged and stored as they are.
 */

/** Replaces the value of every `service=` query parameter (the KOPIS API key) with `***`. */
export function redactUrl(url: string): string {
	return url.replace(/([?&]service=)[^&#\s]*/gi, '$1***');
}

/** KOPIS answered HTTP 200 with an error envelope (`<db><returncode>…`). */
export class KopisResponseError extends Error {
	override name = 'KopisResponseError';
	readonly code: string;
	/** Only `03` (a database error on KOPIS's side) is worth retrying. */
	readonly retryable: boolean;
	constructor(url: string, code: string, detail: string, options?: ErrorOptions) {
		super(`KOPIS refused ${redactUrl(url)}: returncode ${code} ${detail}`.trim(), options);
		this.code = code;
		this.retryable = code === '03';
	}
}

/** A non-2xx status other than the throttle page. */
export class KopisHttpError extends Error {
	override name = 'KopisHttpError';
	readonly status: number;
	readonly retryable: boolean;
	constructor(url: string, status: number, options?: ErrorOptions) {
		super(`KOPIS answered HTTP ${status} for ${redactUrl(url)}`, options);
		this.status = status;
		this.retryable = status >= 500;
	}
}

/**
 * KOPIS's burst protection: HTTP 400 with `<HTML><H1>Request Blocked</H1></HTML>` (or a 429). It
 * clears after a pause, so it is retried with a longer backoff than other failures.
 */
export class KopisThrottledError extends Error {
	override name = 'KopisThrottledError';
	readonly retryable = true;
	/** From a `Retry-After` header when the server sent one. */
	readonly retryAfterMs: number | null;
	constructor(url: string, retryAfterMs: number | null = null, options?: ErrorOptions) {
		super(`KOPIS throttled ${redactUrl(url)}`, options);
		this.retryAfterMs = retryAfterMs;
	}
}

/** The body is not XML, not well-formed, too large, or has a root KOPIS never sends. */
export class KopisParseError extends Error {
	override name = 'KopisParseError';
	readonly retryable = false;
	constructor(url: string, detail: string, options?: ErrorOptions) {
		super(`Unreadable KOPIS response from ${redactUrl(url)}: ${detail}`, options);
	}
}

/** fetch failed (connection refused, reset, DNS) or the attempt timed out. */
export class KopisNetworkError extends Error {
	override name = 'KopisNetworkError';
	readonly retryable = true;
	constructor(url: string, detail: string, options?: ErrorOptions) {
		super(`KOPIS request failed for ${redactUrl(url)}: ${detail}`, options);
	}
}

/** A detail call returned a record that fails validation (list pages put such records in `rejected`). */
export class KopisRecordError extends Error {
	override name = 'KopisRecordError';
	readonly retryable = false;
	readonly id: string | null;
	constructor(id: string | null, reason: string, options?: ErrorOptions) {
		super(`Invalid KOPIS record ${id ?? '(no id)'}: ${reason}`, options);
		this.id = id;
	}
}

export type KopisError =
	| KopisResponseError
	| KopisHttpError
	| KopisThrottledError
	| KopisParseError
	| KopisNetworkError
	| KopisRecordError;

export function isKopisError(error: unknown): error is KopisError {
	return (
		error instanceof KopisResponseError ||
		error instanceof KopisHttpError ||
		error instanceof KopisThrottledError ||
		error instanceof KopisParseError ||
		error instanceof KopisNetworkError ||
		error instanceof KopisRecordError
	);
}

export function isRetryable(error: unknown): boolean {
	return isKopisError(error) && error.retryable;
}
