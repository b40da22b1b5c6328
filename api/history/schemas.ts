/**
 * What the viewing history routes answer: the one source for the store's types, the OpenAPI
 * document and the islands.
 */
import { z } from '@hono/zod-openapi';
import { Paging } from '../http/paging.ts';
import { PerformanceCard } from '../performances/card.ts';

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
		/** Stars; null before the first review. */
		averageRating: z
			.number()
			.nullable()
			.openapi({ description: '내가 준 별점 평균; 후기가 없으면 null' }),
		/** Reviewed performances per genre, most first. */
		byGenre: z.array(z.object({ genreName: z.string(), count: z.number().int() })),
		/** The venue of the most reviewed performances; ties go to the most recent visit. */
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
