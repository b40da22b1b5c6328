import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { findGenreCode } from '../../core/kopis-genres.ts';
import { stateOn as stateFromDates } from '../../core/performance-state.ts';
import {
	bookingLinks,
	boxOfficeEntries,
	halls,
	performanceImages,
	performancePeople,
	performances,
	venues,
} from '../../db/schema/index.ts';
import { createTestDatabase } from '../../db/testing.ts';
import {
	facilityFromHallText,
	normalizeBoxOfficeEntry,
	normalizePerformance,
	normalizeVenue,
} from './normalize.ts';
import { parseKopisXml, validateRecords } from './parse.ts';
import {
	BoxOfficeRecord,
	PerformanceDetailRecord,
	PerformanceListRecord,
	VenueDetailRecord,
	VenueListRecord,
} from './records.ts';
import { fixtureNames, readFixture } from './testing.ts';

const TODAY = '2025-09-22';

function records<T>(path: string, schema: Parameters<typeof validateRecords<T>>[1]): T[] {
	const page = validateRecords(parseKopisXml(readFixture(path), path), schema);
	expect(page.rejected).toEqual([]);
	return page.records;
}

function detailPF273608(): PerformanceDetailRecord {
	const [detail] = records(
		'pblprfr-detail/xmlparserdemo-PF273608-2025-09.xml',
		PerformanceDetailRecord,
	);
	if (detail === undefined) throw new Error('fixture is empty');
	return detail;
}

function listRow(overrides: Partial<Record<string, string>> = {}): PerformanceListRecord {
	return PerformanceListRecord.parse({
		mt20id: 'PF273608',
		prfnm: '최현우 아판타시아 [서울 서초]',
		prfpdfrom: '2025.10.25',
		prfpdto: '2025.11.09',
		fcltynm: '한전아트센터',
		poster: 'http://www.kopis.or.kr/upload/pfmPoster/PF_PF273608_250908_175820.gif',
		area: '서울특별시',
		genrenm: '서커스/마술',
		openrun: 'N',
		prfstate: '공연예정',
		...overrides,
	});
}

