/**
 * Ratings are stars from 0.5 to 5 in half steps, as people say them, and are stored as half-stars
 * 1..10 (`reviews.rating_halves`) so every value is an exact integer.
 */

export const RATING_HALVES_MIN = 1;
export const RATING_HALVES_MAX = 10;
export const RATING_STARS_MIN = RATING_HALVES_MIN / 2;
export const RATING_STARS_MAX = RATING_HALVES_MAX / 2;
/** One half-star. */
export const RATING_STARS_STEP = 0.5;

/** 9 half-stars → 4.5 stars. */
export function starsFromHalves(halves: number): number {
	return halves / 2;
}

/** 4.5 stars → 9 half-stars (exact for every valid rating). */
export function halvesFromStars(stars: number): number {
	return stars * 2;
}

/** True for a number on the half-star grid; the range is checked on its own (RATING_STARS_…). */
export function isHalfStep(stars: number): boolean {
	return Number.isInteger(halvesFromStars(stars));
}

/** Every rating a form offers, best first: 5, 4.5, … 0.5. */
export function ratingChoices(): number[] {
	const choices: number[] = [];
	for (let halves = RATING_HALVES_MAX; halves >= RATING_HALVES_MIN; halves -= 1) {
		choices.push(starsFromHalves(halves));
	}
	return choices;
}

export interface RatingSummary {
	/** Mean on the 0.5–5 star scale, 0 when there are no reviews. */
	average: number;
	count: number;
	/** Reviews per star bar: index 0 holds 0.5–1 stars, index 4 holds 4.5–5 stars. */
	histogram: [number, number, number, number, number];
}

/** The bar of a rating: half-stars 1,2 → 0 (up to 1 star) … 9,10 → 4 (4.5 and 5 stars). */
export function histogramBar(halves: number): number {
	return Math.min(4, Math.max(0, Math.ceil(halves / 2) - 1));
}

/**
 * Folds `GROUP BY rating_halves` rows into the summary the page and the API show; a null rating
 * (an outer join with no reviews) counts nothing.
 */
export function summariseRatings(
	rows: readonly { ratingHalves: number | null; count: number }[],
): RatingSummary {
	const histogram: RatingSummary['histogram'] = [0, 0, 0, 0, 0];
	let count = 0;
	let halves = 0;
	for (const row of rows) {
		if (row.ratingHalves === null || row.count === 0) continue;
		const bar = histogramBar(row.ratingHalves);
		histogram[bar] = (histogram[bar] ?? 0) + row.count;
		count += row.count;
		halves += row.ratingHalves * row.count;
	}
	return { average: count === 0 ? 0 : starsFromHalves(halves / count), count, histogram };
}
