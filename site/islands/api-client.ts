/**
 * The one way islands talk to the API. Same-origin fetch, so the browser sends the session cookie
 * and the Origin header the API requires on writes; JSON both ways; and every outcome is a value
 * (`ApiResult`), so an island shows a state instead of throwing.
 *
 * Every answer's body is read or cancelled, never left: an unread body keeps its request open in
 * the browser, and a visitor's page, full of 401s from "who am I" and the recommendations, never
 * went network-idle (e2e/site-pages.spec.ts checks it).
 */
import type { ErrorBody } from '../../api/http/errors.ts';

/** The API's one error shape: `code` for programs, `message` (Korean) for people, `fields` per input. */
export type ApiError = ErrorBody['error'];

export type ApiResult<T> =
	| { ok: true; status: number; data: T }
	/**
	 * `error` is the API's error body, or null when the answer had none (a proxy's 502, an HTML
	 * page). Status 0: no answer at all (offline, server down, timed out, or aborted by the caller).
	 */
	| { ok: false; status: number; error: ApiError | null };

export type ApiFailure = Extract<ApiResult<unknown>, { ok: false }>;

export interface ApiCall {
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** A body, sent as JSON. */
	json?: unknown;
	/** The caller's own abort, e.g. a newer request superseding this one. */
	signal?: AbortSignal;
	/** Gives up after this long (the body included); default REQUEST_TIMEOUT_MS. */
	timeoutMs?: number;
}

/**
 * Long enough for a password hash under load (docs/SECURITY.md's argon2id), short enough to retry.
 */
export const REQUEST_TIMEOUT_MS = 15_000;

/** What to say when there was no usable answer. */
export const UNREACHABLE = '서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.';
const FAILED = '요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.';

const signedOutListeners = new Set<() => void>();

/** Called whenever an answer says the session is gone, e.g. to forget who was signed in. */
export function onSignedOut(listener: () => void): void {
	signedOutListeners.add(listener);
}

/** True for a 401 that means "no valid session" (not, say, a wrong password at log-in). */
export function isSignedOut(result: ApiResult<unknown>): boolean {
	return (
		!result.ok &&
		result.status === 401 &&
		(result.error === null || result.error.code === 'unauthenticated')
	);
}

/** The message to show for a failed call: the API's own, or why there was none. */
export function failureMessage(result: ApiFailure): string {
	if (result.status === 0) return UNREACHABLE;
	return result.error?.message ?? FAILED;
}

function isErrorBody(value: unknown): value is ErrorBody {
	if (typeof value !== 'object' || value === null || !('error' in value)) return false;
	const { error } = value as { error: unknown };
	return (
		typeof error === 'object' &&
		error !== null &&
		typeof (error as { code?: unknown }).code === 'string' &&
		typeof (error as { message?: unknown }).message === 'string'
	);
}

/** One signal for the caller's abort and the deadline; `done` clears the timer. */
function deadline(
	signal: AbortSignal | undefined,
	ms: number,
): { signal: AbortSignal; done(): void } {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), ms);
	const forward = (): void => controller.abort();
	if (signal?.aborted) forward();
	else signal?.addEventListener('abort', forward, { once: true });
	return {
		signal: controller.signal,
		done() {
			clearTimeout(timer);
			signal?.removeEventListener('abort', forward);
		},
	};
}

/** The body as JSON when it is JSON; anything else is cancelled unread. Null when there is none. */
async function readBody(response: Response): Promise<unknown> {
	const json = /\bjson\b/i.test(response.headers.get('content-type') ?? '');
	if (response.status === 204 || !json) {
		await response.body?.cancel().catch(() => {});
		return null;
	}
	return response.json().catch(() => null);
}

/** Calls the API at `path` (e.g. `/api/me`); see `ApiResult` for what comes back. */
export async function callApi<T>(path: string, call: ApiCall = {}): Promise<ApiResult<T>> {
	const { signal, done } = deadline(call.signal, call.timeoutMs ?? REQUEST_TIMEOUT_MS);
	let status: number;
	let body: unknown;
	try {
		const response = await fetch(path, {
			method: call.method ?? 'GET',
			credentials: 'same-origin',
			headers: {
				accept: 'application/json',
				...(call.json === undefined ? {} : { 'content-type': 'application/json' }),
			},
			...(call.json === undefined ? {} : { body: JSON.stringify(call.json) }),
			signal,
		});
		status = response.status;
		body = await readBody(response);
	} catch {
		return { ok: false, status: 0, error: null };
	} finally {
		done();
	}
	// Cut off while the body was arriving: no usable answer either.
	if (signal.aborted) return { ok: false, status: 0, error: null };
	if (status >= 200 && status < 300) {
		// Only 204 has no body; a success without its JSON is a broken answer.
		if (body === null && status !== 204) return { ok: false, status, error: null };
		return { ok: true, status, data: body as T };
	}
	const result: ApiFailure = { ok: false, status, error: isErrorBody(body) ? body.error : null };
	if (isSignedOut(result)) for (const listener of signedOutListeners) listener();
	return result;
}
