import { describe, expect, test } from 'vitest';
import { catalogOf, item, TODAY } from '../../api/recommend/testing.ts';
import { mostPopular, ndcgAt, originalRule } from './evaluate.ts';
import { generateUsers } from './users.ts';
import { generateWorld } from './world.ts';

const request = { pickedTags: [], limit: 10, today: TODAY };

describe('metrics', () => {
	test('nDCG is 1 for relevant shows on top and discounts them lower down', () => {
		const relevant = new Set(['a', 'b']);

		expect(ndcgAt(['a', 'b', 'c'], relevant, 10)).toBe(1);
		expect(ndcgAt(['c', 'a'], relevant, 10)).toBeCloseTo(
			1 / Math.log2(3) / (1 + 1 / Math.log2(3)),
			12,
		);
		expect(ndcgAt(['c', 'd'], relevant, 10)).toBe(0);
		expect(ndcgAt(['c', 'a'], relevant, 1)).toBe(0);
	});
});

describe('baselines', () => {
	test('the original rule keeps shows sharing two tags with favorites and 4-star reviews', () => {
		const favorite = item({ tags: ['로맨틱', '코믹한'] });
		const fourStars = item({ tags: ['웅장한', '감동적인'] });
		const threeAndHalf = item({ tags: ['어두운', '스릴러'] });
		const both = item({ tags: ['로맨틱', '코믹한', '잔잔한'] });
		const mixed = item({ tags: ['로맨틱', '감동적인'] });
		const one = item({ tags: ['로맨틱'] });
		const dark = item({ tags: ['어두운', '스릴러'] });
		const catalog = catalogOf([favorite, fourStars, threeAndHalf, both, mixed, one, dark]);
		const history = {
			favorites: [favorite.id],
			reviews: [
				{ performanceId: fourStars.id, ratingHalves: 8 },
				{ performanceId: threeAndHalf.id, ratingHalves: 7 },
			],
		};

		expect(originalRule(catalog, history, request).sort()).toEqual([both.id, mixed.id].sort());
		expect(
			originalRule(
				catalog,
				{ reviews: [], favorites: [] },
				{ ...request, pickedTags: ['어두운', '스릴러'] },
			),
		).toEqual([threeAndHalf.id, dark.id]);
	});

	test('most popular follows the prior and skips what the user has seen', () => {
		const [first, second, third] = [item(), item(), item()];
		const catalog = catalogOf([first, second, third], {
			overallRanks: new Map([
				[first.id, 1],
				[second.id, 2],
				[third.id, 3],
			]),
		});

		expect(mostPopular(catalog, { reviews: [], favorites: [second.id] }, request)).toEqual([
			first.id,
			third.id,
		]);
	});
});

describe('generated world', () => {
	test('the same seed gives the same catalogue and users', () => {
		const make = () => {
			const world = generateWorld({ seed: 3, performances: 300, today: TODAY });
			return { items: world.items, users: generateUsers(world, { seed: 4, count: 20 }) };
		};

		expect(make()).toEqual(make());
	});

	test('holds out only liked shows that are still candidates', () => {
		const world = generateWorld({ seed: 5, performances: 600, today: TODAY });
		const users = generateUsers(world, { seed: 6, count: 50 });
		const byId = new Map(world.items.map((entry) => [entry.id, entry]));

		const heldOut = users.flatMap((user) => [...user.relevant]);
		expect(heldOut.length).toBeGreaterThan(0);
		expect(heldOut.filter((id) => (byId.get(id)?.endDate ?? '') < TODAY)).toEqual([]);
		for (const user of users) {
			const seen = new Set([
				...user.history.reviews.map((review) => review.performanceId),
				...user.history.favorites,
			]);
			expect([...user.relevant].filter((id) => seen.has(id))).toEqual([]);
		}
	});
});
