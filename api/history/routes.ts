/**
 * The profile's viewing history and statistics, for the signed-in user only (no route takes a
 * user id). The history is the performances the user reviewed, newest review first.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAuth } from '../auth/middleware.ts';
import { createRouter, errorResponses, jsonResponse, SESSION_SECURITY } from '../http/openapi.ts';
import { PerformanceCard } from '../performances/card.ts';
import { PageQuery, Paging, PER_PAGE_DEFAULT, paging } from '../reviews/fields.ts';
import type { Services } from '../services.ts';
import { createHistoryStore } from './store.ts';

export const ViewingHistory = z
	.object({
		history: z.array(
			z.object({
				reviewId: z.number().int(),
				performance: PerformanceCard,
				rating: z.number().openapi({ description: '내가 준 별점, 0.5~5' }),
				seenOn: z.string().nullable().openapi({ format: 'date' }),
				reviewedAt: z.string().openapi({ format: 'date-time' }),
			}),
		),
		paging: Paging,
	})
	.openapi('ViewingHistory');
export type ViewingHistory = z.infer<typeof ViewingHistory>;

export const ViewingStats = z
	.object({
		reviewCount: z.number().int(),
		favoriteCount: z.number().int(),
		averageRating: z
			.number()
			.nullable()
			.openapi({ description: '내가 준 별점 평균; 후기가 없으면 null' }),
		byGenre: z.array(z.object({ genreName: z.string(), count: z.number().int() })),
		topVenue: z
			.object({
				id: z.string().nullable(),
				name: z.string(),
				count: z.number().int(),
			})
			.nullable()
			.openapi({ description: '가장 많이 관람한(후기를 남긴) 공연장' }),
	})
	.openapi('ViewingStats');
export type ViewingStats = z.infer<typeof ViewingStats>;

const tags = ['profile'];

const getHistory = createRoute({
	method: 'get',
	path: '/profile/history',
	tags,
	summary: '내 관람 기록: 후기를 남긴 공연과 내 별점 (최근 순)',
	security: SESSION_SECURITY,
	request: { query: PageQuery },
	responses: { 200: jsonResponse(ViewingHistory, '관람 기록'), ...errorResponses(400, 401) },
});

const getStats = createRoute({
	method: 'get',
	path: '/profile/stats',
	tags,
	summary: '내 관람 통계: 장르별 편수, 평균 별점, 가장 많이 간 공연장',
	security: SESSION_SECURITY,
	responses: { 200: jsonResponse(ViewingStats, '관람 통계'), ...errorResponses(401) },
});

export function historyRoutes(services: Services) {
	const { db, now } = services;
	const store = createHistoryStore(db);

	return createRouter()
		.openapi(getHistory, async (c) => {
			const { user } = requireAuth(c);
			const query = c.req.valid('query');
			const page = query.page ?? 1;
			const perPage = query.perPage ?? PER_PAGE_DEFAULT;
			const [history, total] = await Promise.all([
				store.page(user.id, perPage, (page - 1) * perPage, now()),
				store.total(user.id),
			]);
			return c.json({ history, paging: paging(page, perPage, total) }, 200);
		})
		.openapi(getStats, async (c) => {
			return c.json(await store.stats(requireAuth(c).user.id), 200);
		});
}
