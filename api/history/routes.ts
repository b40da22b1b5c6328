/**
 * Viewing history and statistics, for the signed-in user only (no route takes a user id). The
 * history is the performances the user reviewed, newest review first. Their URLs sit under
 * /api/profile (and their OpenAPI tag is `profile`) because the 내 프로필 page shows them; the
 * profile itself is the account's details (accounts/profile.ts).
 */
import { createRoute } from '@hono/zod-openapi';
import { requireAuth } from '../auth/middleware.ts';
import { createRouter, errorResponses, jsonResponse, SESSION_SECURITY } from '../http/openapi.ts';
import { PageQuery, paging, requestedPage } from '../http/paging.ts';
import type { Services } from '../services.ts';
import { ViewingHistory, ViewingStats } from './schemas.ts';
import { createHistoryStore } from './store.ts';

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
			const { page, perPage, offset } = requestedPage(query);
			const [history, total] = await Promise.all([
				store.page(user.id, perPage, offset, now()),
				store.total(user.id),
			]);
			return c.json({ history, paging: paging(page, perPage, total) }, 200);
		})
		.openapi(getStats, async (c) => {
			return c.json(await store.stats(requireAuth(c).user.id), 200);
		});
}
