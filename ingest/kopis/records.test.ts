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

describe('PerformanceListRecord', () => {
	test.each(fixtureNames('pblprfr-list'))('accepts every row of %s', (name) => {
		const page = validateRecords(items(name), PerformanceListRecord);
		expect(page.rejected).toEqual([]);
		for (const record of page.records) {
			expect(record.prfpdfrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(record.prfpdfrom <= record.prfpdto).toBe(true);
			expect(['공연예정', '공연중', '공연완료']).toContain(record.prfstate);
		}
	});

	test('reads a 2025 row into ISO dates and a boolean open-run flag', () => {
		const [record] = validateRecords(
			items('pblprfr-list/xmlparserdemo-list-10rows-2025-09.xml'),
			PerformanceListRecord,
		).records;
		expect(record).toEqual({
			mt20id: 'PF274677',
			prfnm: '더 베스트 오브 라흐마니노프 with 일리야 라쉬코프스키 & 세르게이 타라소프',
			prfpdfrom: '2025-12-10',
			prfpdto: '2025-12-10',
			fcltynm: '롯데콘서트홀',
			poster: 'http://www.kopis.or.kr/upload/pfmPoster/PF_PF274677_250922_151333.gif',
			area: '서울특별시',
			genrenm: '서양음악(클래식)',
			openrun: false,
			prfstate: '공연예정',
		});
	});

	test('turns a single space, an empty element and a missing element into null', () => {
		const base = {
			mt20id: 'PF1',
			prfnm: '제목',
			prfpdfrom: '2024.01.01',
			prfpdto: '2024.01.02',
			fcltynm: '극장 ',
			genrenm: '연극',
		};
		const record = PerformanceListRecord.parse({ ...base, poster: ' ', area: '', openrun: ' ' });
		expect(record).toMatchObject({ poster: null, area: null, openrun: null, prfstate: null });
		expect(record.fcltynm).toBe('극장');
	});

	test.each([
		['mt20id', { mt20id: 'FC0001' }],
		['prfnm', { prfnm: ' ' }],
		['prfpdfrom', { prfpdfrom: '2024.02.30' }],
		['prfpdto', { prfpdto: undefined }],
		['genrenm', { genrenm: '' }],
		['prfnm', { prfnm: { b: 'nested' } }],
	])('rejects a record whose required %s is unusable', (field, change) => {
		const base = {
			mt20id: 'PF1',
			prfnm: '제목',
			prfpdfrom: '2024.01.01',
			prfpdto: '2024.01.02',
			fcltynm: '극장',
			genrenm: '연극',
		};
		const result = PerformanceListRecord.safeParse({ ...base, ...change });
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
			mt20id: 'PF273608',
			mt10id: 'FC000113',
			mt13id: null,
			frstregdt: null,
			prfpdfrom: '2025-10-25',
			prfpdto: '2025-11-09',
			fcltynm: '한전아트센터 (한전아트센터)',
			prfcast: '최현우',
			prfcrew: null,
			prfruntime: '2시간',
			prfage: '만 13세 이상',
			entrpsnmA: null,
			entrpsnmS: '(주)하늘이엔티',
			pcseguidance: 'R석 99,000원, S석 77,000원',
			sty: null,
			genrenm: '서커스/마술',
			visit: false,
			updatedate: '2025-09-09T15:00:03',
			prfstate: '공연예정',
			dtguidance: '수요일 ~ 금요일(19:30), 토요일(15:00,19:00), 일요일(14:00)',
		});
		expect(record?.styurls).toHaveLength(2);
		expect(record?.relates).toEqual([
			{ relatenm: 'NHN티켓링크', relateurl: 'http://www.ticketlink.co.kr/product/58493' },
			{ relatenm: '네이버N예약', relateurl: 'https://booking.naver.com/booking/12/bizes/1493573' },
			{
				relatenm: '인터파크',
				relateurl: 'http://ticket.interpark.com/Ticket/Goods/GoodsInfo.asp?GoodsCode=25013005',
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
			mt13id: 'FC003670-01',
			frstregdt: '2026-01-05T09:10:11',
			updatedate: null,
			sty: null,
			styurls: [],
			relates: [
				{ relatenm: null, relateurl: null },
				{ relatenm: null, relateurl: null },
				{ relatenm: '인터파크', relateurl: 'http://t.example/1' },
			],
		});
	});

	test('drops a malformed venue id instead of trusting it', () => {
		const record = PerformanceDetailRecord.parse({
			mt20id: 'PF1',
			prfnm: 'x',
			prfpdfrom: '2024.01.01',
			prfpdto: '2024.01.01',
			genrenm: '연극',
			mt10id: 'FC0001 OR 1=1',
		});
		expect(record.mt10id).toBeNull();
		expect(record.relates).toEqual([]);
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
		expect(page.records.find((venue) => venue.mt10id === 'FC004513')).toEqual({
			fcltynm: 'GLION ARENA KOBE(지라이온 아레나 고베) [일본 효고]',
			mt10id: 'FC004513',
			mt13cnt: 1,
			fcltychartr: '기타(해외등)',
			sidonm: null,
			gugunnm: null,
			opende: null,
		});
		expect(page.records.filter((venue) => venue.fcltynm.endsWith('(폐관)')).length).toBeGreaterThan(
			0,
		);
	});

	test('reads FC001247 with its 12 halls, commas and coordinates', () => {
		const [venue] = validateRecords(
			items('prfplc-detail/xmlparserdemo-FC001247-olympicpark-12halls.xml'),
			VenueDetailRecord,
		).records;
		expect(venue).toMatchObject({
			mt10id: 'FC001247',
			mt13cnt: 12,
			opende: 1986,
			seatscale: 41376,
			la: 37.52112,
			lo: Number('127.12836360000005'),
			restaurant: true,
			nolibang: false,
		});
		expect(venue?.mt13s).toHaveLength(12);
		expect(venue?.mt13s[0]).toEqual({
			prfplcnm: 'KSPO DOME(체조경기장)',
			mt13id: 'FC001247-01',
			seatscale: 15000,
			stageorchat: false,
			stagepracat: true,
			stagedresat: true,
			stageoutdrat: false,
			disabledseatscale: null,
			stagearea: null,
		});
		expect(venue?.mt13s.map((hall) => hall.mt13id)).not.toContain('FC001247-10');
	});

	test('accepts a 2026-style venue detail with most elements missing', () => {
		const venue = VenueDetailRecord.parse({ fcltynm: '극장', mt10id: 'FC000001', mt13cnt: '2' });
		expect(venue).toMatchObject({ mt13cnt: 2, fcltychartr: null, la: null, mt13s: [] });
	});

	test.each([
		['1,200', 1200],
		['0', 0],
		['약 300', null],
		['1,20', null],
	])('reads hall seat count %j as %j', (seatscale, expected) => {
		const hall = HallRecord.parse({ prfplcnm: '홀', mt13id: 'FC1-01', seatscale });
		expect(hall.seatscale).toBe(expected);
	});
});

describe('BoxOfficeRecord', () => {
	test('accepts all 50 ranks', () => {
		const page = validateRecords(
			items('boxoffice/xmlparserdemo-boxoffice-50rows-2025-09.xml'),
			BoxOfficeRecord,
		);
		expect(page.rejected).toEqual([]);
		expect(page.records[1]).toEqual({
			rnum: 2,
			mt20id: 'PF273608',
			prfnm: '최현우 아판타시아 [서울 서초]',
			cate: '서커스/마술',
			prfpd: '2025.10.25~2025.11.09',
			prfdtcnt: 15,
			area: '서울',
			prfplcnm: '한전아트센터 한전아트센터',
			seatcnt: 999,
			poster: 'http://www.kopis.or.kr/upload/pfmPoster/PF_PF273608_250908_175820.gif',
		});
	});

	test('rejects a rank that is not a number', () => {
		const result = BoxOfficeRecord.safeParse({ rnum: 'first', mt20id: 'PF1', prfnm: 'x' });
		expect(result.error?.issues[0]?.message).toBe('not a count: first');
	});
});
