import { expect, test } from 'vitest';
import { summariseRatings } from '../../core/ratings.ts';
import { histogramSteps } from './ratings.ts';

test('averages half-stars on the five-star scale and buckets them by star', () => {
	const summary = summariseRatings([
		{ ratingHalves: 10, count: 3 },
		{ ratingHalves: 9, count: 1 },
		{ ratingHalves: 1, count: 1 },
	]);
	expect(summary.count).toBe(5);
	expect(summary.average).toBeCloseTo((30 + 9 + 1) / 5 / 2);
	expect(summary.histogram).toEqual([1, 0, 0, 0, 4]);
	expect(histogramSteps(summary)).toEqual([20, 0, 0, 0, 80]);
});

test('summarises no reviews as zero', () => {
	expect(summariseRatings([])).toEqual({ average: 0, count: 0, histogram: [0, 0, 0, 0, 0] });
});
