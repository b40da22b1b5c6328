import { describe, expect, test } from 'vitest';
import { areaCodeFromName, findGenreCode, GENRES, genreCodeFromLabel } from './codes.ts';

describe('genreCodeFromLabel', () => {
	test('maps every current label to its code', () => {
		for (const genre of GENRES) expect(genreCodeFromLabel(genre.label)).toBe(genre.code);
	});

	test.each([
		['연극', 'AAAA'],
		['뮤지컬', 'GGGA'],
		['무용', 'BBBC'],
		['무용(서양/한국무용)', 'BBBC'],
		['한국무용', 'BBBC'],
		['서양무용', 'BBBC'],
		['대중무용', 'BBBE'],
		['서양음악(클래식)', 'CCCA'],
		['클래식', 'CCCA'],
		['오페라', 'CCCA'],
		['한국음악(국악)', 'CCCC'],
		['국악', 'CCCC'],
		['대중음악', 'CCCD'],
		['복합', 'EEEA'],
		['서커스/마술', 'EEEB'],
		[' 서양음악 (클래식) ', 'CCCA'],
		['서양음악（클래식）', 'CCCA'],
	])('%j → %s', (label, code) => {
		expect(genreCodeFromLabel(label)).toBe(code);
	});

	test('files an unknown label under 복합 while findGenreCode says it is unknown', () => {
		expect(genreCodeFromLabel('인형극')).toBe('EEEA');
		expect(findGenreCode('인형극')).toBeNull();
	});
});

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
