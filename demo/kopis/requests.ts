/**
 * Query-string parsing for the local KOPIS server, with KOPIS's error codes: 01 missing or
 * invalid parameter, 02 unknown key, 05 window over 31 days, 06 more than 100 rows.
 */

import { stateFromCode } from '../../core/performance-state.ts';
import { parseCompactDay } from '../dataset/dates.ts';
import type { BoxOfficeQuery } from './box-office.ts';
import type { PerformanceFilter, VenueFilter } from './catalog-index.ts';

export type KopisErrorCode = '01' | '02' | '03' | '05' | '06';

export const KOPIS_ERROR_MESSAGES: Record<KopisErrorCode, string> = {
	'01': 'INVALID REQUEST PARAMETER ERROR',
	'02': 'SERVICE KEY IS NOT REGISTERED ERROR',
	'03': 'DB ERROR',
	'05': '최대 31일까지 조회가능합니다',
	'06': '최대 100건까지 조회가능합니다',
};

/** Inclusive days a date window may span ("최대 31일"). */
export const MAX_WINDOW_DAYS = 31;
export const MAX_ROWS = 100;

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: KopisErrorCode };

function ok<T>(value: T): Parsed<T> {
	return { ok: true, value };
}

function fail<T>(code: KopisErrorCode): Parsed<T> {
	return { ok: false, code };
}

/** An optional parameter; KOPIS treats an empty value as absent. */
function optional(params: URLSearchParams, name: string): string | null {
	const value = params.get(name)?.trim() ?? '';
	return value === '' ? null : value;
}

function flag(params: URLSearchParams, name: string): boolean | null {
	const value = optional(params, name)?.toUpperCase() ?? null;
	return value === null ? null : value === 'Y';
}

/** The key is accepted when it equals `apiKey`, or is any non-empty value when none is set. */
export function keyAccepted(params: URLSearchParams, apiKey: string | null): boolean {
	const key = params.get('service') ?? '';
	return apiKey === null ? key.trim() !== '' : key === apiKey;
}

export interface Paging {
	page: number;
	rows: number;
}

export function parsePaging(params: URLSearchParams): Parsed<Paging> {
	const page = Number(params.get('cpage') ?? '');
	const rows = Number(params.get('rows') ?? '');
	if (!Number.isInteger(page) || !Number.isInteger(rows) || page < 1 || rows < 1) return fail('01');
	if (rows > MAX_ROWS) return fail('06');
	return ok({ page, rows });
}

function parseWindow(params: URLSearchParams): Parsed<{ start: number; end: number }> {
	const start = parseCompactDay(params.get('stdate') ?? '');
	const end = parseCompactDay(params.get('eddate') ?? '');
	if (start === null || end === null || end < start) return fail('01');
	if (end - start + 1 > MAX_WINDOW_DAYS) return fail('05');
	return ok({ start, end });
}

function afterDay(params: URLSearchParams): Parsed<number | null> {
	const text = optional(params, 'afterdate');
	if (text === null) return ok(null);
	const day = parseCompactDay(text);
	return day === null ? fail('01') : ok(day);
}

export function parsePerformanceQuery(
	params: URLSearchParams,
): Parsed<{ filter: PerformanceFilter; paging: Paging }> {
	const window = parseWindow(params);
	if (!window.ok) return window;
	const paging = parsePaging(params);
	if (!paging.ok) return paging;
	const after = afterDay(params);
	if (!after.ok) return after;
	const stateCode = optional(params, 'prfstate');
	const state = stateCode === null ? null : stateFromCode(stateCode);
	if (stateCode !== null && state === null) return fail('01');
	return ok({
		paging: paging.value,
		filter: {
			...window.value,
			title: optional(params, 'shprfnm'),
			venueName: optional(params, 'shprfnmfct'),
			genre: optional(params, 'shcate'),
			place: optional(params, 'prfplccd'),
			region: optional(params, 'signgucode'),
			sigungu: optional(params, 'signgucodesub'),
			child: flag(params, 'kidstate'),
			state,
			openRun: flag(params, 'openrun'),
			afterDay: after.value,
		},
	});
}

export function parseVenueQuery(
	params: URLSearchParams,
): Parsed<{ filter: VenueFilter; paging: Paging }> {
	const paging = parsePaging(params);
	if (!paging.ok) return paging;
	const after = afterDay(params);
	if (!after.ok) return after;
	return ok({
		paging: paging.value,
		filter: {
			name: optional(params, 'shprfnmfct'),
			type: optional(params, 'fcltychartr'),
			region: optional(params, 'signgucode'),
			sigungu: optional(params, 'signgucodesub'),
			afterDay: after.value,
		},
	});
}

const LEGACY_SPANS: Record<string, number> = { day: 1, week: 7, month: 30 };

/** `stdate`/`eddate` (current guide) or the older `ststype` + `date`. */
export function parseBoxOfficeQuery(params: URLSearchParams): Parsed<BoxOfficeQuery> {
	let window: Parsed<{ start: number; end: number }>;
	const legacySpan = LEGACY_SPANS[optional(params, 'ststype') ?? ''];
	if (params.get('stdate') === null && params.get('eddate') === null && legacySpan !== undefined) {
		const end = parseCompactDay(params.get('date') ?? '');
		window = end === null ? fail('01') : ok({ start: end - legacySpan + 1, end });
	} else {
		window = parseWindow(params);
	}
	if (!window.ok) return window;
	const seatText = optional(params, 'srchseatscale');
	return ok({
		...window.value,
		categories: optional(params, 'catecode')?.split('|') ?? null,
		area: optional(params, 'area'),
		seatBucket: seatText === null ? null : Number(seatText),
	});
}
