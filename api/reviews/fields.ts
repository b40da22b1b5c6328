/**
 * Review schemas: the one source for validation, the OpenAPI document and the types the islands
 * import. Messages are Korean and name their field, because the form shows them beside the input.
 */
import { z } from '@hono/zod-openapi';
import { EARLIEST_BIRTHDAY, isCalendarDate, koreanToday } from '../accounts/fields.ts';
import { PageQuery } from '../http/paging.ts';

export const REVIEW_TITLE_MAX = 100;
export const REVIEW_BODY_MAX = 5000;
/** Dates before this are typing mistakes (the oldest KOPIS records are from the 2000s). */
export const EARLIEST_SEEN_ON = EARLIEST_BIRTHDAY;

/** Control characters (Unicode Cc: C0, DEL, C1) other than tab, line feed and carriage return. */
const CONTROL_CHARACTER = /(?![\t\n\r])\p{Cc}/u;

/**
 * Text that can be stored as written: lone UTF-16 surrogates become U+FFFD in SQLite, and the
 * driver cuts a string at NUL, so both would change what the user wrote. Other control
 * characters have no place in a review either.
 */
function storable(label: string) {
	return [
		(value: string) => value.isWellFormed() && !CONTROL_CHARACTER.test(value),
		{ error: `${label}에 쓸 수 없는 문자가 있습니다.` },
	] as const;
}

/**
 * Stars from 0.5 to 5 in half steps, as people say it. Stored as half-stars 1..10 so every value
 * is an exact integer (`reviews.rating_halves`). A number only: "4" and NaN are refused, not coerced.
 */
export const Rating = z
	.number({ error: '별점은 0.5부터 5까지의 숫자여야 합니다.' })
	.min(0.5, { error: '별점은 0.5점 이상이어야 합니다.' })
	.max(5, { error: '별점은 5점 이하여야 합니다.' })
	.refine((value) => Number.isInteger(value * 2), { error: '별점은 0.5점 단위여야 합니다.' })
	.openapi({ example: 4.5, description: '0.5~5, 0.5 단위' });

/** Text is stored exactly as written (never trimmed, escaped or sanitised); "" means none. */
function optionalText(label: string, max: number) {
	return z
		.string({ error: `${label}은 문자열이어야 합니다.` })
		.max(max, { error: `${label}은 ${max.toLocaleString('en-US')}자 이하여야 합니다.` })
		.refine(...storable(label))
		.nullable()
		.transform((value) => (value === '' ? null : value));
}

export const ReviewTitle = optionalText('제목', REVIEW_TITLE_MAX).openapi({
	example: '두 번 봐도 좋은 무대',
});
export const ReviewText = optionalText('내용', REVIEW_BODY_MAX).openapi({
	example: '2막의 합창이 오래 남습니다.',
});

/** Only the format and the calendar; "not in the future" needs the clock (assertSeenOnPast). */
export const SeenOn = z
	.string({ error: '관람일은 YYYY-MM-DD 형식의 문자열이어야 합니다.' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '관람일은 YYYY-MM-DD 형식이어야 합니다.' })
	.refine(isCalendarDate, { error: '관람일이 달력에 없는 날짜입니다.' })
	.nullable()
	.openapi({ format: 'date', example: '2026-05-01' });

export const SEEN_ON_NOT_PAST = `관람일은 ${EARLIEST_SEEN_ON} 이후, 오늘이나 그 이전이어야 합니다.`;

/** True when the date is today or earlier in Korea (a show seen tonight counts). */
export function isSeenOnPossible(value: string, now: number): boolean {
	return value >= EARLIEST_SEEN_ON && value <= koreanToday(now);
}

const HasSpoilers = z
	.boolean({ error: '스포일러 표시는 true 또는 false여야 합니다.' })
	.openapi({ description: '스포일러가 있으면 본문은 독자가 펼칠 때만 보입니다.' });

export const ReviewCreate = z
	.strictObject({
		rating: Rating,
		title: ReviewTitle.optional(),
		body: ReviewText.optional(),
		seenOn: SeenOn.optional(),
		hasSpoilers: HasSpoilers.optional(),
	})
	.openapi('ReviewCreate');
export type ReviewCreate = z.input<typeof ReviewCreate>;

/** Any subset of the fields; null clears an optional one. */
export const ReviewUpdate = z
	.strictObject({
		rating: Rating.optional(),
		title: ReviewTitle.optional(),
		body: ReviewText.optional(),
		seenOn: SeenOn.optional(),
		hasSpoilers: HasSpoilers.optional(),
	})
	.refine((value) => Object.keys(value).length > 0, { error: '바꿀 항목을 하나 이상 보내 주세요.' })
	.openapi('ReviewUpdate');
export type ReviewUpdate = z.input<typeof ReviewUpdate>;

export const ReviewSort = z
	.enum(['newest', 'highest', 'lowest'], {
		error: '정렬은 newest, highest, lowest 중 하나여야 합니다.',
	})
	.openapi({ description: '최신순 newest, 별점 높은 순 highest, 낮은 순 lowest' });
export type ReviewSort = z.infer<typeof ReviewSort>;

export const ReviewListQuery = PageQuery.extend({
	sort: ReviewSort.optional().openapi({ param: { name: 'sort', in: 'query' } }),
});

export const ReviewParam = z.object({
	id: z
		.string()
		.regex(/^[1-9]\d{0,14}$/, { error: '후기 번호가 올바르지 않습니다.' })
		.transform(Number)
		.openapi({ param: { name: 'id', in: 'path' }, example: '42' }),
});
