/**
 * What review routes answer: the public review shape and the errors only these routes give (the
 * shared table in http/openapi.ts words 403 and 409 for accounts).
 */

import { z } from '@hono/zod-openapi';
import {
	RATING_STARS_MAX,
	RATING_STARS_MIN,
	RATING_STARS_STEP,
	starsFromHalves,
} from '../../core/ratings.ts';
import { ApiError, ErrorBody } from '../http/errors.ts';
import { jsonResponse } from '../http/openapi.ts';
import { NOT_FOUND_RESPONSE } from '../performances/by-id.ts';
import type { PublicReviewRow } from './store.ts';

export const Review = z
	.object({
		id: z.number().int(),
		performanceId: z.string(),
		/** The author's username; ids and emails are never in public answers. */
		username: z.string(),
		rating: z.number().openapi({
			description: `${RATING_STARS_MIN}~${RATING_STARS_MAX}, ${RATING_STARS_STEP} 단위`,
		}),
		title: z.string().nullable(),
		body: z.string().nullable().openapi({
			description: '쓴 그대로의 텍스트. 항상 텍스트로만 표시하고 HTML로 해석하지 않습니다.',
		}),
		seenOn: z.string().nullable().openapi({ format: 'date' }),
		hasSpoilers: z.boolean(),
		createdAt: z.string().openapi({ format: 'date-time' }),
		/** Equal to createdAt until the first edit. */
		updatedAt: z.string().openapi({ format: 'date-time' }),
	})
	.openapi('Review');
export type Review = z.infer<typeof Review>;

export const ReviewBody = z.object({ review: Review }).openapi('ReviewBody');
export type ReviewBody = z.infer<typeof ReviewBody>;

export function toReview(row: PublicReviewRow): Review {
	return {
		id: row.id,
		performanceId: row.performanceId,
		username: row.username,
		rating: starsFromHalves(row.ratingHalves),
		title: row.title,
		body: row.body,
		seenOn: row.seenOn,
		hasSpoilers: row.hasSpoilers,
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
	};
}

export const REVIEW_ERRORS = {
	403: jsonResponse(
		ErrorBody,
		'다른 사람의 후기(`forbidden`) 또는 다른 사이트에서 온 요청(`forbidden_origin`)',
	),
	404: NOT_FOUND_RESPONSE,
	409: jsonResponse(
		ErrorBody,
		'이 공연에 이미 쓴 후기가 있음 (`review_exists`); `Link: </api/reviews/{id}>; rel="edit"`가 그 후기를 가리킴',
	),
} as const;

export function reviewNotFound(): ApiError {
	return new ApiError(404, 'not_found', '후기를 찾을 수 없습니다.');
}

export function notYourReview(): ApiError {
	return new ApiError(403, 'forbidden', '내가 쓴 후기만 고치거나 지울 수 있습니다.');
}

/** The API address of a review, where it is read, edited (PATCH) and deleted. */
export function reviewPath(id: number): string {
	return `/api/reviews/${id}`;
}

export function reviewExists(id: number): ApiError {
	return new ApiError(
		409,
		'review_exists',
		'이 공연에는 이미 후기를 남겼습니다. 남긴 후기를 수정해 주세요.',
		{ headers: { Link: `<${reviewPath(id)}>; rel="edit"` } },
	);
}
