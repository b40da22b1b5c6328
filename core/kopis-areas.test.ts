import { describe, expect, test } from 'vitest';
import { AREAS, areaCodeFromName, areaOfCode, findArea } from './kopis-areas.ts';
import { kopisReferenceSection } from './testing.ts';

describe('areaCodeFromName', () => {
	test.each([
		['서울특별시', '11'],
		['서울', '11'],
		['부산광역시', '26'],
		['대구', '27'],
		['인천광역시', '28'],
		['광주광역시', '29'],
		['대전', '30'],
		['울산광역시', '31'],
		['세종특별자치시', '36'],
		['경기도', '41'],
		['경기', '41'],
		['강원특별자치도', '51'],
		['강원도', '51'],
		['강원', '51'],
		['충청북도', '43'],
		['충남', '44'],
		['전라북도', '45'],
		['전북특별자치도', '45'],
		['전북', '45'],
		['전라남도', '46'],
		['경상북도', '47'],
		['경남', '48'],
		['제주특별자치도', '50'],
		['제주', '50'],
		['서울특별시 송파구 올림픽로 424 올림픽공원 (방이동)', '11'],
		[' 경기도 수원시 팔달구', '41'],
	])('%j → %s', (name, code) => {
		expect(areaCodeFromName(name)).toBe(code);
	});

	test.each([null, '', '일본', '기타(해외등)', '광주시', '서울특별시청'])('%j → null', (name) => {
		expect(areaCodeFromName(name)).toBeNull();
	});
});

describe('areaOfCode', () => {
	test('reads every current code', () => {
		for (const area of AREAS) expect(areaOfCode(area.code)).toBe(area);
	});

	test('moves the old codes: 42 was 강원, 52 is 전북 nationally', () => {
		expect(areaOfCode('42')?.code).toBe('51');
		expect(areaOfCode('52')?.code).toBe('45');
	});

	test.each([null, '', '99', 'UNI', '1111', 'constructor'])('%j → null', (code) => {
		expect(areaOfCode(code)).toBeNull();
	});
});

describe('the reference table (docs/kopis/API.md §7.4)', () => {
	const rows = [
		...kopisReferenceSection('7.4').matchAll(
			/^\| (\d{2})(?: \(formerly (\d{2})\))? +\| (\S+) +\| (.+?) +\| (\S+) +\|$/gm,
		),
	].map(([, code = '', formerly, sido = '', full = '', short = '']) => ({
		code,
		formerly,
		sido,
		// `강원특별자치도 / 강원도`, `전라북도 (still in 2025 responses)`
		fullNames: full.split(' / ').map((name) => name.replace(/ \(.*\)$/, '')),
		short,
	}));

	test('has the same 17 codes, in the same order', () => {
		expect(rows.map((row) => row.code)).toEqual(AREAS.map((area) => area.code));
	});

	test.each(rows)('$code $sido: its names and old code', (row) => {
		const area = areaOfCode(row.code);
		expect(area?.short).toBe(row.sido);
		expect(area?.short).toBe(row.short);
		// The first full name in the table is the one KOPIS writes now.
		expect(area?.names[0]).toBe(row.fullNames[0]);
		for (const name of [row.sido, row.short, ...row.fullNames]) {
			expect(findArea(name), name).toBe(area);
		}
		if (row.formerly !== undefined) expect(areaOfCode(row.formerly)).toBe(area);
	});
});
