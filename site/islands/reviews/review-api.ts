/**
 * Browser-side calls to the review and favorite API. Same-origin fetch, so the browser sends the
 * session cookie and the Origin header the API requires on writes. Every outcome is a value:
 * islands show an error state instead of throwing.
 */
import type { ErrorBody } from '../../../api/http/errors.ts';
import type { ReviewCreate, ReviewSort, ReviewUpdate } from '../../../api/reviews/fields.ts';
import type { ReviewBody } from '../../../api/reviews/responses.ts';
import type { ReviewList } from '../../../api/reviews/routes.ts';

export type ApiResult<T> =
	| { ok: true; status: number; data: T }
	/** status 0: the request never got an answer (offline, server down). */
	| { ok: false; status: number; error: ErrorBody['error'] | null };

async function call<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetch(url, {
			method,
			credentials: 'same-origin',
			headers: {
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
		});
	} catch {
		return { ok: false, status: 0, error: null };
	}
	const json = (await response.json().catch(() => null)) as unknown;
	if (response.ok) return { ok: true, status: response.status, data: json as T };
	const error =
		typeof json === 'object' && json !== null && 'error' in json ? (json as ErrorBody).error : null;
	return { ok: false, status: response.status, error };
}

function reviewsUrl(performanceId: string): string {
	return `/api/performances/${encodeURIComponent(performanceId)}/reviews`;
}

export function fetchReviews(
	performanceId: string,
	query: { sort: ReviewSort; page: number; perPage: number },
): Promise<ApiResult<ReviewList>> {
	const search = new URLSearchParams({
		sort: query.sort,
		page: String(query.page),
		perPage: String(query.perPage),
	});
	return call('GET', `${reviewsUrl(performanceId)}?${search}`);
}

export function createReview(
	performanceId: string,
	review: ReviewCreate,
): Promise<ApiResult<ReviewBody>> {
	return call('POST', reviewsUrl(performanceId), review);
}

export function updateReview(id: number, changes: ReviewUpdate): Promise<ApiResult<ReviewBody>> {
	return call('PATCH', `/api/reviews/${id}`, changes);
}

export function deleteReview(id: number): Promise<ApiResult<null>> {
	return call('DELETE', `/api/reviews/${id}`);
}

function favoriteUrl(performanceId: string): string {
	return `/api/favorites/${encodeURIComponent(performanceId)}`;
}

export function fetchFavorite(performanceId: string): Promise<ApiResult<{ favorite: boolean }>> {
	return call('GET', favoriteUrl(performanceId));
}

export function setFavorite(performanceId: string, favorite: boolean): Promise<ApiResult<unknown>> {
	return call(favorite ? 'PUT' : 'DELETE', favoriteUrl(performanceId));
}

/** The message to show for a failed call. */
export function failureMessage(result: {
	status: number;
	error: { message: string } | null;
}): string {
	if (result.status === 0) return '서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.';
	return result.error?.message ?? '요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.';
}
