import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '../../core/calendar.ts';
import { compactDay, dayNumber } from '../dataset/dates.ts';
import {
	addDemoPerformance,
	type DemoDataset,
	type DemoPerformance,
	demoPerformanceState,
	updateDemoPerformance,
	updateDemoVenue,
} from '../dataset/generate.ts';
import type { KopisServer } from './server.ts';
import { DEMO_TEST_TODAY, parseDemoXml, startSmallDemoServer } from './testing.ts';

const TODAY = DEMO_TEST_TODAY;
const WINDOW = {
	stdate: compactDay(dayNumber(TODAY) - 15),
	eddate: compactDay(dayNumber(TODAY) + 15),
};

let dataset: DemoDataset;
let server: KopisServer;

beforeAll(async () => {
	({ dataset, server } = await startSmallDemoServer());
});
afterAll(() => server.close());

async function call(
	target: KopisServer,
	path: string,
	params: Record<string, string | number> = {},
) {
	const query = new URLSearchParams({
		service: 'test-key',
		...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
	});
	const response = await fetch(`${target.url}${path}?${query}`);
	const text = await response.text();
	return {
		status: response.status,
		text,
		xml: response.status === 200 ? parseDemoXml(text) : null,
	};
}

function rows(
	xml: Record<string, unknown> | null,
	root = 'dbs',
	item = 'db',
): Record<string, string>[] {
	const content = xml?.[root];
	if (content === undefined || typeof content === 'string') return [];
	return ((content as Record<string, unknown>)[item] as Record<string, string>[] | undefined) ?? [];
}

/** The one record of a detail response. */
function record(xml: Record<string, unknown> | null): Record<string, unknown> {
	const [row] = rows(xml);
	if (row === undefined) throw new Error('no record in the response');
	return row;
}

function returnCode(xml: Record<string, unknown> | null): string | undefined {
	return rows(xml)[0]?.returncode;
}

/** Walks `cpage` 1, 2, … until an empty page, as a client must (there is no total count). */
async function listAll(
	target: KopisServer,
	params: Record<string, string | number>,
	pageSize = 7,
): Promise<string[]> {
	const ids: string[] = [];
	for (let page = 1; page < 1000; page += 1) {
		const found = rows(
			(await call(target, '/pblprfr', { ...params, cpage: page, rows: pageSize })).xml,
		);
		if (found.length === 0) return ids;
		expect(found.length).toBeLessThanOrEqual(pageSize);
		ids.push(...found.map((row) => row.mt20id ?? ''));
	}
	throw new Error('paging never ended');
}

function expected(
	source: DemoDataset,
	keep: (p: DemoPerformance) => boolean,
	window = WINDOW,
): string[] {
	const start = `${window.stdate.slice(0, 4)}-${window.stdate.slice(4, 6)}-${window.stdate.slice(6)}`;
	const end = `${window.eddate.slice(0, 4)}-${window.eddate.slice(4, 6)}-${window.eddate.slice(6)}`;
	return source.performances
		.filter((p) => p.startDate <= end && p.endDate >= start && keep(p))
		.map((p) => p.id)
		.sort()
		.reverse();
}

function venueOf(source: DemoDataset, p: DemoPerformance) {
	const venue = source.venues.find((v) => v.id === p.venueId);
	if (venue === undefined) throw new Error(`no venue ${p.venueId}`);
	return venue;
}

