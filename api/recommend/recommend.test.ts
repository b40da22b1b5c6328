import { describe, expect, test } from 'vitest';
import { type RecommendationRequest, recommend } from './recommend.ts';
import { EMPTY_HISTORY, type UserHistory } from './taste.ts';
import { catalogOf, item, TODAY } from './testing.ts';

function request(fields: Partial<RecommendationRequest> = {}): RecommendationRequest {
	return { pickedTags: [], limit: 10, today: TODAY, ...fields };
}

function ids(list: { performanceId: string }[]): string[] {
	return list.map((entry) => entry.performanceId);
}

function rated(performanceId: string, ratingHalves: number): UserHistory {
	return { reviews: [{ performanceId, ratingHalves }], favorites: [] };
}

describe('exclusions', () => {
	test('never recommends what the user reviewed or favorited', () => {
		const reviewed = item({ tags: ['로맨틱', '코믹한'] });
		const favorited = item({ tags: ['로맨틱', '코믹한'] });
		const similar = item({ tags: ['로맨틱', '코믹한'] });
		const other = item({ tags: ['웅장한'], genreCode: 'CCCA' });
		const catalog = catalogOf([reviewed, favorited, similar, other]);
		const history: UserHistory = {
			reviews: [{ performanceId: reviewed.id, ratingHalves: 10 }],
			favorites: [favorited.id],
		};

		expect(ids(recommend(catalog, history, request()))).toEqual([similar.id, other.id]);
	});

	test('recommends only shows running today or opening within sixty days', () => {
		const closedYesterday = item({ startDate: '2026-03-01', endDate: '2026-04-30' });
		const closingToday = item({ startDate: '2026-03-01', endDate: TODAY });
		const openingToday = item({ startDate: TODAY, endDate: '2026-05-31' });
		const openingSoon = item({ startDate: '2026-06-30', endDate: '2026-07-31' });
		const openingLater = item({ startDate: '2026-07-01', endDate: '2026-07-31' });
		const catalog = catalogOf([
			closedYesterday,
			closingToday,
			openingToday,
			openingSoon,
			openingLater,
		]);

		expect(ids(recommend(catalog, EMPTY_HISTORY, request())).sort()).toEqual(
			[closingToday.id, openingToday.id, openingSoon.id].sort(),
		);
	});

	test('learns from a closed show without recommending it', () => {
		const seen = item({ tags: ['서정적인'], endDate: '2026-01-31', startDate: '2026-01-01' });
		const like = item({ tags: ['서정적인'] });
		const unlike = item({ tags: ['신나는'] });
		const catalog = catalogOf([seen, like, unlike], { overallRanks: new Map([[unlike.id, 1]]) });

		expect(ids(recommend(catalog, rated(seen.id, 10), request()))).toEqual([like.id, unlike.id]);
	});
});

describe('cold start', () => {
	test('ranks by this week’s box office when there is no history', () => {
		const shows = [item(), item(), item(), item()];
		const [first, second, third, unranked] = shows.map((show) => show.id) as [
			string,
			string,
			string,
			string,
		];
		const catalog = catalogOf(shows, {
			overallRanks: new Map([
				[second, 2],
				[first, 1],
				[third, 3],
			]),
		});

		expect(ids(recommend(catalog, EMPTY_HISTORY, request()))).toEqual([
			first,
			second,
			third,
			unranked,
		]);
	});

	test('is never empty while something is showing, even with no ranking at all', () => {
		const shows = [item({ id: 'PF000003' }), item({ id: 'PF000001' }), item({ id: 'PF000002' })];
		const list = recommend(catalogOf(shows), EMPTY_HISTORY, request());

		expect(ids(list)).toEqual(['PF000001', 'PF000002', 'PF000003']);
		expect(list[0]?.reasons).toEqual([
			{ kind: 'schedule', text: '지금 공연 중이에요', basedOn: null },
		]);
	});

	test('picked tags lift a matching show over one that sells better', () => {
		// The seller is third this week and shares genre, region and a tag with the romantic show.
		const seller = item({ tags: ['웅장한', '감동적인'], cast: ['김스타', '이배우'] });
		const romantic = item({ tags: ['로맨틱', '감동적인', '잔잔한'], cast: ['이배우', '박배우'] });
		const others = ['로맨틱', '신나는', '웅장한', '코믹한', '어두운'].flatMap((tag, index) => [
			item({ tags: [tag, '잔잔한'], genreCode: 'AAAA', cast: ['박배우'] }),
			item({ tags: [tag], genreCode: index % 2 === 0 ? 'CCCA' : 'GGGA', areaCode: '26' }),
		]);
		const catalog = catalogOf([seller, romantic, ...others], {
			overallRanks: new Map([[seller.id, 3]]),
		});
		const rankOf = (pickedTags: string[], id: string): number =>
			ids(recommend(catalog, EMPTY_HISTORY, request({ pickedTags, limit: 20 }))).indexOf(id);

		expect(rankOf([], seller.id)).toBeLessThan(rankOf([], romantic.id));
		expect(rankOf(['로맨틱'], romantic.id)).toBeLessThan(rankOf(['로맨틱'], seller.id));
	});

	test('a picked tag also favours the genre of the shows that carry it', () => {
		const traditional = [1, 2, 3].map(() =>
			item({ genreCode: 'CCCC', tags: ['전통'], endDate: '2026-01-31', startDate: '2026-01-01' }),
		);
		const untaggedGugak = item({ id: 'PF000002', genreCode: 'CCCC', tags: ['잔잔한'] });
		const musical = item({ id: 'PF000001', genreCode: 'GGGA', tags: ['잔잔한'] });
		const catalog = catalogOf([...traditional, untaggedGugak, musical]);

		expect(ids(recommend(catalog, EMPTY_HISTORY, request()))).toEqual([
			musical.id,
			untaggedGugak.id,
		]);
		expect(ids(recommend(catalog, EMPTY_HISTORY, request({ pickedTags: ['전통'] })))).toEqual([
			untaggedGugak.id,
			musical.id,
		]);
	});

	test('ignores picked tags outside the vocabulary', () => {
		const shows = [item({ id: 'PF000001' }), item({ id: 'PF000002' })];
		const list = recommend(catalogOf(shows), EMPTY_HISTORY, request({ pickedTags: ['없는태그'] }));

		expect(ids(list)).toEqual(['PF000001', 'PF000002']);
	});
});