describe('normalizePerformance', () => {
	test.each(fixtureNames('pblprfr-list'))('normalises every list row of %s', (name) => {
		for (const list of records(name, PerformanceListRecord)) {
			const { performance, people, bookingLinks, images } = normalizePerformance(list, null, TODAY);
			expect(performance.detailStatus).toBe('list');
			expect(findGenreCode(performance.genreName)).toBe(performance.genreCode);
			expect(performance.areaCode).toMatch(/^\d{2}$/);
			expect(performance.venueName).toBe(list.venueName);
			expect(performance.venueId).toBeNull();
			expect(performance.state).toBe(
				{ 공연예정: 'upcoming', 공연중: 'running', 공연완료: 'finished' }[list.stateLabel ?? ''],
			);
			expect(people).toEqual([]);
			expect(bookingLinks).toEqual([]);
			expect(images).toEqual([{ kind: 'poster', position: 0, sourceUrl: list.posterUrl }]);
		}
	});

	test('files every row of the EEEA page under 복합', () => {
		const rows = records(
			'pblprfr-list/seoulw-genre-EEEA-20rows-2024-10.xml',
			PerformanceListRecord,
		);
		const codes = rows.map((row) => normalizePerformance(row, null, TODAY).performance.genreCode);
		expect(new Set(codes)).toEqual(new Set(['EEEA']));
	});

	test('normalises PF273608 from list and detail', () => {
		const result = normalizePerformance(listRow(), detailPF273608(), TODAY);
		expect(result.performance).toEqual({
			id: 'PF273608',
			title: '최현우 아판타시아 [서울 서초]',
			startDate: '2025-10-25',
			endDate: '2025-11-09',
			state: 'upcoming',
			genreCode: 'EEEB',
			genreName: '서커스/마술',
			venueId: 'FC000113',
			hallId: null,
			venueName: '한전아트센터',
			venueHallText: '한전아트센터 (한전아트센터)',
			area: '서울특별시',
			areaCode: '11',
			runtimeText: '2시간',
			runtimeMinutes: 120,
			ageText: '만 13세 이상',
			ageMinimum: 13,
			castText: '최현우',
			cast: ['최현우'],
			crewText: null,
			crew: [],
			producerText: '(주)라온플레이, (주)하늘이엔티',
			productionCompany: '(주)라온플레이, (주)하늘이엔티',
			planningCompany: null,
			host: '(주)라온플레이, (주)하늘이엔티',
			organizer: '(주)하늘이엔티',
			priceText: 'R석 99,000원, S석 77,000원',
			priceTiers: [
				{ seat: 'R석', price: 99000 },
				{ seat: 'S석', price: 77000 },
			],
			minPrice: 77000,
			maxPrice: 99000,
			scheduleText: '수요일 ~ 금요일(19:30), 토요일(15:00,19:00), 일요일(14:00)',
			scheduleSlots: [
				{ day: 'wed', time: '19:30' },
				{ day: 'thu', time: '19:30' },
				{ day: 'fri', time: '19:30' },
				{ day: 'sat', time: '15:00' },
				{ day: 'sat', time: '19:00' },
				{ day: 'sun', time: '14:00' },
			],
			synopsis: null,
			posterUrl: 'http://www.kopis.or.kr/upload/pfmPoster/PF_PF273608_250908_175820.gif',
			isOpenRun: false,
			isChild: false,
			isVisiting: false,
			isDaehakro: false,
			isFestival: false,
			isMusicalLicense: false,
			isMusicalCreate: false,
			kopisRegisteredAt: null,
			kopisUpdatedAt: '2025-09-09T15:00:03',
			detailStatus: 'complete',
		});
		expect(result.people).toEqual([{ role: 'cast', position: 0, name: '최현우' }]);
		expect(result.bookingLinks.map((link) => [link.position, link.sellerName])).toEqual([
			[0, 'NHN티켓링크'],
			[1, '네이버N예약'],
			[2, '인터파크'],
		]);
		expect(result.images).toEqual([
			{
				kind: 'poster',
				position: 0,
				sourceUrl: 'http://www.kopis.or.kr/upload/pfmPoster/PF_PF273608_250908_175820.gif',
			},
			{
				kind: 'intro',
				position: 0,
				sourceUrl: 'http://www.kopis.or.kr/upload/pfmIntroImage/PF_PF273608_202509080558200860.jpg',
			},
			{
				kind: 'intro',
				position: 1,
				sourceUrl: 'http://www.kopis.or.kr/upload/pfmIntroImage/PF_PF273608_202509080559114910.jpg',
			},
		]);
	});

	test('takes the venue name from the hall text when there is no list row', () => {
		const { performance } = normalizePerformance(null, detailPF273608(), TODAY);
		expect(performance.venueName).toBe('한전아트센터');
		expect(performance.detailStatus).toBe('complete');
	});

	test('derives the state from the dates when KOPIS gives no label', () => {
		const row = listRow({ prfstate: ' ' });
		expect(normalizePerformance(row, null, '2025-10-01').performance.state).toBe('upcoming');
		expect(normalizePerformance(row, null, '2025-10-25').performance.state).toBe('running');
		expect(normalizePerformance(row, null, '2025-11-09').performance.state).toBe('running');
		expect(normalizePerformance(row, null, '2025-11-10').performance.state).toBe('finished');
		expect(stateFromDates('2025-01-01', '2025-01-01', '2025-01-01')).toBe('running');
	});

	test('stores the synopsis as text, once decoded: escaped markup stays the reference it was', () => {
		const detail = PerformanceDetailRecord.parse({
			mt20id: 'PF1',
			prfnm: '제목',
			prfpdfrom: '2026.03.01',
			prfpdto: '2026.03.31',
			genrenm: '연극',
			fcltynm: '극장',
			sty: '<p>&amp;lt;b&amp;gt;는 태그가 아니라 글자</p><p>&#1114112; &#xD800; 그대로</p>',
		});
		expect(normalizePerformance(null, detail, TODAY).performance.synopsis).toBe(
			'&lt;b&gt;는 태그가 아니라 글자\n\n&#1114112; &#xD800; 그대로',
		);
	});

	test('cleans booking links, people, synopsis and the hall text of a messy detail', () => {
		const detail = PerformanceDetailRecord.parse({
			mt20id: 'PF1',
			prfnm: '제목  두 칸',
			prfpdfrom: '2026.03.01',
			prfpdto: '2026.03.31',
			genrenm: '미지의 장르',
			fcltynm: '시흥아트센터  (대공연장)',
			prfcast: '김철수, 이영희, 김철수 등',
			prfcrew: '연출: 박민수',
			sty: '<p>1막</p><p>2막<br>끝 &amp; 커튼콜</p><script>x()</script>',
			poster: 'javascript:alert(1)',
			relates: {
				relate: [
					{ relatenm: '인터파크', relateurl: ' http://t.example/1 ' },
					{ relateurl: 'https://t.example/2' },
					{ relatenm: '예스24', relateurl: ' ' },
					{ relatenm: '나쁜', relateurl: 'javascript:alert(1)' },
					{ relatenm: '중복', relateurl: 'http://t.example/1' },
				],
			},
			styurls: {
				styurl: [
					'/upload/pfmIntroImage/a.jpg',
					'data:image/png;base64,xx',
					'/upload/pfmIntroImage/a.jpg',
				],
			},
		});
		const result = normalizePerformance(null, detail, TODAY);
		expect(result.performance).toMatchObject({
			title: '제목 두 칸',
			genreCode: 'EEEA',
			genreName: '미지의 장르',
			venueName: '시흥아트센터',
			venueHallText: '시흥아트센터 (대공연장)',
			cast: ['김철수', '이영희'],
			crew: ['연출: 박민수'],
			synopsis: '1막\n\n2막\n끝 & 커튼콜',
			posterUrl: null,
			area: null,
			areaCode: null,
			priceTiers: [],
			minPrice: null,
			scheduleSlots: [],
		});
		expect(result.bookingLinks).toEqual([
			{ position: 0, sellerName: '인터파크', url: 'http://t.example/1' },
			{ position: 1, sellerName: null, url: 'https://t.example/2' },
		]);
		expect(result.images).toEqual([
			{
				kind: 'intro',
				position: 0,
				sourceUrl: 'http://www.kopis.or.kr/upload/pfmIntroImage/a.jpg',
			},
		]);
		expect(result.people).toEqual([
			{ role: 'cast', position: 0, name: '김철수' },
			{ role: 'cast', position: 1, name: '이영희' },
			{ role: 'crew', position: 0, name: '연출: 박민수' },
		]);
	});

	test('refuses mismatched or missing records', () => {
		expect(() => normalizePerformance(null, null, TODAY)).toThrow(TypeError);
		expect(() => normalizePerformance(listRow({ mt20id: 'PF2' }), detailPF273608(), TODAY)).toThrow(
			/PF2.*PF273608/,
		);
	});

	test('reads a 2023 list (no area, old genre labels) stored as xml-js JSON', () => {
		const converted = JSON.parse(
			readFixture('converted-json/proncan-xmljs-list-10rows-2023-01.json'),
		) as XmlJsNode;
		const rows = (converted.elements?.[0]?.elements ?? []).map(xmlJsItem);
		const page = validateRecords(rows, PerformanceListRecord);
		expect(page.rejected).toEqual([]);
		expect(page.records).toHaveLength(10);
		const normalized = page.records.map((row) => normalizePerformance(row, null, '2023-01-25'));
		expect(normalized.every(({ performance }) => performance.area === null)).toBe(true);
		expect(normalized.every(({ performance }) => performance.areaCode === null)).toBe(true);
		const byLabel = new Map(
			normalized.map(({ performance }) => [performance.genreName, performance.genreCode]),
		);
		expect(byLabel.get('클래식')).toBe('CCCA');
		expect(byLabel.get('국악')).toBe('CCCC');
		for (const code of byLabel.values()) expect(code).toMatch(/^[A-G]{4}$/);
	});
});

