/** Request shorthands for review tests over `TestApp`. */
import type { TestApp } from '../testing.ts';
import type { ReviewCreate, ReviewUpdate } from './fields.ts';

export function postReview(
	t: TestApp,
	cookie: string | null,
	performanceId: string,
	json: ReviewCreate | Record<string, unknown>,
): Promise<Response> {
	return t.request('POST', `/api/performances/${performanceId}/reviews`, { cookie, json });
}

export function patchReview(
	t: TestApp,
	cookie: string | null,
	id: number,
	json: ReviewUpdate | Record<string, unknown>,
): Promise<Response> {
	return t.request('PATCH', `/api/reviews/${id}`, { cookie, json });
}

/** Posts a review that must succeed; returns its id. */
export async function review(
	t: TestApp,
	cookie: string,
	performanceId: string,
	json: ReviewCreate = { rating: 4 },
): Promise<number> {
	const res = await postReview(t, cookie, performanceId, json);
	if (res.status !== 201) throw new Error(`review failed with ${res.status}: ${await res.text()}`);
	return ((await res.json()) as { review: { id: number } }).review.id;
}
