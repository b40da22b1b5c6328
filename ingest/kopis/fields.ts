/**
 * Field readers for the record schemas: each turns one KOPIS element value (a string, '' for a
 * blank, undefined when the element is missing) into a typed value. Required readers report an
 * issue; optional ones turn blanks and unreadable values into null.
 */
import { z } from 'zod';
import { isoDateFromKopis, isoDateTimeFromKopis } from './dates.ts';

function blankToNull(value: unknown): unknown {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') return value;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

export const text = z.preprocess(blankToNull, z.string().nullable());
export const requiredText = z.preprocess(
	blankToNull,
	z.string({ error: 'required text is missing' }),
);

export function id(pattern: RegExp, what: string) {
	return z.preprocess(blankToNull, z.string({ error: `${what} is missing` }).regex(pattern));
}
/** An id used only as a reference: when malformed it is dropped rather than trusted. */
export function optionalId(pattern: RegExp) {
	return text.transform((value) => (value !== null && pattern.test(value) ? value : null));
}
export const PERFORMANCE_ID = /^PF\d+$/;
export const VENUE_ID = /^FC\d+$/;
export const HALL_ID = /^FC\d+-\d+$/;

export const requiredDate = requiredText.transform((value, context) => {
	const iso = isoDateFromKopis(value);
	if (iso === null) {
		context.issues.push({ code: 'custom', message: `not a date: ${value}`, input: value });
		return z.NEVER;
	}
	return iso;
});
export const dateTime = text.transform(isoDateTimeFromKopis);

function toCount(value: string): number | null {
	// Hall seat counts carry thousands commas (`15,000`), facility totals don't.
	if (!/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(value)) return null;
	const parsed = Number(value.replaceAll(',', ''));
	return Number.isSafeInteger(parsed) ? parsed : null;
}
export const count = text.transform((value) => (value === null ? null : toCount(value)));
export const requiredCount = requiredText.transform((value, context) => {
	const parsed = toCount(value);
	if (parsed === null) {
		context.issues.push({ code: 'custom', message: `not a count: ${value}`, input: value });
		return z.NEVER;
	}
	return parsed;
});
export const year = text.transform((value) =>
	value !== null && /^\d{4}$/.test(value) ? Number(value) : null,
);
export const decimal = text.transform((value) =>
	value !== null && /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : null,
);
/** KOPIS flags are `Y`/`N`; blank means unknown. */
export const flag = text.transform((value) => {
	const letter = value?.toUpperCase();
	return letter === 'Y' ? true : letter === 'N' ? false : null;
});

/** `<styurls><styurl>…` → the children of a wrapper that may be absent, empty or hold one item. */
export function childrenOf(tag: string) {
	return (value: unknown): unknown => {
		if (value === undefined || value === null) return [];
		if (typeof value === 'string') return value.trim() === '' ? [] : value;
		if (typeof value === 'object' && !Array.isArray(value)) {
			return (value as Record<string, unknown>)[tag] ?? [];
		}
		return value;
	};
}
/** An empty `<relate/>` parses as '' — treat it as an element without children. */
export function emptyToObject(value: unknown): unknown {
	return value === '' ? {} : value;
}
