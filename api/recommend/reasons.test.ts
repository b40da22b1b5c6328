import { describe, expect, test } from 'vitest';
import { starsOf, withAnd } from './reasons.ts';
import { recommend } from './recommend.ts';
import { EMPTY_HISTORY, type UserHistory } from './taste.ts';
import { catalogOf, item, TODAY } from './testing.ts';

function reasonsFor(
	items: Parameters<typeof catalogOf>[0],
	history: UserHistory,
	performanceId: string,
	options: { pickedTags?: string[]; popularity?: Parameters<typeof catalogOf>[1] } = {},
): string[] {
	const list = recommend(catalogOf(items, options.popularity), history, {
		pickedTags: options.pickedTags ?? [],
		limit: 10,
		today: TODAY,
	});
	const found = list.find((entry) => entry.performanceId === performanceId);
	if (found === undefined) throw new Error(`${performanceId} was not recommended`);
	return found.reasons.map((reason) => reason.text);
}

describe('reasons', () => {
	test('names the shared tags and the rating of the show they come from', () => {
		const loved = item({ title: '사랑의 묘약', tags: ['로맨틱', '코믹한', '웅장한'] });
		const candidate = item({ tags: ['로맨틱', '코믹한'] });
		const filler = item({ genreCode: 'CCCA', tags: ['웅장한'] });
		const history = { reviews: [{ performanceId: loved.id, ratingHalves: 9 }], favorites: [] };

		expect(reasonsFor([loved, candidate, filler], history, candidate.id)).toEqual([
			"#로맨틱 #코믹한 — '사랑의 묘약'에 4.5점을 준 취향과 비슷해요",
		]);
	});

	test('names the shared cast of a favorite', () => {
		const favorite = item({ title: '레미제라블', genreCode: 'AAAA', cast: ['홍광호', '김소현'] });
		const candidate = item({ cast: ['홍광호', '박은태'], areaCode: '26' });
		const filler = item({ cast: ['박은태'], genreCode: 'CCCA', areaCode: '26' });
		const history = { reviews: [], favorites: [favorite.id] };

		expect(reasonsFor([favorite, candidate, filler], history, candidate.id)).toEqual([
			"즐겨찾기한 '레미제라블'과 같은 출연진(홍광호)",
		]);
	});

	test('explains picked tags and the box office in order of what they added', () => {
		const candidate = item({ tags: ['로맨틱', '코믹한'] });
		const other = item({ tags: ['웅장한'] });
		const popularity = { overallRanks: new Map([[candidate.id, 3]]) };

		expect(
			reasonsFor([candidate, other], EMPTY_HISTORY, candidate.id, {
				pickedTags: ['코믹한', '로맨틱'],
				popularity,
			}),
		).toEqual(['#코믹한 #로맨틱 — 고른 태그와 맞아요', '이번 주 예매 순위 3위']);
	});

	test('names the genre of a genre ranking', () => {
		const candidate = item({ genreName: '연극', genreCode: 'AAAA' });
		const popularity = { genreRanks: new Map([[candidate.id, 5]]) };

		expect(reasonsFor([candidate], EMPTY_HISTORY, candidate.id, { popularity })).toEqual([
			'이번 주 연극 예매 순위 5위',
		]);
	});

	test('falls back to the opening day when nothing else applies', () => {
		const candidate = item({ startDate: '2026-05-20', endDate: '2026-06-20' });

		expect(reasonsFor([candidate], EMPTY_HISTORY, candidate.id)).toEqual(['5월 20일 개막해요']);
	});

	test('points every personal reason at the show it comes from', () => {
		const favorite = item({ tags: ['신나는'], cast: ['이배우'] });
		const candidate = item({ tags: ['신나는'], cast: ['이배우'] });
		const list = recommend(
			catalogOf([favorite, candidate, item()]),
			{ reviews: [], favorites: [favorite.id] },
			{
				pickedTags: [],
				limit: 10,
				today: TODAY,
			},
		);

		const reasons = list.find((entry) => entry.performanceId === candidate.id)?.reasons ?? [];
		expect(reasons.map((reason) => reason.kind).sort()).toEqual(['people', 'taste']);
		expect(reasons.every((reason) => reason.basedOn === favorite.id)).toBe(true);
	});
});

describe('wording', () => {
	test('picks 과 or 와 by the last letter of the title', () => {
		expect(withAnd("'레미제라블'", '레미제라블')).toBe("'레미제라블'과");
		expect(withAnd("'맘마미아!'", '맘마미아!')).toBe("'맘마미아!'와");
		expect(withAnd("'시카고 2026'", '시카고 2026')).toBe("'시카고 2026'과");
		expect(withAnd("'RENT'", 'RENT')).toBe("'RENT'와");
	});

	test('writes half stars with one decimal and whole stars without', () => {
		expect([1, 8, 9, 10].map(starsOf)).toEqual(['0.5', '4', '4.5', '5']);
	});
});
