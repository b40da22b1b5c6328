import { describe, expect, test } from 'vitest';
import { parseKopisXml, validateRecords } from './parse.ts';
import {
	BoxOfficeRecord,
	HallRecord,
	PerformanceDetailRecord,
	PerformanceListRecord,
	VenueDetailRecord,
	VenueListRecord,
} from './records.ts';
import { fixtureNames, readFixture } from './testing.ts';

function items(path: string): Record<string, unknown>[] {
	return parseKopisXml(readFixture(path), `fixture:${path}`);
}

const LIST_ROW = {
	mt20id: 'PF1',
	prfnm: '제목',
	prfpdfrom: '2024.01.01',
	prfpdto: '2024.01.02',
	fcltynm: '극장',
	genrenm: '연극',
};

describe('PerformanceListRecord', () => {
	test.each(fixtureNames('pblprfr-list'))('accepts every row of %s', (name) => {
		const page = validateRecords(items(name), PerformanceListRecord);
		expect(page.rejected).toEqual([]);
		for (const record of page.records) {
			expect(record.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(record.startDate <= record.endDate).toBe(true);
			expect(['공연예정', '공연중', '공연완료']).toContain(record.stateLabel);
		}
	});

	test('reads a 2025 row into our names, ISO dates and a boolean open-run flag', () => {
		const [record] = validateRecords(
			items('pblprfr-list/xmlparserdemo-list-10rows-2025-09.xml'),
			PerformanceListRecord,
		).records;
		expect(record).toEqual({
			id: 'PF274677',
			title: '더 베스트 오브 라흐마니노프 with 일리야 라쉬코프스키 & 세르게이 타라소프',
			startDate: '2025-12-10',
			endDate: '2025-12-10',
			venueName: '롯데콘서트홀',
			posterUrl: 'http://www.kopis.or.kr/upload/pfmPoster/PF_PF274677_250922_151333.gif',
			area: '서울특별시',
			genreName: '서양음악(클래식)',
			isOpenRun: false,
			stateLabel: '공연예정',
		});
	});

	test('turns a single space, an empty element and a missing element into null', () => {
		const record = PerformanceListRecord.parse({
			...LIST_ROW,
			fcltynm: '극장 ',
			poster: ' ',
			area: '',
			openrun: ' ',
		});
		expect(record).toMatchObject({
			venueName: '극장',
			posterUrl: null,
			area: null,
			isOpenRun: null,
			stateLabel: null,
		});
	});

	test.each([
		['mt20id', { mt20id: 'FC0001' }],
		['prfnm', { prfnm: ' ' }],
		['prfpdfrom', { prfpdfrom: '2024.02.30' }],
		['prfpdto', { prfpdto: undefined }],
		['genrenm', { genrenm: '' }],
		['prfnm', { prfnm: { b: 'nested' } }],
	])('rejects a record whose required %s is unusable', (field, change) => {
		const result = PerformanceListRecord.safeParse({ ...LIST_ROW, ...change });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.path[0])).toEqual([field]);
	});
});

describe('PerformanceDetailRecord', () => {
	test('reads PF273608 field by field', () => {
		const [record] = validateRecords(
			items('pblprfr-detail/xmlparserdemo-PF273608-2025-09.xml'),
			PerformanceDetailRecord,
		).records;
		expect(record).toMatchObject({
			id: 'PF273608',
			venueId: 'FC000113',
			hallId: null,
			registeredAt: null,
			startDate: '2025-10-25',
			endDate: '2025-11-09',
			venueHallText: '한전아트센터 (한전아트센터)',
			castText: '최현우',
			crewText: null,
			runtimeText: '2시간',
			ageText: '만 13세 이상',
			producerText: '(주)라온플레이, (주)하늘이엔티',
			planningCompany: null,
			organizer: '(주)하늘이엔티',
			priceText: 'R석 99,000원, S석 77,000원',
			synopsis: null,
			genreName: '서커스/마술',
			isVisiting: false,
			updatedAt: '2025-09-09T15:00:03',
			stateLabel: '공연예정',
			scheduleText: '수요일 ~ 금요일(19:30), 토요일(15:00,19:00), 일요일(14:00)',
		});
		expect(record?.introImageUrls).toHaveLength(2);
		expect(record?.bookingLinks).toEqual([
			{ sellerName: 'NHN티켓링크', url: 'http://www.ticketlink.co.kr/product/58493' },
			{ sellerName: '네이버N예약', url: 'https://booking.naver.com/booking/12/bizes/1493573' },
			{
				sellerName: '인터파크',
				url: 'http://ticket.interpark.com/Ticket/Goods/GoodsInfo.asp?GoodsCode=25013005',
			},
		]);
	});

	test('reads a single-line 2026 detail with hall id, first registration and blank links', () => {
		const xml =
			'<dbs><db><mt20id>PF280001</mt20id><prfnm>극</prfnm><prfpdfrom>2026.03.01</prfpdfrom>' +
			'<prfpdto>2026.03.31</prfpdto><fcltynm>시흥아트센터  (대공연장)</fcltynm><sty> </sty>' +
			'<genrenm>연극</genrenm><frstregdt>2026-01-05 09:10:11</frstregdt><mt10id>FC003670</mt10id>' +
			'<mt13id>FC003670-01</mt13id><relates><relate><relateurl> </relateurl></relate><relate/>' +
			'<relate><relatenm>인터파크</relatenm><relateurl>http://t.example/1 </relateurl></relate></relates>' +
			'<styurls><styurl> </styurl></styurls><updatedate>not a time</updatedate></db></dbs>';
		const record = PerformanceDetailRecord.parse(parseKopisXml(xml, 'inline')[0]);
		expect(record).toMatchObject({
			hallId: 'FC003670-01',
			registeredAt: '2026-01-05T09:10:11',
			updatedAt: null,
			venueHallText: '시흥아트센터  (대공연장)',
			synopsis: null,
			introImageUrls: [],
			bookingLinks: [
				{ sellerName: null, url: null },
				{ sellerName: null, url: null },
				{ sellerName: '인터파크', url: 'http://t.example/1' },
			],
		});
	});

	test('drops a malformed venue id instead of trusting it', () => {
		const { fcltynm: _, ...detail } = LIST_ROW;
		const record = PerformanceDetailRecord.parse({ ...detail, mt10id: 'FC0001 OR 1=1' });
		expect(record.venueId).toBeNull();
		expect(record.bookingLinks).toEqual([]);
		expect(record.venueHallText).toBeNull();
	});
});

