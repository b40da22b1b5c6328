/**
 * How the site draws a rating summary (core/ratings.ts computes it): the page at build time and
 * the review island with the API's live figures.
 */

/** Percentages of the histogram rounded to steps of 5, for CSS classes (no inline styles). */
export function histogramSteps(summary: { count: number; histogram: readonly number[] }): number[] {
	return summary.histogram.map((value) =>
		summary.count === 0 ? 0 : Math.round(((value / summary.count) * 100) / 5) * 5,
	);
}
