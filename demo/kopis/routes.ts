/** The KOPIS services the demo server answers, as pure functions from a request to XML. */

import { koreanTimestamp } from '../dataset/dates.ts';
import { rankBoxOffice } from './box-office.ts';
import { type CatalogIndex, filterPerformances, filterVenues } from './catalog-index.ts';
import {
	KOPIS_ERROR_MESSAGES,
	type KopisErrorCode,
	keyAccepted,
	parseBoxOfficeQuery,
	parsePerformanceQuery,
	parseVenueQuery,
} from './requests.ts';
import {
	boxOfficeRow,
	document,
	errorEnvelope,
	performanceDetail,
	performanceRow,
	venueDetail,
	venueRow,
} from './xml.ts';

export const API_PREFIX = '/openApi/restful/';

export interface ApiResponse {
	status: number;
	contentType: string;
	body: string;
}

export interface ApiContext {
	index: CatalogIndex;
	origin: string;
	apiKey: string | null;
	now: () => Date;
}

const XML = 'text/xml;charset=UTF-8';
const HTML = 'text/html;charset=UTF-8';

function xml(body: string): ApiResponse {
	return { status: 200, contentType: XML, body };
}

/** KOPIS answers its own errors with HTTP 200 and a `dbs/db/returncode` envelope. */
export function kopisError(code: KopisErrorCode, now: Date): ApiResponse {
	return xml(errorEnvelope(code, KOPIS_ERROR_MESSAGES[code], koreanTimestamp(now)));
}

export function notFound(): ApiResponse {
	return {
		status: 404,
		contentType: HTML,
		body: '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>',
	};
}

function page<T>(items: readonly T[], pageNumber: number, rows: number): readonly T[] {
	return items.slice((pageNumber - 1) * rows, pageNumber * rows);
}

/** Answers a request under `/openApi/restful/`. */
export function answerApi(
	context: ApiContext,
	pathname: string,
	params: URLSearchParams,
): ApiResponse {
	const { index, origin } = context;
	const [service = '', id, ...rest] = pathname.slice(API_PREFIX.length).split('/');
	if (
		rest.length > 0 ||
		!['pblprfr', 'prfplc', 'boxoffice'].includes(service) ||
		(service === 'boxoffice' && id !== undefined)
	) {
		return notFound();
	}
	if (!keyAccepted(params, context.apiKey)) return kopisError('02', context.now());
	const key = `${pathname}?${[...params].filter(([name]) => name !== 'service').join('&')}`;
	if (service === 'pblprfr' && id !== undefined) {
		const entry = index.performanceById.get(id);
		if (entry === undefined || entry.record.detailFailure === 'empty')
			return xml(document('dbs', [], key));
		if (entry.record.detailFailure === 'http500') {
			return {
				status: 500,
				contentType: HTML,
				body: '<html><body><h1>500 Internal Server Error</h1></body></html>',
			};
		}
		entry.detailXml ??= performanceDetail(
			entry.record,
			entry.venue,
			entry.hall,
			origin,
			index.today,
		);
		return xml(document('dbs', [entry.detailXml], key));
	}
	if (service === 'pblprfr') {
		const query = parsePerformanceQuery(params);
		if (!query.ok) return kopisError(query.code, context.now());
		const rows = page(
			filterPerformances(index, query.value.filter),
			query.value.paging.page,
			query.value.paging.rows,
		);
		return xml(
			document(
				'dbs',
				rows.map((entry) => {
					entry.listXml ??= performanceRow(entry.record, entry.venue, origin, index.today);
					return entry.listXml;
				}),
				key,
			),
		);
	}
	if (service === 'prfplc' && id !== undefined) {
		const venue = index.venueById.get(id);
		return xml(document('dbs', venue === undefined ? [] : [venueDetail(venue)], key));
	}
	if (service === 'prfplc') {
		const query = parseVenueQuery(params);
		if (!query.ok) return kopisError(query.code, context.now());
		const venues = page(
			filterVenues(index, query.value.filter),
			query.value.paging.page,
			query.value.paging.rows,
		);
		return xml(document('dbs', venues.map(venueRow), key));
	}
	const query = parseBoxOfficeQuery(params);
	if (!query.ok) return kopisError(query.code, context.now());
	let body = index.boxOfficeCache.get(key);
	if (body === undefined) {
		body = document(
			'boxofs',
			rankBoxOffice(index, query.value).map((row) => boxOfficeRow(row, origin)),
			key,
		);
		if (index.boxOfficeCache.size >= 200) index.boxOfficeCache.clear();
		index.boxOfficeCache.set(key, body);
	}
	return xml(body);
}
