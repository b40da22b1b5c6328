/**
 * DOM for reviews and the rating summary, built with dom.ts: everything a user wrote goes in as
 * text, never markup.
 */
import type { RatingSummary } from '../../../api/reviews/rating-summary.ts';
import type { Review } from '../../../api/reviews/responses.ts';
import { formatRating } from '../../lib/format.ts';
import { histogramSteps } from '../../lib/ratings.ts';
import { element, multiline } from '../dom.ts';

const DATE = new Intl.DateTimeFormat('ko-KR', { dateStyle: 'medium', timeZone: 'Asia/Seoul' });

/** `2025-06-01` → `2025. 6. 1.` in the reader's Korean format. */
export function formatDay(isoDay: string): string {
	return DATE.format(new Date(`${isoDay}T12:00:00+09:00`));
}

/** The spoiler stays folded until the reader opens it; the title is shown (authors keep it clean). */
function bodyOf(review: Review): HTMLElement | null {
	if (review.body === null) return null;
	const text = element('p', 'review-text mb-0', ...multiline(review.body));
	if (!review.hasSpoilers) return text;
	const summary = element(
		'summary',
		'small fw-semibold',
		'스포일러가 있는 후기입니다. 눌러서 보기',
	);
	return element('details', 'review-spoiler', summary, text);
}

export function reviewItem(review: Review, mine: boolean): HTMLLIElement {
	const stars = element('span', 'fw-bold text-nowrap', `★ ${formatRating(review.rating)}`);
	stars.setAttribute('aria-label', `별점 ${formatRating(review.rating)}점`);
	const meta = element(
		'p',
		'd-flex flex-wrap gap-2 align-items-baseline mb-1',
		stars,
		element('span', 'fw-semibold', review.username),
	);
	if (mine) meta.append(element('span', 'badge text-bg-secondary', '내 후기'));
	const written = DATE.format(new Date(review.createdAt));
	const edited = review.updatedAt === review.createdAt ? '' : ' (수정됨)';
	meta.append(element('span', 'small text-body-secondary', `${written} 작성${edited}`));
	if (review.seenOn !== null) {
		meta.append(element('span', 'small text-body-secondary', `${formatDay(review.seenOn)} 관람`));
	}
	const item = element('li', 'card card-body mb-2', meta);
	item.dataset.reviewId = String(review.id);
	if (review.title !== null) item.append(element('h4', 'h6 mb-1', review.title));
	const body = bodyOf(review);
	if (body !== null) item.append(body);
	return item;
}

/** Redraws the pre-rendered summary with live figures, in the markup RatingSummary.astro writes. */
export function renderSummary(container: HTMLElement, summary: RatingSummary): void {
	if (summary.count === 0) {
		container.replaceChildren(
			element('p', 'mb-0 text-body-secondary', '아직 평점이 없습니다. 첫 후기를 남겨 주세요.'),
		);
		return;
	}
	const average = element('p', 'rating-average mb-1', formatRating(summary.average));
	average.dataset.ratingAverage = '';
	const count = element('span', '', String(summary.count));
	count.dataset.ratingCount = '';
	const headline = element(
		'div',
		'text-center',
		average,
		element('p', 'mb-0 small text-body-secondary', '5점 만점 · ', count, '명 평가'),
	);
	// Same bars and classes as RatingSummary.astro: widths come from classes (CSP, no inline styles).
	const steps = histogramSteps(summary);
	const rows = [5, 4, 3, 2, 1].map((star) => {
		const value = summary.histogram[star - 1] ?? 0;
		const bar = element('div', 'rating-bar');
		bar.setAttribute('aria-hidden', 'true');
		bar.append(element('span', `rating-fill fill-${steps[star - 1] ?? 0}`));
		const label = element('th', 'fw-normal text-nowrap small', `${star}점`);
		label.scope = 'row';
		return element(
			'tr',
			'',
			label,
			element('td', 'w-100 align-middle', bar),
			element('td', 'text-end small text-nowrap', `${value}명`),
		);
	});
	const table = element(
		'table',
		'table table-sm table-borderless mb-0 flex-grow-1',
		element('caption', 'visually-hidden', '별점 분포'),
		element('tbody', '', ...rows),
	);
	container.replaceChildren(headline, table);
}
