/**
 * Review schemas: the one source for validation, the OpenAPI document and the types the islands
 * import. Messages are Korean and name their field, because the form shows them beside the input.
 */
import { z } from '@hono/zod-openapi';
import { notTextMessage } from '../../core/account-fields.ts';
import { RATING_STARS_MAX, RATING_STARS_MIN, RATING_STARS_STEP } from '../../core/ratings.ts';
import {
	RATING_MESSAGES,
	REVIEW_BODY,
	REVIEW_TITLE,
	ratingProblem,
	SEEN_ON,
	SEEN_ON_NOT_TEXT,
} from '../../core/review-fields.ts';
import { PageQuery } from '../http/paging.ts';
import { textSchema } from '../text-schema.ts';

/**
 * Stars from 0.5 to 5 in half steps, as people say it. Stored as half-stars 1..10 so every value
 * is an exact integer (`reviews.rating_halves`). A number only: "4" and NaN are refused, not coerced.
 * core/review-fields.ts words every problem; zod only refuses what is not a number.
 */
export const Rating = z
	.number({ error: RATING_MESSAGES.notNumber })
	.superRefine((value, context) => {
		const problem = ratingProblem(value);
		if (problem !== null) context.addIssue({ code: 'custom', message: problem });
	})
	.openapi({
		minimum: RATING_STARS_MIN,
		maximum: RATING_STARS_MAX,
		example: 4.5,
		description: `${RATING_STARS_MIN}~${RATING_STARS_MAX}, ${RATING_STARS_STEP} 단위`,
	});

/** Text is stored exactly as written (never trimmed, escaped or sanitised); "" means none. */
function optionalText(label: string, field: typeof REVIEW_TITLE) {
	return textSchema(field, () => notTextMessage(label))
		.nullable()
		.transform((value) => (value === '' ? null : value));
}

export const ReviewTitle = optionalText('제목', REVIEW_TITLE).openapi({
	example: '두 번 봐도 좋은 무대',
});
export const ReviewText = optionalText('내용', REVIEW_BODY).openapi({
	example: '2막의 합창이 오래 남습니다.',
});

/** Only the format and the calendar; "not in the future" needs the clock (isSeenOnPossible). */
export const SeenOn = textSchema(SEEN_ON, () => SEEN_ON_NOT_TEXT)
	.nullable()
	.openapi({ format: 'date', example: '2026-05-01' });

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
