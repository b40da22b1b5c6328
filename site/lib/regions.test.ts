import { describe, expect, test } from 'vitest';
import { AREAS } from '../../core/kopis-areas.ts';
import { normalizePerformance, normalizeVenue } from '../../ingest/kopis/normalize.ts';
import {
	PerformanceListRecord,
	VenueDetailRecord,
	VenueListRecord,
} from '../../ingest/kopis/records.ts';
import { fixtureValues } from '../../ingest/kopis/testing.ts';
import { ALL_REGIONS, regionBySlug, regionOf } from './regions.ts';

test('reads the region from the code, old codes included', () => {
	expect(regionOf('11', null)?.name).toBe('서울');
	expect(regionOf('42', null)?.name).toBe('강원');
	expect(regionOf('52', null)?.name).toBe('전북');
});

test('falls back to the full or short name, else null', () => {
	expect(regionOf(null, '강원특별자치도')?.slug).toBe('gangwon');
	expect(regionOf(null, '경기도 성남시 분당구')?.code).toBe('41');
	expect(regionOf(null, '제주')?.code).toBe('50');
	expect(regionOf(null, ' ')).toBeNull();
	expect(regionOf('99', '해외')).toBeNull();
});

test('lists every KOPIS sido once, each with its own slug', () => {
	expect(ALL_REGIONS.map((region) => region.code).sort()).toEqual(
		AREAS.map((area) => area.code).sort(),
	);
	for (const region of ALL_REGIONS) expect(regionBySlug(region.slug)).toBe(region);
	expect(ALL_REGIONS.slice(0, 3).map((region) => region.slug)).toEqual([
		'seoul',
		'gyeonggi',
		'incheon',
	]);
	expect(regionBySlug('nowhere')).toBeNull();
});

describe('agrees with the ingest', () => {
	// Every name KOPIS writes: the table's (short, full, older), the samples' performance `area`,
	// venue `sidonm`, box-office `area` and road addresses, and names that must stay unknown.
	const names = [
		...new Set([
			...AREAS.flatMap((area) => [area.short, ...area.names]),
			...AREAS.flatMap((area) => area.names.map((name) => `${name} 중구 중앙로 1`)),
			...fixtureValues('area'),
			...fixtureValues('sidonm'),
			...fixtureValues('adres'),
			' 경기도 수원시 팔달구',
			'서울 송파구',
			'서울시 중구 세종대로 110',
			'서울특별시청',
			'경기도성남시',
			'광주시',
			'기타(해외등)',
			'일본 도쿄도',
			'',
			' ',
		]),
	];

	/** The codes the ingest stores for `name` as a performance's area, a venue's sido, an address. */
	function ingestCodes(name: string): (string | null)[] {
		const performance = PerformanceListRecord.parse({
			mt20id: 'PF000001',
			prfnm: '공연',
			prfpdfrom: '2025.10.01',
			prfpdto: '2025.10.31',
			fcltynm: '공연장',
			genrenm: '연극',
			area: name,
		});
		const venue = VenueListRecord.parse({ fcltynm: '공연장', mt10id: 'FC000001', sidonm: name });
		const detail = VenueDetailRecord.parse({ fcltynm: '공연장', mt10id: 'FC000001', adres: name });
		return [
			normalizePerformance(performance, null, '2025-10-01').performance.areaCode ?? null,
			normalizeVenue(venue, null).venue.areaCode ?? null,
			normalizeVenue(null, detail).venue.areaCode ?? null,
		];
	}

	test('has real samples to compare', () => {
		expect(fixtureValues('area')).toEqual(
			expect.arrayContaining(['서울특별시', '서울', '전라북도']),
		);
		expect(fixtureValues('sidonm')).toEqual(expect.arrayContaining(['강원', '']));
		expect(fixtureValues('adres').length).toBeGreaterThan(0);
	});

	test.each(names)('on %j', (name) => {
		const fromName = regionOf(null, name)?.code ?? null;
		expect(ingestCodes(name)).toEqual([fromName, fromName, fromName]);
		// What the site shows for a stored row: the ingest's code with the name beside it.
		expect(regionOf(ingestCodes(name)[0] ?? null, name)?.code ?? null).toBe(fromName);
	});

	test('knows every name KOPIS uses in the samples', () => {
		const unknown = [
			...fixtureValues('area'),
			...fixtureValues('sidonm'),
			...fixtureValues('adres'),
		]
			.filter((name) => name.trim() !== '')
			.filter((name) => regionOf(null, name) === null);
		expect(unknown).toEqual([]);
	});

	test.each([...AREAS.map((area) => area.code), '42', '52'])('on code %s', (code) => {
		// The ingest stores the code findArea gives for the area's current full name.
		const region = regionOf(code, null);
		const area = AREAS.find((candidate) => candidate.code === region?.code);
		expect(area).toBeDefined();
		expect(ingestCodes(area?.names[0] ?? '')[0]).toBe(region?.code);
		expect(regionOf(code, '일본')).toEqual(region);
	});
});
