import { expect, test } from 'vitest';
import { regionOf } from './regions.ts';

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