interface XmlJsNode {
	type?: string;
	name?: string;
	text?: string;
	elements?: XmlJsNode[];
}

/** xml-js's non-compact form `{ name, elements: [{ type: 'text', text }] }` → a parsed item. */
function xmlJsItem(node: XmlJsNode): Record<string, unknown> {
	return Object.fromEntries(
		(node.elements ?? []).map((field) => [field.name ?? '', field.elements?.[0]?.text ?? '']),
	);
}

describe('normalizeVenue', () => {
	test('normalises all 100 venue-list rows', () => {
		const rows = records(
			'prfplc-list/xmlparserdemo-prfplc-page1-100rows-2025.xml',
			VenueListRecord,
		);
		for (const row of rows) {
			const { venue, halls } = normalizeVenue(row, null);
			expect(venue).toMatchObject({
				id: row.id,
				name: row.name,
				detailStatus: 'list',
				address: null,
			});
			expect(halls).toEqual([]);
			if (row.sidoName === null) expect(venue.areaCode).toBeNull();
			else expect(venue.areaCode).toMatch(/^\d{2}$/);
		}
		const overseas = rows.find((row) => row.id === 'FC004513') ?? null;
		expect(normalizeVenue(overseas, null).venue).toMatchObject({
			sidoName: null,
			areaCode: null,
			facilityType: '기타(해외등)',
		});
	});

	test('normalises FC001247 and its 12 halls, region read off the address', () => {
		const [detail] = records(
			'prfplc-detail/xmlparserdemo-FC001247-olympicpark-12halls.xml',
			VenueDetailRecord,
		);
		const { venue, halls } = normalizeVenue(null, detail ?? null);
		expect(venue).toEqual({
			id: 'FC001247',
			name: '올림픽공원',
			hallCount: 12,
			facilityType: '공공(기타)',
			openingYear: 1986,
			seatScale: 41376,
			phone: '02-410-1114',
			homepage: 'http://www.olympicpark.co.kr/',
			address: '서울특별시 송파구 올림픽로 424 올림픽공원 (방이동)',
			latitude: 37.52112,
			longitude: Number('127.12836360000005'),
			sidoName: '서울',
			gugunName: '송파구',
			areaCode: '11',
			hasRestaurant: true,
			hasCafe: true,
			hasStore: true,
			hasKidsRoom: false,
			hasNursingRoom: false,
			hasParking: true,
			barrierFreeParking: false,
			barrierFreeRestroom: false,
			barrierFreeRamp: false,
			barrierFreeElevator: false,
			detailStatus: 'complete',
		});
		expect(halls).toHaveLength(12);
		expect(halls[0]).toEqual({
			id: 'FC001247-01',
			venueId: 'FC001247',
			name: 'KSPO DOME(체조경기장)',
			seatScale: 15000,
			hasOrchestraPit: false,
			hasRehearsalRoom: true,
			hasDressingRoom: true,
			hasOutdoorStage: false,
			wheelchairSeats: null,
			stageArea: null,
		});
	});

	test('prefers the list labels and drops impossible coordinates', () => {
		const list = VenueListRecord.parse({
			fcltynm: '수원SK아트리움',
			mt10id: 'FC000500',
			sidonm: '경기',
			gugunnm: '수원시',
		});
		const detail = VenueDetailRecord.parse({
			fcltynm: '수원SK아트리움 ',
			mt10id: 'FC000500',
			adres: '경기도 수원시 장안구 수성로 245',
			la: '0',
			lo: '0',
			relateurl: 'javascript:alert(1)',
		});
		expect(normalizeVenue(list, detail).venue).toMatchObject({
			name: '수원SK아트리움',
			sidoName: '경기',
			gugunName: '수원시',
			areaCode: '41',
			latitude: null,
			longitude: null,
			homepage: null,
		});
		expect(() => normalizeVenue(list, { ...detail, id: 'FC000501' })).toThrow(TypeError);
	});
});

