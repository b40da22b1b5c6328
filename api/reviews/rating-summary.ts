/**
 * A performance's rating aggregates as the API documents them: the average, the count and a
 * five-bar histogram, computed by core/ratings.ts for the pre-rendered page and the API alike, so
 * the island can redraw the page's summary in place.
 */
import { z } from '@hono/zod-openapi';

export const RatingSummary = z
	.object({
		/** Mean in stars (0.5–5), 0 when there are no reviews. */
		average: z.number(),
		count: z.number().int(),
		histogram: z.array(z.number().int()).length(5).openapi({
			description: '별점 구간별 후기 수: 0번은 0.5~1점, 4번은 4.5~5점',
		}),
	})
	.openapi('RatingSummary');
export type RatingSummary = z.infer<typeof RatingSummary>;