describe('pblprfr list', () => {
	test('lists every run overlapping the window, newest registered first, across all pages', async () => {
		const ids = await listAll(server, WINDOW);
		expect(ids).toEqual(expected(dataset, () => true));
		expect(ids.length).toBeGreaterThan(20);
	});

	test('rows are KOPIS list rows with the performance values', async () => {
		const [row] = rows((await call(server, '/pblprfr', { ...WINDOW, cpage: 1, rows: 1 })).xml);
		const performance = dataset.performances.find((p) => p.id === row?.mt20id);
		if (row === undefined || performance === undefined) throw new Error('no row');
		expect(row.prfnm).toBe(performance.title);
		expect(row.prfpdfrom).toBe(performance.startDate.replaceAll('-', '.'));
		expect(row.fcltynm).toBe(venueOf(dataset, performance).name);
		expect(row.poster).toBe(
			`${server.origin}${performance.poster.path}${performance.posterTrailingSpace ? ' ' : ''}`,
		);
		expect(row.prfstate).toBe(
			{ upcoming: '공연예정', running: '공연중', finished: '공연완료' }[
				demoPerformanceState(performance, TODAY)
			],
		);
	});

	const filters: [string, Record<string, string>, (p: DemoPerformance) => boolean][] = [
		['shcate', { shcate: 'GGGA' }, (p) => p.genre === 'GGGA'],
		['prfstate 01', { prfstate: '01' }, (p) => p.startDate > TODAY],
		['prfstate 02', { prfstate: '02' }, (p) => p.startDate <= TODAY && p.endDate >= TODAY],
		['prfstate 03', { prfstate: '03' }, (p) => p.endDate < TODAY],
		['kidstate', { kidstate: 'Y' }, (p) => p.child],
		['openrun', { openrun: 'Y' }, (p) => p.openRun],
		['signgucode', { signgucode: '11' }, (p) => venueOf(dataset, p).regionCode === '11'],
		['signgucodesub', { signgucodesub: '1111' }, (p) => venueOf(dataset, p).sigunguCode === '1111'],
	];
	test.each(filters)('filters by %s', async (_, params, keep) => {
		const ids = await listAll(server, { ...WINDOW, ...params }, 50);
		expect(ids).toEqual(expected(dataset, keep));
	});

	test('filters by title, facility name and venue or hall code', async () => {
		const sample = dataset.performances.find(
			(p) => p.startDate <= TODAY && p.endDate >= TODAY && !p.openRun,
		);
		if (sample === undefined) throw new Error('no running show');
		const word = sample.title.split(' ').find((part) => part.length >= 2) ?? sample.title;
		expect(await listAll(server, { ...WINDOW, shprfnm: word }, 50)).toEqual(
			expected(dataset, (p) => p.title.toLowerCase().includes(word.toLowerCase())),
		);
		const venue = venueOf(dataset, sample);
		const fragment = venue.name.trim().slice(0, 3);
		expect(await listAll(server, { ...WINDOW, shprfnmfct: fragment }, 50)).toEqual(
			expected(dataset, (p) =>
				venueOf(dataset, p).name.toLowerCase().includes(fragment.toLowerCase()),
			),
		);
		expect(await listAll(server, { ...WINDOW, prfplccd: venue.id }, 50)).toEqual(
			expected(dataset, (p) => p.venueId === venue.id),
		);
		expect(await listAll(server, { ...WINDOW, prfplccd: sample.hallId }, 50)).toEqual(
			expected(dataset, (p) => p.hallId === sample.hallId),
		);
		expect(await listAll(server, { ...WINDOW, shcate: 'ZZZZ' })).toEqual([]);
	});

	test('a window with nothing in it is an empty root', async () => {
		const { status, text } = await call(server, '/pblprfr', {
			stdate: '19900101',
			eddate: '19900131',
			cpage: 1,
			rows: 10,
		});
		expect(status).toBe(200);
		expect(text).toMatch(/<dbs\/>$|<dbs><\/dbs>$/);
	});

	test('a 31-day window is accepted and a 32-day one is error 05', async () => {
		const start = dayNumber(TODAY);
		const ok = await call(server, '/pblprfr', {
			stdate: compactDay(start),
			eddate: compactDay(start + 30),
			cpage: 1,
			rows: 5,
		});
		expect(returnCode(ok.xml)).toBeUndefined();
		expect(rows(ok.xml)).toHaveLength(5);
		const tooLong = await call(server, '/pblprfr', {
			stdate: compactDay(start),
			eddate: compactDay(start + 31),
			cpage: 1,
			rows: 5,
		});
		expect(tooLong.status).toBe(200);
		expect(rows(tooLong.xml)[0]).toMatchObject({
			returncode: '05',
			errmsg: '최대 31일까지 조회가능합니다',
		});
		expect(rows(tooLong.xml)[0]?.responsetime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
	});

	test('more than 100 rows is error 06, a missing parameter error 01', async () => {
		expect(
			returnCode((await call(server, '/pblprfr', { ...WINDOW, cpage: 1, rows: 101 })).xml),
		).toBe('06');
		expect(
			returnCode((await call(server, '/pblprfr', { ...WINDOW, cpage: 1, rows: 100 })).xml),
		).toBeUndefined();
		expect(
			returnCode(
				(await call(server, '/pblprfr', { stdate: WINDOW.stdate, cpage: 1, rows: 10 })).xml,
			),
		).toBe('01');
		expect(returnCode((await call(server, '/pblprfr', { ...WINDOW, rows: 10 })).xml)).toBe('01');
		expect(
			returnCode(
				(await call(server, '/pblprfr', { ...WINDOW, cpage: 1, rows: 10, stdate: '20261332' })).xml,
			),
		).toBe('01');
	});

	test.each(['04', '1', 'constructor'])('prfstate %j is no state: error 01', async (prfstate) => {
		const page = { ...WINDOW, cpage: 1, rows: 10, prfstate };
		expect(returnCode((await call(server, '/pblprfr', page)).xml)).toBe('01');
	});

	test('a missing or unknown key is error 02 with HTTP 200', async () => {
		const missing = await fetch(
			`${server.url}/pblprfr?stdate=${WINDOW.stdate}&eddate=${WINDOW.eddate}&cpage=1&rows=5`,
		);
		expect(missing.status).toBe(200);
		expect(returnCode(parseDemoXml(await missing.text()))).toBe('02');
		const strict = await startSmallDemoServer({ dataset, apiKey: 'right' });
		try {
			const wrong = await fetch(
				`${strict.server.url}/pblprfr/${dataset.performances[0]?.id}?service=wrong`,
			);
			expect(rows(parseDemoXml(await wrong.text()))[0]).toMatchObject({
				returncode: '02',
				errmsg: 'SERVICE KEY IS NOT REGISTERED ERROR',
			});
			const right = await fetch(
				`${strict.server.url}/pblprfr/${dataset.performances[0]?.id}?service=right`,
			);
			expect(rows(parseDemoXml(await right.text()))[0]?.mt20id).toBe(dataset.performances[0]?.id);
		} finally {
			await strict.server.close();
		}
	});
});

describe('afterdate', () => {
	test('sees what updateDemoPerformance and addDemoPerformance changed, and nothing else', async () => {
		const own = await startSmallDemoServer();
		try {
			const tomorrow = addDays(TODAY, 1);
			const params = { ...WINDOW, afterdate: tomorrow.replaceAll('-', '') };
			expect(await listAll(own.server, params)).toEqual([]);
			const running = own.dataset.performances.filter(
				(p) => p.startDate <= TODAY && p.endDate >= TODAY,
			);
			const changed = running[3];
			if (changed === undefined) throw new Error('no running show');
			updateDemoPerformance(
				own.dataset,
				changed.id,
				{ price: '전석 10,000원' },
				`${tomorrow} 10:00:00`,
			);
			const added = addDemoPerformance(own.dataset, `${tomorrow} 11:00:00`);
			const later = {
				...params,
				eddate: compactDay(dayNumber(added.startDate)),
				stdate: compactDay(dayNumber(added.startDate) - 30),
			};
			expect(await listAll(own.server, params)).toEqual([changed.id]);
			expect(await listAll(own.server, later)).toContain(added.id);
			const detail = rows((await call(own.server, `/pblprfr/${changed.id}`)).xml)[0];
			expect(detail).toMatchObject({
				pcseguidance: '전석 10,000원',
				updatedate: `${tomorrow} 10:00:00`,
			});
		} finally {
			await own.server.close();
		}
	});

	test('on prfplc compares the venue update day', async () => {
		const own = await startSmallDemoServer();
		try {
			const tomorrow = addDays(TODAY, 1);
			const params = { cpage: 1, rows: 100, afterdate: tomorrow.replaceAll('-', '') };
			expect(rows((await call(own.server, '/prfplc', params)).xml)).toEqual([]);
			const venue = own.dataset.venues[5];
			if (venue === undefined) throw new Error('no venue');
			updateDemoVenue(own.dataset, venue.id, { phone: '02-000-0000' }, tomorrow);
			expect(
				rows((await call(own.server, '/prfplc', params)).xml).map((row) => row.mt10id),
			).toEqual([venue.id]);
		} finally {
			await own.server.close();
		}
	});
});

describe('pblprfr detail', () => {
	test('returns the whole record with hall, producers, images and booking links', async () => {
		const performance = dataset.performances.find(
			(p) => p.detailFailure === null && p.introImages.length > 1 && p.bookingLinks.length > 1,
		);
		if (performance === undefined) throw new Error('no rich performance');
		const row = record((await call(server, `/pblprfr/${performance.id}`)).xml);
		const venue = venueOf(dataset, performance);
		const hall = venue.halls.find((h) => h.id === performance.hallId);
		expect(row).toMatchObject({
			mt20id: performance.id,
			mt10id: venue.id,
			mt13id: performance.hallId,
			fcltynm: `${venue.name} (${hall?.name})`,
			prfcast: performance.cast,
			pcseguidance: performance.price,
			sty: performance.synopsis,
			dtguidance: performance.schedule,
			frstregdt: performance.registeredAt,
			updatedate: performance.updatedAt,
			entrpsnmH: performance.producers.host,
		});
		expect((row.styurls as { styurl: string[] }).styurl).toEqual(
			performance.introImages.map((i) => `${server.origin}${i.path}`),
		);
		expect((row.relates as { relate: unknown[] }).relate).toHaveLength(
			performance.bookingLinks.length,
		);
	});

	test('unknown ids and the empty-detail set answer an empty root; the 500 set fails', async () => {
		expect(rows((await call(server, '/pblprfr/PF000001')).xml)).toEqual([]);
		const empty = dataset.performances.find((p) => p.detailFailure === 'empty');
		const broken = dataset.performances.find((p) => p.detailFailure === 'http500');
		if (empty === undefined || broken === undefined) throw new Error('no failing ids');
		expect(rows((await call(server, `/pblprfr/${empty.id}`)).xml)).toEqual([]);
		expect((await call(server, `/pblprfr/${broken.id}`)).status).toBe(500);
		// Both are listed normally: the ingest keeps them from the list.
		const listed = await listAll(
			server,
			{
				stdate: compactDay(dayNumber(empty.startDate)),
				eddate: compactDay(dayNumber(empty.startDate)),
			},
			100,
		);
		expect(listed).toContain(empty.id);
	});
});

describe('prfplc', () => {
	test('lists every venue sorted by name across pages, with filters', async () => {
		const names: string[] = [];
		for (let page = 1; ; page += 1) {
			const found = rows((await call(server, '/prfplc', { cpage: page, rows: 5 })).xml);
			if (found.length === 0) break;
			names.push(...found.map((row) => row.mt10id ?? ''));
		}
		const sorted = [...dataset.venues].sort((a, b) =>
			a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1,
		);
		expect(names).toEqual(sorted.map((v) => v.id));
		const seoul = rows(
			(await call(server, '/prfplc', { cpage: 1, rows: 100, signgucode: '11' })).xml,
		);
		expect(seoul.map((row) => row.mt10id).sort()).toEqual(
			dataset.venues
				.filter((v) => v.regionCode === '11')
				.map((v) => v.id)
				.sort(),
		);
		const named = rows(
			(await call(server, '/prfplc', { cpage: 1, rows: 100, shprfnmfct: '예술의전당' })).xml,
		);
		expect(named.map((row) => row.fcltynm)).toContain('예술의전당 [서울]');
		expect(returnCode((await call(server, '/prfplc', { cpage: 1, rows: 101 })).xml)).toBe('06');
	});

	test('details carry halls with comma seat counts, or the trimmed 2026 shape', async () => {
		const row = record((await call(server, '/prfplc/FC000001')).xml);
		expect(row).toMatchObject({
			fcltynm: '예술의전당 [서울]',
			mt10id: 'FC000001',
			adres: '서울특별시 서초구 남부순환로 2406 (서초동)',
		});
		const halls = (row.mt13s as { mt13: Record<string, string>[] }).mt13;
		expect(halls.find((h) => h.prfplcnm === '콘서트홀')?.seatscale).toBe('2,505');
		expect(Number(row.la)).toBeCloseTo(37.4786, 3);
		const trimmed = dataset.venues.find((v) => v.trimmedDetail);
		if (trimmed === undefined) throw new Error('the small dataset has no trimmed venue');
		const short = record((await call(server, `/prfplc/${trimmed.id}`)).xml);
		expect(short).toMatchObject({ mt10id: trimmed.id, adres: trimmed.address });
		expect(short).not.toHaveProperty('fcltychartr');
		expect(short).not.toHaveProperty('restaurant');
		expect(rows((await call(server, '/prfplc/FC999999')).xml)).toEqual([]);
	});
});

describe('boxoffice', () => {
	const window = {
		stdate: compactDay(dayNumber(TODAY) - 7),
		eddate: compactDay(dayNumber(TODAY) - 1),
	};

	test('ranks the top 50 by bookings, the same every time', async () => {
		const first = await call(server, '/boxoffice', window);
		const ranking = rows(first.xml, 'boxofs', 'boxof');
		expect(ranking.length).toBeGreaterThan(10);
		expect(ranking.length).toBeLessThanOrEqual(50);
		expect(ranking.map((row) => Number(row.rnum))).toEqual(ranking.map((_, i) => i + 1));
		for (const row of ranking) {
			const performance = dataset.performances.find((p) => p.id === row.mt20id);
			expect(performance).toBeDefined();
			expect(row.prfpd).toMatch(/^\d{4}\.\d{2}\.\d{2}~\d{4}\.\d{2}\.\d{2}$/);
			expect(row.area).toMatch(/^[가-힣]{2}$/);
			expect(row.seatcnt).toMatch(/^\d+$/);
		}
		expect((await call(server, '/boxoffice', window)).text).toBe(first.text);
		const month = {
			stdate: compactDay(dayNumber(TODAY) - 31),
			eddate: compactDay(dayNumber(TODAY) - 1),
		};
		expect(rows((await call(server, '/boxoffice', month)).xml, 'boxofs', 'boxof')).toHaveLength(50);
	});

	test('filters by genre codes joined with | and by area', async () => {
		const musicals = rows(
			(await call(server, '/boxoffice', { ...window, catecode: 'GGGA' })).xml,
			'boxofs',
			'boxof',
		);
		expect(new Set(musicals.map((row) => row.cate))).toEqual(new Set(['뮤지컬']));
		const two = rows(
			(await call(server, '/boxoffice', { ...window, catecode: 'GGGA|AAAA' })).xml,
			'boxofs',
			'boxof',
		);
		expect(new Set(two.map((row) => row.cate))).toEqual(new Set(['뮤지컬', '연극']));
		const seoul = rows(
			(await call(server, '/boxoffice', { ...window, area: '11' })).xml,
			'boxofs',
			'boxof',
		);
		expect(seoul.length).toBeGreaterThan(0);
		expect(new Set(seoul.map((row) => row.area))).toEqual(new Set(['서울']));
	});

	test('accepts the legacy ststype/date form and refuses windows over 31 days', async () => {
		const legacy = rows(
			(await call(server, '/boxoffice', { ststype: 'week', date: window.eddate })).xml,
			'boxofs',
			'boxof',
		);
		expect(legacy).toEqual(rows((await call(server, '/boxoffice', window)).xml, 'boxofs', 'boxof'));
		const tooLong = await call(server, '/boxoffice', { stdate: '20261001', eddate: '20261101' });
		expect(returnCode(tooLong.xml)).toBe('05');
		const future = await call(server, '/boxoffice', {
			stdate: compactDay(dayNumber(TODAY) + 1),
			eddate: compactDay(dayNumber(TODAY) + 5),
		});
		expect(future.text).toMatch(/<boxofs\/>$|<boxofs><\/boxofs>$/);
	});
});
