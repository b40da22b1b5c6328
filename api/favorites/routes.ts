/**
 * Favorites (찜) of the signed-in user: add (PUT) and remove (DELETE) are idempotent, so a double
 * click or a retried request is never an error; the list is newest first with poster, dates and
 * today's state. Nobody can read or change another user's favorites: no route takes a user id.
 */
import { createRoute } from '@hono/zod-openapi';
import { requireAuth } from '../auth/middleware.ts';
import {
	createRouter,
	errorResponses,
	jsonResponse,
	SESSION_SECURITY,
	UNSAFE_REQUEST_ERRORS,
} from '../http/openapi.ts';
import { PageQuery, paging, requestedPage } from '../http/paging.ts';
import {
	NOT_FOUND_RESPONSE,
	PerformanceParam,
	performanceNotFound,
} from '../performances/by-id.ts';
import type { Services } from '../services.ts';
import { FavoriteList, FavoriteState } from './schemas.ts';
import { createFavoriteStore } from './store.ts';

const tags = ['favorites'];
const security = SESSION_SECURITY;
const request = { params: PerformanceParam };

const listFavorites = createRoute({
	method: 'get',
	path: '/favorites',
	tags,
	summary: '내가 찜한 공연 (최근에 찜한 순)',
	security,
	request: { query: PageQuery },
	responses: { 200: jsonResponse(FavoriteList, '찜 목록'), ...errorResponses(400, 401) },
});

const getFavorite = createRoute({
	method: 'get',
	path: '/favorites/{id}',
	tags,
	summary: '이 공연을 찜했는지',
	security,
	request,
	responses: {
		200: jsonResponse(FavoriteState, '찜 여부'),
		...errorResponses(401),
		404: NOT_FOUND_RESPONSE,
	},
});

const addFavorite = createRoute({
	method: 'put',
	path: '/favorites/{id}',
	tags,
	summary: '찜하기 (이미 찜했어도 200)',
	security,
	request,
	responses: {
		200: jsonResponse(FavoriteState, '찜함'),
		...errorResponses(401, ...UNSAFE_REQUEST_ERRORS),
		404: NOT_FOUND_RESPONSE,
	},
});

const removeFavorite = createRoute({
	method: 'delete',
	path: '/favorites/{id}',
	tags,
	summary: '찜 취소 (찜하지 않았어도 204)',
	security,
	request,
	responses: {
		204: { description: '찜 목록에서 빠짐' },
		...errorResponses(401, ...UNSAFE_REQUEST_ERRORS),
		404: NOT_FOUND_RESPONSE,
	},
});

export function favoriteRoutes(services: Services) {
	const { db, now } = services;
	const store = createFavoriteStore(db);

	return createRouter()
		.openapi(listFavorites, async (c) => {
			const { user } = requireAuth(c);
			const query = c.req.valid('query');
			const { page, perPage, offset } = requestedPage(query);
			const [items, total] = await Promise.all([
				store.page(user.id, perPage, offset, now()),
				store.total(user.id),
			]);
			return c.json({ favorites: items, paging: paging(page, perPage, total) }, 200);
		})
		.openapi(getFavorite, async (c) => {
			const { user } = requireAuth(c);
			const favorite = await store.isFavorite(user.id, c.req.valid('param').id);
			if (favorite === null) throw performanceNotFound();
			return c.json({ favorite }, 200);
		})
		.openapi(addFavorite, async (c) => {
			const { user } = requireAuth(c);
			const added = await store.add(user.id, c.req.valid('param').id, new Date(now()));
			if (!added) throw performanceNotFound();
			return c.json({ favorite: true }, 200);
		})
		.openapi(removeFavorite, async (c) => {
			const { user } = requireAuth(c);
			const known = await store.remove(user.id, c.req.valid('param').id);
			if (!known) throw performanceNotFound();
			return c.body(null, 204);
		});
}
