/**
 * Recommendations for the signed-in user (issue 7). Personal results need a session: there is
 * no anonymous mode, since the page and the home strip are for signed-in users and a signed-in
 * user without reviews or favorites already gets the cold-start list (picked tags + box office).
 * The tag vocabulary to pick from is public.
 *
 * A request costs the user's history query, scoring against the per-process catalogue snapshot
 * (rebuilt in the background after each ingest run, see catalog-cache.ts) and one
 * query for the cards. Only the first request after start-up waits for the snapshot.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { koreanToday } from '../../core/korean-today.ts';
import { normalizeName } from '../../core/names.ts';
import { requireAuth, requireSession } from '../auth/middleware.ts';
import { createRouter, errorResponses, jsonResponse, SESSION_SECURITY } from '../http/openapi.ts';
import { PerformanceCard } from '../performances/card.ts';
import { loadCards } from '../performances/cards.ts';
import type { Services } from '../services.ts';
import { createCatalogCache } from './catalog-cache.ts';
import { loadUserHistory } from './history.ts';
import { REASON_KINDS } from './reasons.ts';
import { recommend } from './recommend.ts';

export const RECOMMENDATION_LIMIT_DEFAULT = 20;
export const RECOMMENDATION_LIMIT_MAX = 50;
export const PICKED_TAGS_MAX = 10;
const TAG_LENGTH_MAX = 30;

export const RecommendationQuery = z.object({
	tags: z
		.string()
		.max(PICKED_TAGS_MAX * (TAG_LENGTH_MAX + 1), { error: '태그 목록이 너무 깁니다.' })
		.transform((value) =>
			[...new Set(value.split(',').map(normalizeName))].filter((tag) => tag !== ''),
		)
		.refine((tags) => tags.length <= PICKED_TAGS_MAX, {
			error: `태그는 ${PICKED_TAGS_MAX}개까지 고를 수 있습니다.`,
		})
		.refine((tags) => tags.every((tag) => tag.length <= TAG_LENGTH_MAX), {
			error: `태그는 ${TAG_LENGTH_MAX}자 이하여야 합니다.`,
		})
		.optional()
		.openapi({
			param: { name: 'tags', in: 'query' },
			description: '쉼표로 구분한 태그 (# 없이). 어휘에 없는 태그는 무시합니다.',
			example: '로맨틱,코믹한',
		}),
	limit: z
		.string()
		.regex(/^[1-9]\d{0,2}$/, { error: '개수는 1 이상의 정수여야 합니다.' })
		.transform(Number)
		.refine((value) => value <= RECOMMENDATION_LIMIT_MAX, {
			error: `개수는 ${RECOMMENDATION_LIMIT_MAX} 이하여야 합니다.`,
		})
		.optional()
		.openapi({
			param: { name: 'limit', in: 'query' },
			example: String(RECOMMENDATION_LIMIT_DEFAULT),
		}),
});

export const RecommendationReason = z
	.object({
		kind: z.enum(REASON_KINDS).openapi({
			description:
				'taste 취향(비슷한 태그·장르), people 같은 출연진·제작진·제작사, picked-tags 고른 태그, popular 예매 순위, schedule 공연 일정',
		}),
		text: z
			.string()
			.openapi({ example: "#로맨틱 #코믹한 — '사랑의 묘약'에 4.5점을 준 취향과 비슷해요" }),
		basedOn: z
			.string()
			.nullable()
			.openapi({ description: '이유가 된, 내가 후기를 쓰거나 찜한 공연의 id' }),
	})
	.openapi('RecommendationReason');

export const RecommendationList = z
	.object({
		recommendations: z.array(
			z.object({
				performance: PerformanceCard,
				score: z
					.number()
					.openapi({ description: '다양성 조정 전의 관련도; 순서는 목록 순서가 최종' }),
				reasons: z.array(RecommendationReason),
			}),
		),
		pickedTags: z.array(z.string()).openapi({ description: '반영된 태그 (어휘에 있는 것만)' }),
		personal: z
			.boolean()
			.openapi({ description: '내 후기·찜을 반영했으면 true, 없으면 태그와 인기순' }),
	})
	.openapi('RecommendationList');
export type RecommendationList = z.infer<typeof RecommendationList>;

export const RecommendationTags = z
	.object({ tags: z.array(z.string()).openapi({ example: ['로맨틱', '코믹한'] }) })
	.openapi('RecommendationTags');
export type RecommendationTags = z.infer<typeof RecommendationTags>;

const routeTags = ['recommendations'];

const getRecommendations = createRoute({
	method: 'get',
	path: '/recommendations',
	tags: routeTags,
	summary: '나를 위한 추천: 지금 공연 중이거나 60일 안에 개막하는 공연',
	description:
		'후기와 찜으로 만든 취향에 고른 태그와 이번 주 예매 순위를 더해 고릅니다. 후기를 쓰거나 찜한 공연, ' +
		'끝난 공연은 빠집니다. 후기·찜이 없으면 고른 태그와 인기순으로 추천합니다.',
	security: SESSION_SECURITY,
	middleware: [requireSession] as const,
	request: { query: RecommendationQuery },
	responses: { 200: jsonResponse(RecommendationList, '추천 목록'), ...errorResponses(400, 401) },
});

const getTags = createRoute({
	method: 'get',
	path: '/recommendations/tags',
	tags: routeTags,
	summary: '추천을 조정할 때 고를 수 있는 태그',
	responses: { 200: jsonResponse(RecommendationTags, '태그 어휘') },
});

export function recommendationRoutes(services: Services) {
	const { db, now, log } = services;
	const catalogs = createCatalogCache(db, {
		now,
		// The previous snapshot stays in use; the name is enough to find the cause in the logs.
		onError: (error) =>
			log({
				level: 'error',
				event: 'recommendation_catalog_failed',
				error: error instanceof Error ? error.name : 'unknown',
			}),
	});

	return createRouter()
		.openapi(getRecommendations, async (c) => {
			const { user } = requireAuth(c);
			const query = c.req.valid('query');
			const [catalog, history] = await Promise.all([catalogs.get(), loadUserHistory(db, user.id)]);
			const pickedTags = (query.tags ?? []).filter((tag) => catalog.vocabulary.has(tag));
			const list = recommend(catalog, history, {
				pickedTags,
				limit: query.limit ?? RECOMMENDATION_LIMIT_DEFAULT,
				today: koreanToday(now()),
			});
			const cards = await loadCards(
				db,
				list.map((entry) => entry.performanceId),
				now(),
			);
			// A show deleted since the snapshot was built has no card; it is simply left out.
			const recommendations = list.flatMap((entry) => {
				const performance = cards.get(entry.performanceId);
				if (performance === undefined) return [];
				return [
					{ performance, score: Math.round(entry.score * 10_000) / 10_000, reasons: entry.reasons },
				];
			});
			const personal = history.reviews.length + history.favorites.length > 0;
			return c.json({ recommendations, pickedTags, personal }, 200);
		})
		.openapi(getTags, async (c) => {
			const catalog = await catalogs.get();
			return c.json({ tags: [...catalog.vocabulary] }, 200);
		});
}