describe('venues', () => {
	test('accepts all 100 venue-list rows, overseas and closed ones included', () => {
		const page = validateRecords(
			items('prfplc-list/xmlparserdemo-prfplc-page1-100rows-2025.xml'),
			VenueListRecord,
		);
		expect(page.rejected).toEqual([]);
		expect(page.records).toHaveLength(100);
		expect(page.records.find((venue) => venue.id === 'FC004513')).toEqual({
			id: 'FC004513',
			name: 'GLION ARENA KOBE(지라이온 아레나 고베) [일본 효고]',
			hallCount: 1,
			facilityType: '기타(해외등)',
			sidoName: null,
			gugunName: null,
			openingYear: null,
		});
		expect(page.records.find((venue) => venue.id === 'FC000175')).toMatchObject({
			sidoName: '부산',
			gugunName: '해운대구',
			openingYear: 2011,
		});
		const closed = page.records.filter((venue) => venue.name.endsWith('(폐관)'));
		expect(closed.length).toBeGreaterThan(0);
	});

	test('reads FC001247 with its 12 halls, commas and coordinates', () => {
		const [venue] = validateRecords(
			items('prfplc-detail/xmlparserdemo-FC001247-olympicpark-12halls.xml'),
			VenueDetailRecord,
		).records;
		expect(venue).toMatchObject({
			id: 'FC001247',
			hallCount: 12,
			openingYear: 1986,
			seatScale: 41376,
			phone: '02-410-1114',
			address: '서울특별시 송파구 올림픽로 424 올림픽공원 (방이동)',
			latitude: 37.52112,
			longitude: Number('127.12836360000005'),
			hasRestaurant: true,
			hasKidsRoom: false,
			hasParking: true,
		});
		expect(venue?.halls).toHaveLength(12);
		expect(venue?.halls[0]).toEqual({
			id: 'FC001247-01',
			name: 'KSPO DOME(체조경기장)',
			seatScale: 15000,
			hasOrchestraPit: false,
			hasRehearsalRoom: true,
			hasDressingRoom: true,
			hasOutdoorStage: false,
			wheelchairSeats: null,
			stageArea: null,
		});
		expect(venue?.halls[2]).toMatchObject({ wheelchairSeats: 22, stageArea: '23.1X18.5X8.5' });
		expect(venue?.halls.map((hall) => hall.id)).not.toContain('FC001247-10');
	});

	test('accepts a 2026-style venue detail with most elements missing', () => {
		const venue = VenueDetailRecord.parse({ fcltynm: '극장', mt10id: 'FC000001', mt13cnt: '2' });
		expect(venue).toMatchObject({ hallCount: 2, facilityType: null, latitude: null, halls: [] });
	});

	test('rejects a venue whose hall has no id', () => {
		const result = VenueDetailRecord.safeParse({
			fcltynm: '극장',
			mt10id: 'FC000001',
			mt13s: { mt13: [{ prfplcnm: '홀' }] },
		});
		expect(result.error?.issues[0]?.path).toEqual(['mt13s', 0, 'mt13id']);
	});

	test.each([
		['1,200', 1200],
		['0', 0],
		['약 300', null],
		['1,20', null],
	])('reads hall seat count %j as %j', (seatscale, expected) => {
		const hall = HallRecord.parse({ prfplcnm: '홀', mt13id: 'FC1-01', seatscale });
		expect(hall.seatScale).toBe(expected);
	});
});

describe('BoxOfficeRecord', () => {
	test('accepts all 50 ranks', () => {
		const page = validateRecords(
			items('boxoffice/xmlparserdemo-boxoffice-50rows-2025-09.xml'),
			BoxOfficeRecord,
		);
		expect(page.rejected).toEqual([]);
		expect(page.records.map((record) => record.rank)).toEqual(
			Array.from({ length: 50 }, (_, i) => i + 1),
		);
		expect(page.records[1]).toEqual({
			rank: 2,
			performanceId: 'PF273608',
			title: '최현우 아판타시아 [서울 서초]',
			genreName: '서커스/마술',
			runStart: '2025-10-25',
			runEnd: '2025-11-09',
			showCount: 15,
			areaName: '서울',
			venueHallText: '한전아트센터 한전아트센터',
			seatCount: 999,
			posterUrl: 'http://www.kopis.or.kr/upload/pfmPoster/PF_PF273608_250908_175820.gif',
		});
	});

	test('rejects a rank that is not a number', () => {
		const result = BoxOfficeRecord.safeParse({ rnum: 'first', mt20id: 'PF1', prfnm: 'x' });
		expect(result.error?.issues[0]?.message).toBe('not a count: first');
	});
});
