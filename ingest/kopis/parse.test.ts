import { describe, expect, test } from 'vitest';
import { KopisParseError, KopisResponseError } from './errors.ts';
import { decodeXmlEntities, parseKopisXml, validateRecords } from './parse.ts';
import { PerformanceListRecord } from './records.ts';
import { fixtureNames, readFixture } from './testing.ts';

const URL = 'http://127.0.0.1:9/openApi/restful/pblprfr?service=SECRETKEY123&cpage=1';

function parse(xml: string): Record<string, unknown>[] {
	return parseKopisXml(xml, URL);
}

function thrown(run: () => unknown): Error {
	try {
		run();
	} catch (error) {
		if (error instanceof Error) return error;
	}
	throw new Error('expected an error');
}

describe('real responses', () => {
	test.each(fixtureNames('pblprfr-list'))('reads every row of %s', (name) => {
		const xml = readFixture(name);
		const items = parse(xml);
		expect(items.length).toBe(xml.match(/<db>/g)?.length);
		for (const item of items) expect(item.mt20id).toMatch(/^PF\d+$/);
	});

	test('reads a list without an XML prolog', () => {
		const items = parse(readFixture('pblprfr-list/seoulw-block18-5rows-2024-10.xml'));
		expect(items.map((item) => item.mt20id)).toEqual([
			'PF250157',
			'PF249865',
			'PF249644',
			'PF247855',
			'PF247431',
		]);
		expect(items[3]?.prfnm).toBe('NE-YO, CHAMPAGNE & ROSES [서울]');
	});

	test('keeps the intro images and booking links of a detail as lists', () => {
		const [detail] = parse(readFixture('pblprfr-detail/xmlparserdemo-PF273608-2025-09.xml'));
		expect(detail?.styurls).toEqual({
			styurl: [
				'http://www.kopis.or.kr/upload/pfmIntroImage/PF_PF273608_202509080558200860.jpg',
				'http://www.kopis.or.kr/upload/pfmIntroImage/PF_PF273608_202509080559114910.jpg',
			],
		});
		expect(detail?.relates).toEqual({ relate: expect.any(Array) });
		expect((detail?.relates as { relate: unknown[] } | undefined)?.relate).toHaveLength(3);
		expect(detail?.prfcrew).toBe('');
	});

	test('reads the halls of a venue detail', () => {
		const [venue] = parse(
			readFixture('prfplc-detail/xmlparserdemo-FC001247-olympicpark-12halls.xml'),
		);
		expect((venue?.mt13s as { mt13: unknown[] } | undefined)?.mt13).toHaveLength(12);
	});

	test('reads a box office page under its own root', () => {
		const items = parse(readFixture('boxoffice/xmlparserdemo-boxoffice-50rows-2025-09.xml'));
		expect(items).toHaveLength(50);
		expect(items.map((item) => item.rnum)).toEqual(
			Array.from({ length: 50 }, (_, i) => String(i + 1)),
		);
	});

	test('turns the error envelope into KopisResponseError without the key', () => {
		const error = thrown(() =>
			parse(readFixture('error/returncode-02-service-key-not-registered-2026-08.xml')),
		);
		expect(error).toBeInstanceOf(KopisResponseError);
		expect(error).toMatchObject({ code: '02', retryable: false });
		expect(error.message).toContain('SERVICE KEY IS NOT REGISTERED ERROR');
		expect(error.message).toContain('service=***');
		expect(error.message).not.toContain('SECRETKEY123');
	});
});

