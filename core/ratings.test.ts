import { expect, test } from 'vitest';
import {
	halvesFromStars,
	histogramBar,
	isHalfStep,
	RATING_STARS_MAX,
	RATING_STARS_MIN,
	RATING_STARS_STEP,
	ratingChoices,
	starsFromHalves,
	summariseRatings,
} from './ratings.ts';

test('stores stars 0.5..5 as half-stars 1..10 and back', () => {
	expect(RATING_STARS_MIN).toBe(0.5);
	expect(RATING_STARS_MAX).toBe(5);
	expect(halvesFromStars(RATING_STARS_STEP)).toBe(1);
	for (let halves = 1; halves <= 10; halves += 1) {
		expect(halvesFromStars(starsFromHalves(halves))).toBe(halves);
	}
	expect(starsFromHalves(9)).toBe(4.5);
	expect(halvesFromStars(0.5)).toBe(1);
});

test('accepts half steps only', () => {
	for (const stars of [0.5, 1, 2.5, 5]) expect(isHalfStep(stars), String(stars)).toBe(true);
	for (const stars of [0.3, 3.3, 4.75, Number.NaN, Number.POSITIVE_INFINITY]) {
		expect(isHalfStep(stars), String(stars)).toBe(false);
	}
});

test('offers every rating from 5 down to 0.5', () => {
	expect(ratingChoices()).toEqual([5, 4.5, 4, 3.5, 3, 2.5, 2, 1.5, 1, 0.5]);
});

test('puts each pair of half-stars in one bar', () => {
	expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(histogramBar)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
});

test('averages half-stars on the five-star scale and counts them by bar', () => {
	const summary = summariseRatings([
		{ ratingHalves: 10, count: 3 },
		{ ratingHalves: 9, count: 1 },
		{ ratingHalves: 1, count: 1 },
	]);
	expect(summary).toEqual({ average: (30 + 9 + 1) / 5 / 2, count: 5, histogram: [1, 0, 0, 0, 4] });
});

test('summarises no reviews, a null rating and empty groups as zero', () => {
	const empty = { average: 0, count: 0, histogram: [0, 0, 0, 0, 0] };
	expect(summariseRatings([])).toEqual(empty);
	expect(summariseRatings([{ ratingHalves: null, count: 1 }])).toEqual(empty);
	expect(summariseRatings([{ ratingHalves: 8, count: 0 }])).toEqual(empty);
});
