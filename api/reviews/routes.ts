/**
 * Reviews: public lists per performance (paged, sorted, with the rating summary), and a signed-in
 * user's own review of a performance: one each, edited or deleted by its author only.
 * Text is stored exactly as written; it is data, never markup (the island sets textContent).
 */

import { createRoute, z } from '@hono/zod-openapi';
import { halvesFromStars } from '../../core/ratings.ts';
import { isSeenOnPossible, SEEN_ON_NOT_PAST } from '../../core/review-fields.ts';
import type { ReadConnection } from '../../db/read-connection.ts';
import { type Auth, requireAuth } from '../auth/middleware.ts';
import { ApiError } from '../http/errors.ts';
import {
	createRouter,
	errorResponses,
	jsonRequest,
	jsonResponse,
	SESSION_SECURITY,
	UNSAFE_REQUEST_ERRORS,
} from '../http/openapi.ts';
import { Paging, paging, requestedPage } from '../http/paging.ts';
import { PerformanceParam, performanceNotFound } from '../performances/by-id.ts';
import type { Services } from '../services.ts';
import { ReviewCreate, ReviewListQuery, ReviewParam, ReviewSort, ReviewUpdate } from './fields.ts';
import { RatingSummary } from './rating-summary.ts';
import {
	notYourReview,
	REVIEW_ERRORS,
	Review,
	ReviewBody,
	reviewExists,
	reviewNotFound,
	reviewPath,
	toReview,
} from './responses.ts';
import { createReviewStore, type ReviewChanges, ReviewExistsError } from './store.ts';

export const ReviewList = z
	.object({
		summary: RatingSummary,
		sort: ReviewSort,
		paging: Paging,
		reviews: z.array(Review),
		/** The signed-in user's review of this performance (wherever it sits in the list), or null. */
		mine: Review.nullable(),
	})
	.openapi('ReviewList');
export type ReviewList = z.infer<typeof ReviewList>;

const tags = ['reviews'];

const listReviews = createRoute({
	method: 'get',
	path: '/performances/{id}/reviews',
	tags,
	summary: '공연의 후기 목록 (공개): 페이지, 정렬, 평균·개수·분포',
	request: { params: PerformanceParam, query: ReviewListQuery },
	responses: {
		200: jsonResponse(ReviewList, '후기 목록'),
		...errorResponses(400),
		404: REVIEW_ERRORS[404],
	},
});

const createReview = createRoute({
	method: 'post',
	path: '/performances/{id}/reviews',
	tags,
	summary: '후기 쓰기 (공연마다 한 번)',
	security: SESSION_SECURITY,
	request: { params: PerformanceParam, body: jsonRequest(ReviewCreate) },
	responses: {
		201: jsonResponse(ReviewBody, '작성됨; Location은 후기 주소'),
		...errorResponses(400, 401, ...UNSAFE_REQUEST_ERRORS),
		...REVIEW_ERRORS,
	},
});

const getReview = createRoute({
	method: 'get',
	path: '/reviews/{id}',
	tags,
	summary: '후기 하나 (공개)',
	request: { params: ReviewParam },
	responses: {
		200: jsonResponse(ReviewBody, '후기'),
		...errorResponses(400),
		404: REVIEW_ERRORS[404],
	},
});

const updateReview = createRoute({
	method: 'patch',
	path: '/reviews/{id}',
	tags,
	summary: '내 후기 수정 (보낸 항목만 바뀜, null은 지움; 작성 시각은 그대로)',
	security: SESSION_SECURITY,
	request: { params: ReviewParam, body: jsonRequest(ReviewUpdate) },
	responses: {
		200: jsonResponse(ReviewBody, '수정됨'),
		...errorResponses(400, 401, ...UNSAFE_REQUEST_ERRORS),
		403: REVIEW_ERRORS[403],
		404: REVIEW_ERRORS[404],
	},
});

const deleteReview = createRoute({
	method: 'delete',
	path: '/reviews/{id}',
	tags,
	summary: '내 후기 삭제',
	security: SESSION_SECURITY,
	request: { params: ReviewParam },
	responses: {
		204: { description: '삭제됨' },
		...errorResponses(400, 401, ...UNSAFE_REQUEST_ERRORS),
		403: REVIEW_ERRORS[403],
		404: REVIEW_ERRORS[404],
	},
});

