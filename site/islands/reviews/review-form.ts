/**
 * The review form's fields: what it sends, how it is filled for an edit, and where the API's
 * per-field messages go (beside each field, via textContent).
 */
import type { ReviewCreate } from '../../../api/reviews/fields.ts';
import type { Review } from '../../../api/reviews/responses.ts';
import { koreanToday } from '../../../core/korean-today.ts';
import { checkReview } from '../../../core/review-fields.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function control(form: HTMLFormElement, name: string): Control | null {
	const found = form.elements.namedItem(name);
	return found instanceof HTMLInputElement ||
		found instanceof HTMLSelectElement ||
		found instanceof HTMLTextAreaElement
		? found
		: null;
}

function text(form: HTMLFormElement, name: string): string | null {
	const value = control(form, name)?.value ?? '';
	// Stored as written: only an empty or blank field means "none".
	return value.trim() === '' ? null : value;
}

/** The whole review as the form holds it; edits send every field, so clearing one clears it. */
export function readReview(form: HTMLFormElement): ReviewCreate {
	const spoiler = control(form, 'hasSpoilers');
	const rating = control(form, 'rating')?.value ?? '';
	return {
		// Number('') is 0: an unchosen rating must stay "no number" for the check below.
		rating: rating === '' ? Number.NaN : Number(rating),
		title: text(form, 'title'),
		body: text(form, 'body'),
		seenOn: text(form, 'seenOn'),
		hasSpoilers: spoiler instanceof HTMLInputElement && spoiler.checked,
	};
}

export function fillReview(form: HTMLFormElement, review: Review | null): void {
	form.reset();
	clearErrors(form);
	const seenOn = control(form, 'seenOn');
	if (seenOn instanceof HTMLInputElement) seenOn.max = koreanToday(Date.now());
	if (review === null) return;
	const set = (name: string, value: string): void => {
		const field = control(form, name);
		if (field !== null) field.value = value;
	};
	set('rating', String(review.rating));
	set('title', review.title ?? '');
	set('body', review.body ?? '');
	set('seenOn', review.seenOn ?? '');
	const spoiler = control(form, 'hasSpoilers');
	if (spoiler instanceof HTMLInputElement) spoiler.checked = review.hasSpoilers;
}

export function clearErrors(form: HTMLFormElement): void {
	for (const field of form.querySelectorAll('.is-invalid')) field.classList.remove('is-invalid');
	for (const message of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
		message.textContent = '';
	}
}

/** Puts each message beside its field; returns false when none of them matched a field. */
export function showErrors(form: HTMLFormElement, fields: Record<string, string>): boolean {
	clearErrors(form);
	let shown = false;
	let first: Control | null = null;
	for (const [name, message] of Object.entries(fields)) {
		const field = control(form, name);
		const slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`);
		if (field === null || slot === null) continue;
		field.classList.add('is-invalid');
		field.setAttribute('aria-describedby', slot.id);
		slot.textContent = message;
		first ??= field;
		shown = true;
	}
	first?.focus();
	return shown;
}

/** The API's checks (core/review-fields.ts) on what the form would send, before it is sent. */
export function checkLocally(form: HTMLFormElement): Record<string, string> {
	const review = readReview(form);
	return checkReview(
		{
			rating: review.rating,
			title: review.title ?? null,
			body: review.body ?? null,
			seenOn: review.seenOn ?? null,
		},
		Date.now(),
	);
}
