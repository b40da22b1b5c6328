/** The review calls of the reviews island, over the one API client. */
import type { ReviewCreate, ReviewSort, ReviewUpdate } from '../../../api/reviews/fields.ts';
import type { ReviewBody } from '../../../api/reviews/responses.ts';
import type { ReviewList } from '../../../api/reviews/routes.ts';
import { type ApiResult, callApi } from '../api-client.ts';

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
	return callApi(`${reviewsUrl(performanceId)}?${search}`);
}

export function createReview(
	performanceId: string,
	review: ReviewCreate,
): Promise<ApiResult<ReviewBody>> {
	return callApi(reviewsUrl(performanceId), { method: 'POST', json: review });
}

export function updateReview(id: number, changes: ReviewUpdate): Promise<ApiResult<ReviewBody>> {
	return callApi(`/api/reviews/${id}`, { method: 'PATCH', json: changes });
}

export function deleteReview(id: number): Promise<ApiResult<null>> {
	return callApi(`/api/reviews/${id}`, { method: 'DELETE' });
}
