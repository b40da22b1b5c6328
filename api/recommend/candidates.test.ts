import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bestPositions, compareScored, liveShows, scoreRows } from './candidates.ts';
import { catalogOf, item, TODAY } from './testing.ts';

describe('bestPositions', () => {
	test('picks what a full sort would, ties by id and exclusions included', () => {
		const catalog = catalogOf(
			Array.from({ length: 40 }, (_, index) => item({ id: `PF${String(index).padStart(6, '0')}` })),
		);
		const entries = catalog.list;
		// Few distinct values, so ties are everywhere; -Infinity marks excluded shows.
		const score = fc.oneof(fc.constantFrom(0, 0.5, 1, 0.25), fc.constant(Number.NEGATIVE_INFINITY));
		fc.assert(
			fc.property(
				fc.array(score, { minLength: 40, maxLength: 40 }),
				fc.integer({ min: 0, max: 45 }),
				(values, count) => {
					const scores = Float64Array.from(values);
					const expected = entries
						.map((entry, index) => ({ entry, score: values[index] as number, index }))
						.filter((scored) => scored.score !== Number.NEGATIVE_INFINITY)
						.sort(compareScored)
						.slice(0, count)
						.map((scored) => scored.index);
					expect(bestPositions(entries, scores, count)).toEqual(expected);
				},
			),
		);
	});
});

describe('liveShows', () => {
	test('packs the vectors of the shows that can be recommended today', () => {
		const closed = item({ id: 'PF000001', endDate: '2026-04-30', tags: ['로맨틱'] });
		const running = item({ id: 'PF000002', tags: ['로맨틱', '코믹한'] });
		const later = item({ id: 'PF000003', startDate: '2026-09-01', endDate: '2026-09-30' });
		const catalog = catalogOf([closed, running, later]);

		const live = liveShows(catalog, TODAY);

		expect(live.entries.map((entry) => entry.id)).toEqual(['PF000002']);
		expect(liveShows(catalog, TODAY)).toBe(live);
		const dense = new Float64Array(catalog.features.kinds.length).fill(1);
		const out = new Float64Array(1);
		scoreRows(live, dense, out, 2);
		const vector = catalog.entries.get('PF000002')?.vector;
		const sum = [...(vector?.values ?? [])].reduce((total, value) => total + value, 0);
		expect(out[0]).toBeCloseTo(2 * sum, 12);
	});
});
