/**
 * The review form's checks (core's checkReview) against the API's schema built from the same
 * rules: for each input the form can send, both give the same Korean message per field (or
 * none). The one difference is deliberate: while no star is chosen the form asks for one.
 */
import { expect, test } from 'vitest';
import {
	checkReview,
	isSeenOnPossible,
	RATING_NOT_CHOSEN,
	type ReviewInput,
	SEEN_ON_NOT_PAST,
} from '../../core/review-fields.ts';
import { validationError } from '../http/errors.ts';
import { ReviewCreate } from './fields.ts';

const NOW = Date.UTC(2025, 4, 1, 16, 0); // 2 May 2025 in Korea

function apiFields(body: Record<string, unknown>): Record<string, string> {
	const result = ReviewCreate.safeParse(body);
	if (result.success) {
		const { seenOn } = result.data;
		// The route checks "not in the future" with its clock after the schema (assertSeenOn).
		return typeof seenOn === 'string' && !isSeenOnPossible(seenOn, NOW)
			? { seenOn: SEEN_ON_NOT_PAST }
			: {};
	}
	return validationError(result.error).fields ?? {};
}

const VALID: ReviewInput = { rating: 4, title: null, body: null, seenOn: null };

/** One field at a time: the route checks the date only once the rest of the body is valid. */
const cases: [string, Partial<ReviewInput>][] = [
	['a valid review', {}],
	['a rating below half a star', { rating: 0.3 }],
	['a rating above five', { rating: 5.5 }],
	['a rating off the half steps', { rating: 3.3 }],
	['the longest title', { title: 'x'.repeat(100) }],
	['a title too long', { title: 'x'.repeat(101) }],
	['a title with NUL', { title: '제목\u0000' }],
	['markup in the title', { title: '<b>굵게</b>' }],
	['the longest body', { body: 'x'.repeat(5000) }],
	['a body too long', { body: 'x'.repeat(5001) }],
	['a body with a lone surrogate', { body: '본문\ud800' }],
	['a body with line breaks and tabs', { body: '첫 줄\r\n\t둘째' }],
	['today in Korea', { seenOn: '2025-05-02' }],
	['tomorrow in Korea', { seenOn: '2025-05-03' }],
	['before 1900', { seenOn: '1899-12-31' }],
	['a day not on the calendar', { seenOn: '2025-02-29' }],
	['a leap day', { seenOn: '2024-02-29' }],
	['another date format', { seenOn: '2025/04/01' }],
];

test.each(cases)('gives the API’s messages for %s', (_name, change) => {
	const review = { ...VALID, ...change };
	expect(checkReview(review, NOW)).toEqual(apiFields(review));
});

test('asks for a star where the API says a rating must be a number', () => {
	const review = { rating: Number.NaN, title: null, body: null, seenOn: null };
	expect(checkReview(review, NOW)).toEqual({ rating: RATING_NOT_CHOSEN });
	expect(apiFields(review)).toEqual({ rating: '별점은 0.5부터 5까지의 숫자여야 합니다.' });
});