describe('taste', () => {
	test('picked tags steer a personal list', () => {
		const loved = item({ genreCode: 'CCCA', tags: ['웅장한', '클래식한'] });
		const classical = item({ genreCode: 'CCCA', tags: ['웅장한', '클래식한'] });
		const romantic = item({ tags: ['로맨틱'] });
		const catalog = catalogOf([loved, classical, romantic]);
		const history = rated(loved.id, 10);

		expect(ids(recommend(catalog, history, request()))).toEqual([classical.id, romantic.id]);
		expect(ids(recommend(catalog, history, request({ pickedTags: ['로맨틱'] })))).toEqual([
			romantic.id,
			classical.id,
		]);
	});

	test('a low rating pushes similar shows below unrelated ones, even popular ones', () => {
		const disliked = item({ tags: ['잔혹한', '스릴러'], cast: ['김배우'] });
		const sequel = item({ tags: ['잔혹한', '스릴러'], cast: ['김배우'] });
		const unrelated = item({ genreCode: 'BBBC', tags: ['우아한'], areaCode: '26' });
		const catalog = catalogOf([disliked, sequel, unrelated], {
			overallRanks: new Map([[sequel.id, 1]]),
		});

		const list = recommend(catalog, rated(disliked.id, 2), request());

		expect(ids(list)).toEqual([unrelated.id, sequel.id]);
		expect(list[1]?.score).toBeLessThan(0);
	});

	test('two and a half stars neither pulls nor pushes', () => {
		const middling = item({ tags: ['잔잔한'] });
		const like = item({ id: 'PF000002', tags: ['잔잔한'] });
		const unlike = item({ id: 'PF000001', genreCode: 'AAAA', tags: ['유쾌한'] });
		const catalog = catalogOf([middling, like, unlike]);

		expect(ids(recommend(catalog, rated(middling.id, 5), request()))).toEqual([unlike.id, like.id]);
		expect(ids(recommend(catalog, rated(middling.id, 6), request()))).toEqual([like.id, unlike.id]);
	});

	test('ignores history outside the catalogue', () => {
		const shows = [item({ id: 'PF000001' }), item({ id: 'PF000002' })];
		const list = recommend(catalogOf(shows), rated('PF999999', 10), request());

		expect(ids(list)).toEqual(['PF000001', 'PF000002']);
	});
});

describe('ordering', () => {
	test('breaks ties by id, whatever order the catalogue came in', () => {
		const twin = { tags: ['로맨틱'], cast: ['이배우'] };
		const a = item({ id: 'PF000001', ...twin });
		const b = item({ id: 'PF000002', ...twin });
		const c = item({ id: 'PF000003', ...twin });
		const loved = item({ ...twin });
		const history = rated(loved.id, 9);

		const forward = recommend(catalogOf([a, b, c, loved]), history, request());
		const backward = recommend(catalogOf([loved, c, b, a]), history, request());

		expect(ids(forward)).toEqual(['PF000001', 'PF000002', 'PF000003']);
		expect(backward).toEqual(forward);
	});

	test('returns at most the limit', () => {
		const shows = Array.from({ length: 30 }, () => item());

		expect(recommend(catalogOf(shows), EMPTY_HISTORY, request({ limit: 7 }))).toHaveLength(7);
	});

	test('spreads the top ten over different works instead of one touring production', () => {
		const production = {
			genreCode: 'GGGA',
			tags: ['웅장한', '감동적인'],
			cast: ['홍배우', '박배우'],
			crew: ['최연출'],
		};
		const loved = item({
			...production,
			title: '레미제라블',
			startDate: '2025-01-01',
			endDate: '2025-03-01',
		});
		const regions = ['11', '26', '27', '28', '29', '30', '31', '41', '43', '44', '45', '46'];
		const tour = regions.map((areaCode) =>
			item({ ...production, areaCode, title: `레미제라블 [${areaCode}]` }),
		);
		const others = Array.from({ length: 12 }, (_, index) =>
			item({ title: `다른 공연 ${index}`, tags: ['웅장한'], areaCode: '11' }),
		);
		const catalog = catalogOf([loved, ...tour, ...others]);

		const top = recommend(catalog, rated(loved.id, 10), request());

		const fromTour = top.filter((entry) => tour.some((run) => run.id === entry.performanceId));
		expect(fromTour).toHaveLength(1);
		expect(top[0]?.performanceId).toBe(fromTour[0]?.performanceId);
	});
});
