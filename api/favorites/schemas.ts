/**
 * What the favorites routes answer: the one source for the store's types, the OpenAPI document and
 * the islands.
 */
import { z } from '@hono/zod-openapi';
import { Paging } from '../http/paging.ts';
import { PerformanceCard } from '../performances/card.ts';

export const FavoriteState = z
	.object({ favorite: z.boolean().openapi({ description: '찜했으면 true' }) })
	.openapi('FavoriteState');
export type FavoriteState = z.infer<typeof FavoriteState>;

export const FavoriteList = z
	.object({
		favorites: z.array(
			z.object({
				performance: PerformanceCard,
				addedAt: z.string().openapi({ format: 'date-time' }),
			}),
		),
		paging: Paging,
	})
	.openapi('FavoriteList');
export type FavoriteList = z.infer<typeof FavoriteList>;