function assertSeenOn(seenOn: string | null | undefined, now: number): void {
	if (typeof seenOn === 'string' && !isSeenOnPossible(seenOn, now)) {
		throw ApiError.field(400, 'invalid_input', 'seenOn', SEEN_ON_NOT_PAST);
	}
}

/** `reads` runs the public list: the read connection on an embedded database; null: `db`. */
export function reviewRoutes(services: Services, reads: ReadConnection | null = null) {
	const { db, now, log } = services;
	const store = createReviewStore(db, reads);

	/** The review's owner check: 404 before 403, so a missing id never looks forbidden. */
	async function ownReview(auth: Auth, id: number): Promise<void> {
		const owner = await store.owner(id);
		if (owner === null) throw reviewNotFound();
		if (owner !== auth.user.id) throw notYourReview();
	}

	async function loadReview(id: number): Promise<Review> {
		const row = await store.find(id);
		if (row === null) throw reviewNotFound();
		return toReview(row);
	}

	return createRouter()
		.openapi(listReviews, async (c) => {
			const { id } = c.req.valid('param');
			const query = c.req.valid('query');
			const sort = query.sort ?? 'newest';
			const { page, perPage, offset } = requestedPage(query);
			const auth = c.get('auth');
			const [summary, rows, mine] = await Promise.all([
				store.summary(id),
				store.page(id, sort, perPage, offset),
				auth === null ? null : store.mine(auth.user.id, id),
			]);
			if (summary === null) throw performanceNotFound();
			return c.json(
				{
					summary,
					sort,
					paging: paging(page, perPage, summary.count),
					reviews: rows.map(toReview),
					mine: mine === null ? null : toReview(mine),
				},
				200,
			);
		})
		.openapi(createReview, async (c) => {
			const { user } = requireAuth(c);
			const { id: performanceId } = c.req.valid('param');
			const body = c.req.valid('json');
			const at = now();
			assertSeenOn(body.seenOn, at);
			if (!(await store.performanceExists(performanceId))) throw performanceNotFound();
			const existing = await store.mine(user.id, performanceId);
			if (existing !== null) throw reviewExists(existing.id);
			let id: number;
			try {
				id = await store.create({
					userId: user.id,
					performanceId,
					ratingHalves: halvesFromStars(body.rating),
					title: body.title ?? null,
					body: body.body ?? null,
					seenOn: body.seenOn ?? null,
					hasSpoilers: body.hasSpoilers ?? false,
					at: new Date(at),
				});
			} catch (error) {
				// Two tabs posting at once: the unique index lets one through.
				if (error instanceof ReviewExistsError) throw reviewExists(error.reviewId);
				throw error;
			}
			log({ level: 'info', event: 'review_created', userId: user.id, reviewId: id, performanceId });
			c.header('Location', reviewPath(id));
			return c.json({ review: await loadReview(id) }, 201);
		})
		.openapi(getReview, async (c) => {
			return c.json({ review: await loadReview(c.req.valid('param').id) }, 200);
		})
		.openapi(updateReview, async (c) => {
			const auth = requireAuth(c);
			const { id } = c.req.valid('param');
			const body = c.req.valid('json');
			const at = now();
			assertSeenOn(body.seenOn, at);
			await ownReview(auth, id);
			const changes: ReviewChanges = {
				...(body.rating === undefined ? {} : { ratingHalves: halvesFromStars(body.rating) }),
				...(body.title === undefined ? {} : { title: body.title }),
				...(body.body === undefined ? {} : { body: body.body }),
				...(body.seenOn === undefined ? {} : { seenOn: body.seenOn }),
				...(body.hasSpoilers === undefined ? {} : { hasSpoilers: body.hasSpoilers }),
			};
			await store.update(id, auth.user.id, changes, new Date(at));
			log({ level: 'info', event: 'review_updated', userId: auth.user.id, reviewId: id });
			return c.json({ review: await loadReview(id) }, 200);
		})
		.openapi(deleteReview, async (c) => {
			const auth = requireAuth(c);
			const { id } = c.req.valid('param');
			await ownReview(auth, id);
			// Gone between the check and here (another tab): the outcome the user asked for.
			await store.remove(id, auth.user.id);
			log({ level: 'info', event: 'review_deleted', userId: auth.user.id, reviewId: id });
			return c.body(null, 204);
		});
}