describe('shapes', () => {
	test('a single db is still a list, and so are single styurl, relate and mt13', () => {
		const items = parse(
			'<dbs><db><mt20id>PF1</mt20id><styurls><styurl>u</styurl></styurls>' +
				'<relates><relate><relatenm>a</relatenm><relateurl>b</relateurl></relate></relates>' +
				'<mt13s><mt13><mt13id>FC1-01</mt13id></mt13></mt13s></db></dbs>',
		);
		expect(items).toEqual([
			{
				mt20id: 'PF1',
				styurls: { styurl: ['u'] },
				relates: { relate: [{ relatenm: 'a', relateurl: 'b' }] },
				mt13s: { mt13: [{ mt13id: 'FC1-01' }] },
			},
		]);
		expect(parse('<boxofs><boxof><rnum>1</rnum></boxof></boxofs>')).toEqual([{ rnum: '1' }]);
	});

	test.each([
		'<dbs/>',
		'<dbs></dbs>',
		'<dbs>  \n\t </dbs>',
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><dbs/>',
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<boxofs></boxofs>\n',
	])('an empty root %j is an empty list', (xml) => {
		expect(parse(xml)).toEqual([]);
	});

	test('ignores box office basedate next to the items', () => {
		expect(
			parse('<boxofs><basedate>20250922</basedate><boxof><rnum>1</rnum></boxof></boxofs>'),
		).toEqual([{ rnum: '1' }]);
	});

	test('keeps blanks as blank strings (records.ts nulls them) and leaves missing elements out', () => {
		const [item] = parse('<dbs><db><mt20id>PF1</mt20id><sty> </sty><prfcrew></prfcrew></db></dbs>');
		// The synopsis is kept raw (it may hold HTML), so its single space survives parsing.
		expect(item).toEqual({ mt20id: 'PF1', sty: ' ', prfcrew: '' });
	});

	test('ignores whitespace between elements', () => {
		const [item] = parse(
			'<dbs> <db><mt13id>FC1-01</mt13id> <prfnm>극</prfnm><relates>  <relate>   ' +
				'<relatenm>인터파크</relatenm> <relateurl>http://t </relateurl></relate>  </relates></db>  </dbs>',
		);
		expect(item).toEqual({
			mt13id: 'FC1-01',
			prfnm: '극',
			relates: { relate: [{ relatenm: '인터파크', relateurl: 'http://t' }] },
		});
	});

	test('keeps HTML inside a synopsis as text', () => {
		const [item] = parse(
			'<dbs><db><sty><p>첫 줄<br>둘째 &amp; 셋째</p><img src="x.jpg"></sty><prfnm>t</prfnm></db></dbs>',
		);
		expect(item?.sty).toBe('<p>첫 줄<br>둘째 & 셋째</p><img src="x.jpg">');
		expect(item?.prfnm).toBe('t');
	});

	test('treats returncode 04 and 00 as no data', () => {
		for (const code of ['00', '04']) {
			expect(
				parse(`<dbs><db><returncode>${code}</returncode><errmsg>x</errmsg></db></dbs>`),
			).toEqual([]);
		}
	});

	test('marks returncode 03 as retryable', () => {
		const error = thrown(() =>
			parse('<dbs><db><returncode>03</returncode><errmsg>DB ERROR</errmsg></db></dbs>'),
		);
		expect(error).toMatchObject({ name: 'KopisResponseError', code: '03', retryable: true });
	});
});

describe('refusals', () => {
	test.each([
		['malformed XML', '<dbs><db><mt20id>PF1</mt20id></dbs>'],
		['a truncated body', '<dbs><db><mt20id>PF1</mt20id>'],
		['the throttle page', '<HTML><H1>Request Blocked</H1></HTML>'],
		['an HTML error page', '<html><head><title>500</title></head><body>Error</body></html>'],
		['plain text', 'Service Unavailable'],
		['an empty body', ''],
		['an unknown root', '<response><header><resultCode>99</resultCode></header></response>'],
		['two roots', '<dbs></dbs><dbs></dbs>'],
		['text in the root', '<dbs>oops</dbs>'],
		['a DTD', '<!DOCTYPE dbs [<!ENTITY a "aaaaaaaaaa">]><dbs><db><prfnm>&a;</prfnm></db></dbs>'],
		['a prototype key', '<dbs><db><__proto__>x</__proto__></db></dbs>'],
	])('refuses %s with KopisParseError', (_, body) => {
		const error = thrown(() => parse(body));
		expect(error).toBeInstanceOf(KopisParseError);
		expect(error.message).toContain('service=***');
		expect(error.message).not.toContain('SECRETKEY123');
	});
});

describe('decodeXmlEntities', () => {
	test.each([
		['NE-YO, CHAMPAGNE &amp; ROSES', 'NE-YO, CHAMPAGNE & ROSES'],
		['&lt;b&gt; &quot;q&quot; &apos;a&apos;', '<b> "q" \'a\''],
		['&#54620;&#xAD6D; &#x1F3AD;', '한국 🎭'],
		['Tom &amp;amp; Jerry', 'Tom & Jerry'],
		['&amp;#39;quoted&amp;#39;', "'quoted'"],
		['&amp;lt;', '<'],
		['&nbsp;&copy;&unknown;', '&nbsp;&copy;&unknown;'],
		['&#0; &#xD800; &#x110000;', '&#0; &#xD800; &#x110000;'],
		['A & B &amp C', 'A & B &amp C'],
		['no entities', 'no entities'],
	])('%j → %j', (input, expected) => {
		expect(decodeXmlEntities(input)).toBe(expected);
	});

	test('decodes entities in every field of an item', () => {
		const [item] = parse(
			'<dbs><db><prfnm>A &amp; B</prfnm><relates><relate><relatenm>&#54620;</relatenm></relate></relates></db></dbs>',
		);
		expect(item).toEqual({ prfnm: 'A & B', relates: { relate: [{ relatenm: '한' }] } });
	});
});

describe('validateRecords', () => {
	test('rejects one bad record and keeps the rest of the page', () => {
		const items = parse(readFixture('pblprfr-list/seoulw-block19-5rows-2024-10.xml'));
		const broken = [...items];
		broken.splice(2, 0, { mt20id: 'PF999', prfnm: ' ', prfpdfrom: '2024.13.01' }, {});
		const page = validateRecords(broken, PerformanceListRecord);
		expect(page.records).toHaveLength(items.length);
		expect(page.rejected).toEqual([
			{ index: 2, id: 'PF999', reason: expect.stringContaining('prfnm') },
			{ index: 3, id: null, reason: expect.stringContaining('mt20id') },
		]);
		expect(page.rejected[0]?.reason).toContain('not a date: 2024.13.01');
	});
});
