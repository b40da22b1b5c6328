/**
 * One zod schema per KOPIS record, applied to the items parse.ts returns. Field names stay KOPIS's
 * own; values come out trimmed, blanks (single space, empty, missing element) as null.
 *
 * Rule: a missing or unreadable *required* field (id, title, run dates, genre) rejects the record;
 * an unreadable *optional* field (a number, flag or timestamp KOPIS wrote oddly) becomes null, so
 * one odd value never costs a whole performance.
 */
import { z } from 'zod';
import { isoDateFromKopis, isoDateTimeFromKopis } from './dates.ts';

function blankToNull(value: unknown): unknown {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') return value;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

const text = z.preprocess(blankToNull, z.string().nullable());
const requiredText = z.preprocess(blankToNull, z.string({ error: 'required text is missing' }));

function id(pattern: RegExp, what: string) {
	return z.preprocess(blankToNull, z.string({ error: `${what} is missing` }).regex(pattern));
}
/** An id used only as a reference: when malformed it is dropped rather than trusted. */
function optionalId(pattern: RegExp) {
	return text.transform((value) => (value !== null && pattern.test(value) ? value : null));
}
const PERFORMANCE_ID = /^PF\d+$/;
const VENUE_ID = /^FC\d+$/;
const HALL_ID = /^FC\d+-\d+$/;

const requiredDate = requiredText.transform((value, context) => {
	const iso = isoDateFromKopis(value);
	if (iso === null) {
		context.issues.push({ code: 'custom', message: `not a date: ${value}`, input: value });
		return z.NEVER;
	}
	return iso;
});
const dateTime = text.transform(isoDateTimeFromKopis);

function toCount(value: string): number | null {
	// Hall seat counts carry thousands commas (`15,000`), facility totals don't.
	if (!/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(value)) return null;
	const count = Number(value.replaceAll(',', ''));
	return Number.isSafeInteger(count) ? count : null;
}
const count = text.transform((value) => (value === null ? null : toCount(value)));
const requiredCount = requiredText.transform((value, context) => {
	const parsed = toCount(value);
	if (parsed === null) {
		context.issues.push({ code: 'custom', message: `not a count: ${value}`, input: value });
		return z.NEVER;
	}
	return parsed;
});
const year = text.transform((value) =>
	value !== null && /^\d{4}$/.test(value) ? Number(value) : null,
);
const decimal = text.transform((value) =>
	value !== null && /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : null,
);
/** KOPIS flags are `Y`/`N`; blank means unknown. */
const flag = text.transform((value) => {
	const letter = value?.toUpperCase();
	return letter === 'Y' ? true : letter === 'N' ? false : null;
});

/** `<styurls><styurl>…` → the children of a wrapper that may be absent, empty or hold one item. */
function childrenOf(tag: string) {
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
function emptyToObject(value: unknown): unknown {
	return value === '' ? {} : value;
}

export const PerformanceListRecord = z.object({
	mt20id: id(PERFORMANCE_ID, 'mt20id'),
	prfnm: requiredText,
	prfpdfrom: requiredDate,
	prfpdto: requiredDate,
	/** The facility name (the detail's `fcltynm` is "facility (hall)"). */
	fcltynm: requiredText,
	poster: text,
	/** Full sido name (`서울특별시`); absent from 2023-era lists. */
	area: text,
	genrenm: requiredText,
	openrun: flag,
	/** Label: 공연예정 / 공연중 / 공연완료. */
	prfstate: text,
});
export type PerformanceListRecord = z.infer<typeof PerformanceListRecord>;

export const BookingLinkRecord = z.preprocess(
	emptyToObject,
	z.object({ relatenm: text, relateurl: text }),
);
export type BookingLinkRecord = z.infer<typeof BookingLinkRecord>;

export const PerformanceDetailRecord = z.object({
	mt20id: id(PERFORMANCE_ID, 'mt20id'),
	mt10id: optionalId(VENUE_ID),
	mt13id: optionalId(HALL_ID),
	prfnm: requiredText,
	frstregdt: dateTime,
	prfpdfrom: requiredDate,
	prfpdto: requiredDate,
	/** "facility (hall)" text, e.g. `예술의전당 [서울] (콘서트홀)`. */
	fcltynm: text,
	prfcast: text,
	prfcrew: text,
	prfruntime: text,
	prfage: text,
	entrpsnm: text,
	entrpsnmP: text,
	entrpsnmA: text,
	entrpsnmH: text,
	entrpsnmS: text,
	pcseguidance: text,
	poster: text,
	/** Synopsis; may be multi-line or HTML (normalize.ts turns it into plain text). */
	sty: text,
	area: text,
	genrenm: requiredText,
	openrun: flag,
	visit: flag,
	child: flag,
	daehakro: flag,
	festival: flag,
	musicallicense: flag,
	musicalcreate: flag,
	updatedate: dateTime,
	prfstate: text,
	dtguidance: text,
	styurls: z
		.preprocess(childrenOf('styurl'), z.array(text))
		.transform((urls) => urls.filter((url) => url !== null)),
	relates: z.preprocess(childrenOf('relate'), z.array(BookingLinkRecord)),
});
export type PerformanceDetailRecord = z.infer<typeof PerformanceDetailRecord>;

export const VenueListRecord = z.object({
	fcltynm: requiredText,
	mt10id: id(VENUE_ID, 'mt10id'),
	mt13cnt: count,
	/** Type label, e.g. `공공(문예회관)`. */
	fcltychartr: text,
	/** Short sido label (`서울`); blank for overseas venues. */
	sidonm: text,
	gugunnm: text,
	opende: year,
});
export type VenueListRecord = z.infer<typeof VenueListRecord>;

export const HallRecord = z.preprocess(
	emptyToObject,
	z.object({
		prfplcnm: requiredText,
		mt13id: id(HALL_ID, 'mt13id'),
		seatscale: count,
		stageorchat: flag,
		stagepracat: flag,
		stagedresat: flag,
		stageoutdrat: flag,
		disabledseatscale: count,
		stagearea: text,
	}),
);
export type HallRecord = z.infer<typeof HallRecord>;

export const VenueDetailRecord = z.object({
	fcltynm: requiredText,
	mt10id: id(VENUE_ID, 'mt10id'),
	mt13cnt: count,
	fcltychartr: text,
	opende: year,
	seatscale: count,
	telno: text,
	relateurl: text,
	adres: text,
	la: decimal,
	lo: decimal,
	restaurant: flag,
	cafe: flag,
	store: flag,
	nolibang: flag,
	suyu: flag,
	parkbarrier: flag,
	restbarrier: flag,
	runwbarrier: flag,
	elevbarrier: flag,
	parkinglot: flag,
	mt13s: z.preprocess(childrenOf('mt13'), z.array(HallRecord)),
});
export type VenueDetailRecord = z.infer<typeof VenueDetailRecord>;

export const BoxOfficeRecord = z.object({
	rnum: requiredCount,
	mt20id: id(PERFORMANCE_ID, 'mt20id'),
	prfnm: requiredText,
	/** Genre label (`서양음악(클래식)`, 2022: `클래식`). */
	cate: text,
	/** `YYYY.MM.DD~YYYY.MM.DD`. */
	prfpd: text,
	prfdtcnt: count,
	/** Short sido label (`서울`). */
	area: text,
	/** "facility hall", sometimes duplicated (`샤롯데씨어터 샤롯데씨어터`). */
	prfplcnm: text,
	seatcnt: count,
	/** Absolute since 2025; a path relative to www.kopis.or.kr before. */
	poster: text,
});
export type BoxOfficeRecord = z.infer<typeof BoxOfficeRecord>;