test('keeps the first of two halls with the same id', () => {
	const detail = VenueDetailRecord.parse({
		fcltynm: '극장',
		mt10id: 'FC000001',
		mt13s: {
			mt13: [
				{ prfplcnm: '대극장', mt13id: 'FC000001-01' },
				{ prfplcnm: '대극장 (중복)', mt13id: 'FC000001-01' },
				{ prfplcnm: '소극장  2관', mt13id: 'FC000001-02' },
			],
		},
	});
	expect(normalizeVenue(null, detail).halls.map((hall) => [hall.id, hall.name])).toEqual([
		['FC000001-01', '대극장'],
		['FC000001-02', '소극장 2관'],
	]);
});

describe('normalizeBoxOfficeEntry', () => {
	test('normalises all 50 ranks, trimming and collapsing the hall text', () => {
		const rows = records('boxoffice/xmlparserdemo-boxoffice-50rows-2025-09.xml', BoxOfficeRecord);
		const entries = rows.map(normalizeBoxOfficeEntry);
		expect(entries.map((entry) => entry.rank)).toEqual(rows.map((_, index) => index + 1));
		for (const entry of entries) {
			expect(entry.venueHallText).toBe(entry.venueHallText?.replace(/\s+/g, ' ').trim());
			expect(entry.runStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect((entry.runStart ?? '') <= (entry.runEnd ?? '')).toBe(true);
			expect(entry.posterUrl).toMatch(/^http:\/\/www\.kopis\.or\.kr\/upload\/pfmPoster\//);
		}
		expect(entries[0]).toEqual({
			rank: 1,
			performanceId: 'PF274597',
			title: 'ENHYPEN WORLD TOUR, WALK THE LINE: FINAL [서울]',
			genreName: '대중음악',
			runStart: '2025-10-24',
			runEnd: '2025-10-26',
			venueHallText: '올림픽공원 KSPO DOME(체조경기장)',
			areaName: '서울',
			seatCount: 15000,
			showCount: 3,
			posterUrl: 'http://www.kopis.or.kr/upload/pfmPoster/PF_PF274597_250922_111811.gif',
		});
	});

	test('resolves a pre-2024 relative poster path on www.kopis.or.kr', () => {
		const record = BoxOfficeRecord.parse({
			rnum: '7',
			mt20id: 'PF200000',
			prfnm: '오페라의 유령',
			cate: '뮤지컬',
			prfpd: '2023.03.30~2023.06.18',
			poster: '/upload/pfmPoster/PF_PF200000_221201_101010.jpg',
			seatcnt: '0',
		});
		expect(normalizeBoxOfficeEntry(record)).toMatchObject({
			posterUrl: 'http://www.kopis.or.kr/upload/pfmPoster/PF_PF200000_221201_101010.jpg',
			seatCount: 0,
			runStart: '2023-03-30',
		});
	});
});

test.each([
	['한전아트센터 (한전아트센터)', '한전아트센터'],
	['예술의전당 [서울] (콘서트홀)', '예술의전당 [서울]'],
	['벨로주 [홍대] (구. 왓에버) (공연장)', '벨로주 [홍대] (구. 왓에버)'],
	['(공연장)', '(공연장)'],
	['극장', '극장'],
])('facilityFromHallText(%j) → %j', (text, expected) => {
	expect(facilityFromHallText(text)).toBe(expected);
});

test('normalised fixture rows insert into the real schema', async () => {
	const database = await createTestDatabase();
	try {
		const { db } = database;
		const [venueDetail] = records(
			'prfplc-detail/xmlparserdemo-FC001247-olympicpark-12halls.xml',
			VenueDetailRecord,
		);
		const venue = normalizeVenue(null, venueDetail ?? null);
		await db.insert(venues).values({ ...venue.venue, contentHash: 'h' });
		await db.insert(halls).values(venue.halls);

		const normalized = [
			normalizePerformance(listRow(), detailPF273608(), TODAY),
			...records('pblprfr-list/xmlparserdemo-list-10rows-2025-09.xml', PerformanceListRecord).map(
				(row) => normalizePerformance(row, null, TODAY),
			),
		];
		for (const { performance, people, bookingLinks: links, images } of normalized) {
			// FC000113 is not in this database: the sync nulls unknown venues the same way.
			await db.insert(performances).values({ ...performance, venueId: null, contentHash: 'h' });
			const performanceId = performance.id;
			if (people.length > 0) {
				await db.insert(performancePeople).values(people.map((p) => ({ ...p, performanceId })));
			}
			if (links.length > 0) {
				await db.insert(bookingLinks).values(links.map((l) => ({ ...l, performanceId })));
			}
			await db.insert(performanceImages).values(images.map((i) => ({ ...i, performanceId })));
		}
		const entries = records('boxoffice/xmlparserdemo-boxoffice-50rows-2025-09.xml', BoxOfficeRecord)
			.map(normalizeBoxOfficeEntry)
			.map((entry) => ({
				...entry,
				period: 'week' as const,
				startDate: '2025-09-15',
				endDate: '2025-09-21',
				genreCode: 'ALL',
			}));
		await db.insert(boxOfficeEntries).values(entries);

		const [stored] = await db.select().from(performances).where(eq(performances.id, 'PF273608'));
		expect(stored?.priceTiers).toEqual([
			{ seat: 'R석', price: 99000 },
			{ seat: 'S석', price: 77000 },
		]);
		expect(stored?.scheduleSlots).toHaveLength(6);
		expect(stored?.isOpenRun).toBe(false);
		expect(await db.$count(performances)).toBe(11);
		expect(await db.$count(halls, eq(halls.venueId, 'FC001247'))).toBe(12);
		expect(await db.$count(bookingLinks)).toBe(3);
		expect(await db.$count(performanceImages)).toBe(13);
		expect(await db.$count(boxOfficeEntries)).toBe(50);
	} finally {
		database.destroy();
	}
});
