/** Review ratings as stored (half-stars 1..10) summarised for display. */

export interface RatingSummary {
	/** Mean on the 0.5–5 star scale. */
	average: number;
	count: number;
	/** Reviews per star bucket: index 0 holds 0.5–1 stars, index 4 holds 4.5–5 stars. */
	histogram: [number, number, number, number, number];
}

export function summariseRatings(
	rows: readonly { ratingHalves: number; count: number }[],
): RatingSummary {
	const histogram: RatingSummary['histogram'] = [0, 0, 0, 0, 0];
	let total = 0;
	let halves = 0;
	for (const row of rows) {
		const bucket = Math.min(4, Math.max(0, Math.ceil(row.ratingHalves / 2) - 1));
		histogram[bucket] = (histogram[bucket] ?? 0) + row.count;
		total += row.count;
		halves += row.ratingHalves * row.count;
	}
	return { average: total === 0 ? 0 : halves / total / 2, count: total, histogram };
}

/** Percentages of the histogram rounded to steps of 5, for CSS classes (no inline styles). */
export function histogramSteps(summary: RatingSummary): number[] {
	return summary.histogram.map((value) =>
		summary.count === 0 ? 0 : Math.round(((value / summary.count) * 100) / 5) * 5,
	);
}
