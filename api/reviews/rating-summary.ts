/**
 * A performance's rating aggregates: the average, the count and a five-bar histogram, the same
 * buckets the pre-rendered page shows (site/lib/ratings.ts), so the island can redraw it in place.
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

/** Folds `GROUP BY rating_halves` rows into the summary; a null rating (no reviews) counts nothing. */
export function summariseRatings(
	rows: readonly { ratingHalves: number | null; count: number }[],
): RatingSummary {
	const histogram = [0, 0, 0, 0, 0];
	let count = 0;
	let halves = 0;
	for (const row of rows) {
		if (row.ratingHalves === null || row.count === 0) continue;
		// Half-stars 1,2 → bar 0 (up to 1 star) … 9,10 → bar 4 (4.5 and 5 stars).
		const bar = Math.min(4, Math.max(0, Math.ceil(row.ratingHalves / 2) - 1));
		histogram[bar] = (histogram[bar] ?? 0) + row.count;
		count += row.count;
		halves += row.ratingHalves * row.count;
	}
	return { average: count === 0 ? 0 : halves / count / 2, count, histogram };
}
