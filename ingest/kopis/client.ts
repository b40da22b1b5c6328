/**
 * The KOPIS Open API client: builds the URLs (docs/kopis/API.md §2–5), sends them through the
 * transport (pacing, retries, timeouts) and validates every record. The same client reads the real
 * KOPIS and the local demo server; only `baseUrl` differs.
 */
import { setTimeout as delay } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { z } from 'zod';
import { type PerformanceState, STATE_CODES } from '../../core/performance-state.ts';
import { kopisRequestDate } from './dates.ts';
import { KopisRecordError } from './errors.ts';
import { createPacer } from './pacer.ts';
import { describeIssues, type KopisPage, recordId, validateRecords } from './parse.ts';
import {
	BoxOfficeRecord,
	PerformanceDetailRecord,
	PerformanceListRecord,
	VenueDetailRecord,
	VenueListRecord,
} from './records.ts';
import { createTransport, type KopisStats, type RequestInfo } from './transport.ts';

export interface KopisClientOptions {
	/** e.g. `http://www.kopis.or.kr/openApi/restful` or `http://127.0.0.1:PORT/openApi/restful`. */
	baseUrl: string;
	apiKey: string;
	/** Per attempt, body included. Default 15 s. */
	timeoutMs?: number;
	/** Default 3, with full-jitter exponential backoff between attempts. */
	maxAttempts?: number;
	/** Requests in flight at once (retries and their pauses included). Default 4. */
	concurrency?: number;
	/** Default 8 for kopis.or.kr hosts, null (unlimited) for any other host. */
	requestsPerSecond?: number | null;
	/** Bodies above this many bytes are refused. Default 16 MiB (a 100-row page is ~50 KB). */
	maxBodyBytes?: number;
	fetch?: typeof fetch;
	sleep?: (ms: number) => Promise<void>;
	/** Monotonic milliseconds for pacing and timings. Default `performance.now`. */
	now?: () => number;
	/** For backoff jitter. Default `Math.random`. */
	random?: () => number;
	onRequest?: (info: RequestInfo) => void;
}

export type { KopisStats, RequestInfo };

export interface PerformanceListQuery {
	/** ISO dates; KOPIS allows at most 31 days between them. */
	startDate: string;
	endDate: string;
	page: number;
	/** 1–100. */
	rows: number;
	/** Only rows registered or changed on or after this ISO day. */
	afterDate?: string;
	genreCode?: string;
	/** Two-digit sido code (`signgucode`). */
	areaCode?: string;
	/** Sent as KOPIS's `prfstate` request code (01 upcoming, 02 running, 03 finished). */
	state?: PerformanceState;
}

export interface KopisClient {
	listPerformances(q: PerformanceListQuery): Promise<KopisPage<PerformanceListRecord>>;
	/** Null when KOPIS returns no record for the id. */
	getPerformance(id: string): Promise<PerformanceDetailRecord | null>;
	listVenues(q: {
		page: number;
		rows: number;
		afterDate?: string;
	}): Promise<KopisPage<VenueListRecord>>;
	getVenue(id: string): Promise<VenueDetailRecord | null>;
	/** Top 50 by bookings; no paging. */
	boxOffice(q: {
		startDate: string;
		endDate: string;
		genreCode?: string;
		areaCode?: string;
	}): Promise<KopisPage<BoxOfficeRecord>>;
	readonly stats: KopisStats;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_CONCURRENCY = 4;
/** Below the ~10/s at which projects report KOPIS's "Request Blocked". */
const KOPIS_REQUESTS_PER_SECOND = 8;
const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

type Params = Record<string, string | number | undefined>;

export function createKopisClient(options: KopisClientOptions): KopisClient {
	const baseUrl = options.baseUrl.replace(/\/+$/, '');
	const now = options.now ?? (() => performance.now());
	const sleep = options.sleep ?? ((ms: number) => delay(ms));
	const rate =
		options.requestsPerSecond === undefined
			? defaultRequestsPerSecond(baseUrl)
			: options.requestsPerSecond;
	const transport = createTransport({
		apiKey: options.apiKey,
		fetch: options.fetch ?? fetch,
		sleep,
		now,
		random: options.random ?? Math.random,
		timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		maxAttempts: Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
		maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
		pacer: createPacer(rate, now, sleep),
		onRequest: options.onRequest,
	});
	const limit = pLimit(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));

	function get(path: string, params: Params): Promise<Record<string, unknown>[]> {
		const query = new URLSearchParams({ service: options.apiKey });
		for (const [name, value] of Object.entries(params)) {
			if (value !== undefined) query.set(name, String(value));
		}
		return limit(() => transport.get(`${baseUrl}${path}?${query}`, path));
	}

	async function getOne<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
		const [item] = await get(path, {});
		if (item === undefined) return null;
		const result = schema.safeParse(item);
		if (!result.success) throw new KopisRecordError(recordId(item), describeIssues(result.error));
		return result.data;
	}

	return {
		stats: transport.stats,
		async listPerformances(q) {
			const items = await get('/pblprfr', {
				stdate: kopisRequestDate(q.startDate),
				eddate: kopisRequestDate(q.endDate),
				cpage: positive(q.page, 'page'),
				rows: positive(q.rows, 'rows'),
				afterdate: q.afterDate === undefined ? undefined : kopisRequestDate(q.afterDate),
				shcate: q.genreCode,
				signgucode: q.areaCode,
				prfstate: q.state === undefined ? undefined : STATE_CODES[q.state],
			});
			return validateRecords(items, PerformanceListRecord);
		},
		getPerformance: (id) => getOne(`/pblprfr/${encodeURIComponent(id)}`, PerformanceDetailRecord),
		async listVenues(q) {
			const items = await get('/prfplc', {
				cpage: positive(q.page, 'page'),
				rows: positive(q.rows, 'rows'),
				afterdate: q.afterDate === undefined ? undefined : kopisRequestDate(q.afterDate),
			});
			return validateRecords(items, VenueListRecord);
		},
		getVenue: (id) => getOne(`/prfplc/${encodeURIComponent(id)}`, VenueDetailRecord),
		async boxOffice(q) {
			const items = await get('/boxoffice', {
				stdate: kopisRequestDate(q.startDate),
				eddate: kopisRequestDate(q.endDate),
				catecode: q.genreCode,
				area: q.areaCode,
			});
			return validateRecords(items, BoxOfficeRecord);
		},
	};
}

/** The real KOPIS (any kopis.or.kr host) is paced; a local or demo server is not. */
export function defaultRequestsPerSecond(baseUrl: string): number | null {
	const host = URL.parse(baseUrl)?.hostname ?? '';
	return host === 'kopis.or.kr' || host.endsWith('.kopis.or.kr') ? KOPIS_REQUESTS_PER_SECOND : null;
}

function positive(value: number, name: string): number {
	if (!Number.isSafeInteger(value) || value < 1) {
		throw new TypeError(`${name} must be a positive integer, got ${value}`);
	}
	return value;
}
