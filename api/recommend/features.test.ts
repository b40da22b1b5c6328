import { describe, expect, test } from 'vitest';
import { workOf } from './catalog.ts';
import { buildVectors, dotSparse, flagsOf, rawFeatures } from './features.ts';
import { item } from './testing.ts';

describe('features', () => {
	test('normalises names and drops blanks and duplicates', () => {
		const features = rawFeatures(
			item({
				tags: ['로맨틱', ' 로맨틱 '],
				genreCode: 'AAAA',
				cast: ['홍  광호', '홍 광호', ' '],
				crew: [],
				producers: ['(주)쇼노트'],
				venueId: 'FC000001',
				areaCode: null,
				flags: ['child'],
			}),
		);

		expect(features).toEqual([
			['tag', '로맨틱'],
			['genre', 'AAAA'],
			['cast', '홍 광호'],
			['producer', '(주)쇼노트'],
			['venue', 'FC000001'],
			['flag', 'child'],
		]);
	});

	test('reads the KOPIS flags that hold', () => {
		expect(
			flagsOf({
				isChild: true,
				isVisiting: false,
				isDaehakro: null,
				isFestival: true,
				isMusicalLicense: null,
				isMusicalCreate: true,
			}),
		).toEqual(['child', 'festival', 'original']);
	});

	test('makes unit vectors whose cosine grows with what two shows share', () => {
		const base = item({ tags: ['로맨틱', '코믹한'], cast: ['김배우'] });
		const twin = item({ tags: ['로맨틱', '코믹한'], cast: ['김배우'] });
		const cousin = item({ tags: ['로맨틱'], genreCode: 'AAAA' });
		const stranger = item({ tags: ['웅장한'], genreCode: 'CCCA', areaCode: '26' });
		const { vectors } = buildVectors([base, twin, cousin, stranger], []);
		const [a, b, c, d] = vectors as [
			(typeof vectors)[0],
			(typeof vectors)[0],
			(typeof vectors)[0],
			(typeof vectors)[0],
		];

		expect(dotSparse(a, a)).toBeCloseTo(1, 12);
		expect(dotSparse(a, b)).toBeCloseTo(1, 12);
		expect(dotSparse(a, c)).toBeGreaterThan(0);
		expect(dotSparse(a, c)).toBeLessThan(dotSparse(a, b));
		expect(dotSparse(a, d)).toBe(0);
	});

	test('drops a cast name no other show shares, since it can match nothing', () => {
		const { table } = buildVectors(
			[item({ cast: ['혼자배우', '함께배우'] }), item({ cast: ['함께배우'] })],
			['고른태그'],
		);

		expect(table.index.has('cast:함께배우')).toBe(true);
		expect(table.index.has('cast:혼자배우')).toBe(false);
		expect(table.index.has('tag:고른태그')).toBe(true);
	});

	test('treats touring runs of one title as one work', () => {
		expect(workOf('뮤지컬 〈레미제라블〉 [부산]')).toBe(workOf('뮤지컬 레미제라블'));
		expect(workOf('레미제라블 (앵콜)')).toBe(workOf('레미제라블'));
		expect(workOf('레미제라블')).not.toBe(workOf('레베카'));
	});
});
