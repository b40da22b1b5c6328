/**
 * The review fields' rules: limits, the Korean messages and the checks, defined once.
 * api/reviews/fields.ts builds the request schemas from them; the review form checks with
 * checkReview before sending, so it shows the API's own message beside each field.
 */
import { EARLIEST_PLAUSIBLE_DAY, ISO_DATE_PATTERN, isCalendarDate } from './calendar.ts';
import { firstProblem, type TextField } from './field-rules.ts';
import { withParticle } from './korean-particle.ts';
import { koreanToday } from './korean-today.ts';
import { isHalfStep, RATING_STARS_MAX, RATING_STARS_MIN, RATING_STARS_STEP } from './ratings.ts';

export const REVIEW_TITLE_MAX = 100;
export const REVIEW_BODY_MAX = 5000;
export const EARLIEST_SEEN_ON = EARLIEST_PLAUSIBLE_DAY;

export const RATING_MESSAGES = {
	notNumber: `별점은 ${RATING_STARS_MIN}부터 ${RATING_STARS_MAX}까지의 숫자여야 합니다.`,
	tooLow: `별점은 ${RATING_STARS_MIN}점 이상이어야 합니다.`,
	tooHigh: `별점은 ${RATING_STARS_MAX}점 이하여야 합니다.`,
	notHalfStep: `별점은 ${RATING_STARS_STEP}점 단위여야 합니다.`,
} as const;

/**
 * The form's prompt while no star is chosen: its select can only send a valid rating or nothing,
 * and "nothing" reads better as a request than as the API's "not a number".
 */
export const RATING_NOT_CHOSEN = '별점을 골라 주세요.';

/** The API's message for a rating, or null when it is one (0.5 to 5 in half steps). */
export function ratingProblem(stars: number): string | null {
	if (!Number.isFinite(stars)) return RATING_MESSAGES.notNumber;
	if (stars < RATING_STARS_MIN) return RATING_MESSAGES.tooLow;
	if (stars > RATING_STARS_MAX) return RATING_MESSAGES.tooHigh;
	return isHalfStep(stars) ? null : RATING_MESSAGES.notHalfStep;
}

/** Control characters (Unicode Cc: C0, DEL, C1) other than tab, line feed and carriage return. */
const CONTROL_CHARACTER = /(?![\t\n\r])\p{Cc}/u;

/**
 * Text that can be stored as written: lone UTF-16 surrogates become U+FFFD in SQLite, and the
 * driver cuts a string at NUL, so both would change what the user wrote. Other control
 * characters have no place in a review either.
 */
export function isStorableText(value: string): boolean {
	return value.isWellFormed() && !CONTROL_CHARACTER.test(value);
}

/** A title or body: stored exactly as written (never trimmed, escaped or sanitised). */
export function reviewTextField(label: string, max: number): TextField {
	return {
		steps: [],
		rules: [
			{
				kind: 'maxLength',
				length: max,
				message: `${withParticle(label, '은/는')} ${max.toLocaleString('en-US')}자 이하여야 합니다.`,
			},
			{ kind: 'check', test: isStorableText, message: `${label}에 쓸 수 없는 문자가 있습니다.` },
		],
	};
}

export const REVIEW_TITLE = reviewTextField('제목', REVIEW_TITLE_MAX);
export const REVIEW_BODY = reviewTextField('내용', REVIEW_BODY_MAX);

export const SEEN_ON_NOT_TEXT = '관람일은 YYYY-MM-DD 형식의 문자열이어야 합니다.';

/** Only the format and the calendar; "not in the future" needs the clock (isSeenOnPossible). */
export const SEEN_ON: TextField = {
	steps: [],
	rules: [
		{
			kind: 'pattern',
			pattern: ISO_DATE_PATTERN,
			message: '관람일은 YYYY-MM-DD 형식이어야 합니다.',
		},
		{ kind: 'check', test: isCalendarDate, message: '관람일이 달력에 없는 날짜입니다.' },
	],
};

export const SEEN_ON_NOT_PAST = `관람일은 ${EARLIEST_SEEN_ON} 이후, 오늘이나 그 이전이어야 합니다.`;

/** True when the date is today or earlier in Korea at `now` (a show seen tonight counts). */
export function isSeenOnPossible(value: string, now: number): boolean {
	return value >= EARLIEST_SEEN_ON && value <= koreanToday(now);
}

/** A review as the form sends it; null means "none" for the optional fields. */
export interface ReviewInput {
	rating: number;
	title: string | null;
	body: string | null;
	seenOn: string | null;
}

/** The form's checks before sending: per field, the message the API would give (or the prompt). */
export function checkReview(review: ReviewInput, now: number): Record<string, string> {
	const fields: Record<string, string> = {};
	const rating = Number.isNaN(review.rating) ? RATING_NOT_CHOSEN : ratingProblem(review.rating);
	if (rating !== null) fields.rating = rating;
	const title = review.title === null ? null : firstProblem(REVIEW_TITLE, review.title);
	if (title !== null) fields.title = title;
	const body = review.body === null ? null : firstProblem(REVIEW_BODY, review.body);
	if (body !== null) fields.body = body;
	if (review.seenOn !== null) {
		const seenOn =
			firstProblem(SEEN_ON, review.seenOn) ??
			(isSeenOnPossible(review.seenOn, now) ? null : SEEN_ON_NOT_PAST);
		if (seenOn !== null) fields.seenOn = seenOn;
	}
	return fields;
}
