import { describe, expect, test } from 'vitest';
import {
	checkReview,
	isSeenOnPossible,
	isStorableText,
	RATING_MESSAGES,
	RATING_NOT_CHOSEN,
	ratingProblem,
	SEEN_ON_NOT_PAST,
} from './review-fields.ts';

/** 2025-05-01 16:00 UTC: already 2 May in Korea. */
const NOW = Date.UTC(2025, 4, 1, 16, 0);
const none = { title: null, body: null, seenOn: null };

describe('rating', () => {
	test('is 0.5 to 5 stars in half steps', () => {
		for (const stars of [0.5, 1, 3.5, 5]) expect(ratingProblem(stars), String(stars)).toBeNull();
		expect(ratingProblem(0)).toBe(RATING_MESSAGES.tooLow);
		expect(ratingProblem(0.3)).toBe(RATING_MESSAGES.tooLow);
		expect(ratingProblem(5.5)).toBe(RATING_MESSAGES.tooHigh);
		expect(ratingProblem(3.3)).toBe(RATING_MESSAGES.notHalfStep);
		expect(ratingProblem(Number.POSITIVE_INFINITY)).toBe(RATING_MESSAGES.notNumber);
		expect(RATING_MESSAGES).toEqual({
			notNumber: '별점은 0.5부터 5까지의 숫자여야 합니다.',
			tooLow: '별점은 0.5점 이상이어야 합니다.',
			tooHigh: '별점은 5점 이하여야 합니다.',
			notHalfStep: '별점은 0.5점 단위여야 합니다.',
		});
	});

	test('the form asks for a star while none is chosen', () => {
		expect(checkReview({ rating: Number.NaN, ...none }, NOW)).toEqual({
			rating: RATING_NOT_CHOSEN,
		});
		expect(checkReview({ rating: 4.5, ...none }, NOW)).toEqual({});
	});
});

describe('seenOn', () => {
	test('is today or earlier in Korea, the day turning at 15:00 UTC', () => {
		const before = Date.parse('2025-05-01T14:59:59Z');
		const after = Date.parse('2025-05-01T15:00:00Z');
		expect(isSeenOnPossible('2025-05-02', before)).toBe(false);
		expect(isSeenOnPossible('2025-05-02', after)).toBe(true);
		expect(isSeenOnPossible('2025-05-01', before)).toBe(true);
		expect(isSeenOnPossible('1900-01-01', before)).toBe(true);
		expect(isSeenOnPossible('1899-12-31', before)).toBe(false);
	});

	test('gives the format, calendar and date messages in that order', () => {
		const seen = (seenOn: string) => checkReview({ rating: 4, ...none, seenOn }, NOW).seenOn;
		expect(seen('2025/04/01')).toBe('관람일은 YYYY-MM-DD 형식이어야 합니다.');
		expect(seen('2025-02-29')).toBe('관람일이 달력에 없는 날짜입니다.');
		expect(seen('2024-02-29')).toBeUndefined();
		expect(seen('2025-05-02')).toBeUndefined();
		expect(seen('2025-05-03')).toBe(SEEN_ON_NOT_PAST);
		expect(SEEN_ON_NOT_PAST).toBe('관람일은 1900-01-01 이후, 오늘이나 그 이전이어야 합니다.');
	});
});

describe('title and body', () => {
	test('are bounded in length, counted as zod counts', () => {
		const check = (title: string, body: string) =>
			checkReview({ rating: 4, title, body, seenOn: null }, NOW);
		expect(check('x'.repeat(100), 'x'.repeat(5000))).toEqual({});
		expect(check('x'.repeat(101), 'x'.repeat(5001))).toEqual({
			title: '제목은 100자 이하여야 합니다.',
			body: '내용은 5,000자 이하여야 합니다.',
		});
	});

	test('keep line breaks and tabs, refuse other control characters and lone surrogates', () => {
		expect(isStorableText('첫 줄\n둘째\r\n\t셋째 🎭')).toBe(true);
		for (const text of ['a\u0000b', 'a\u0007', 'a\u007f', 'a\u0085', 'a\ud800', '\udfffz']) {
			expect(isStorableText(text), JSON.stringify(text)).toBe(false);
		}
		expect(
			checkReview({ rating: 4, title: 'a\u0000', body: 'b\ud800', seenOn: null }, NOW),
		).toEqual({
			title: '제목에 쓸 수 없는 문자가 있습니다.',
			body: '내용에 쓸 수 없는 문자가 있습니다.',
		});
	});
});
