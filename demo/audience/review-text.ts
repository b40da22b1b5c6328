/**
 * Words for the demo users' nicknames and reviews: short Korean phrases picked by the rating, so
 * a five-star review reads like one. Plain text only; the site renders reviews as text anyway.
 */
import type { Rng } from '../dataset/random.ts';

const NICK_HEADS = [
	'푸른',
	'조용한',
	'반짝이는',
	'느긋한',
	'용감한',
	'수줍은',
	'밤하늘',
	'첫줄',
	'객석의',
	'커튼콜',
	'봄날의',
	'한여름',
] as const;
const NICK_TAILS = [
	'관객',
	'무대',
	'객석',
	'박수',
	'연극팬',
	'뮤덕',
	'클래식러',
	'국악사랑',
	'춤꾼',
	'관람러',
] as const;

/** A nickname that fits the sign-up rules (letters and digits, 2–20 characters); unique by `n`. */
export function demoNickname(rng: Rng, n: number): string {
	return `${rng.pick(NICK_HEADS)}${rng.pick(NICK_TAILS)}${n}`;
}

type Tone = 'high' | 'mid' | 'low';

const TITLES: Record<Tone, readonly string[]> = {
	high: [
		'인생 공연이었어요',
		'다시 보고 싶은 무대',
		'두 번 봐도 좋았습니다',
		'배우들의 호흡이 완벽',
		'기립박수가 절로',
		'올해 최고의 관람',
	],
	mid: ['무난하게 즐겼어요', '좋은 점도 아쉬운 점도', '한 번쯤 볼 만해요', '기대만큼은 아니지만'],
	low: ['조금 아쉬웠어요', '기대에 못 미쳤습니다', '2막이 길게 느껴졌어요', '음향이 아쉬웠던 공연'],
};

const SENTENCES: Record<Tone, readonly string[]> = {
	high: [
		'마지막 장면에서 객석 전체가 숨을 죽였어요.',
		'주연 배우의 목소리가 공연장 끝까지 또렷하게 들렸습니다.',
		'무대 전환이 매끄러워서 몰입이 끊기지 않았어요.',
		'앙상블의 합이 정말 좋았습니다.',
		'조명과 음악이 장면마다 잘 어울렸어요.',
		'끝나고 나서도 넘버가 계속 귓가에 맴돕니다.',
		'러닝타임이 짧게 느껴질 만큼 빠져들었어요.',
	],
	mid: [
		'1막은 조금 느렸지만 2막에서 힘을 냈어요.',
		'배우들은 좋았는데 이야기가 다소 평범했습니다.',
		'시야가 조금 가려지는 좌석이라 아쉬웠어요.',
		'음향은 괜찮았고 무대 미술이 인상적이었어요.',
		'처음 보는 사람에게도 어렵지 않은 공연입니다.',
	],
	low: [
		'대사가 잘 들리지 않는 구간이 많았어요.',
		'이야기의 흐름을 따라가기가 어려웠습니다.',
		'가격에 비해 무대가 단출했어요.',
		'중간 휴식 뒤로 긴장감이 떨어졌습니다.',
	],
};

const SPOILERS = [
	'결말에서 주인공이 모든 것을 내려놓고 떠나는 장면이 가장 기억에 남아요.',
	'마지막에 밝혀지는 반전 때문에 처음 장면을 다시 떠올리게 됩니다.',
	'커튼콜 뒤에 숨겨진 짧은 장면이 있으니 끝까지 자리를 지키세요.',
] as const;

function toneOf(ratingHalves: number): Tone {
	if (ratingHalves >= 8) return 'high';
	if (ratingHalves >= 5) return 'mid';
	return 'low';
}

export interface DemoReviewText {
	title: string | null;
	body: string | null;
	hasSpoilers: boolean;
}

/** About a third of demo reviews are a rating only, as on real sites. */
export function demoReviewText(rng: Rng, ratingHalves: number): DemoReviewText {
	if (rng.chance(0.3)) return { title: null, body: null, hasSpoilers: false };
	const tone = toneOf(ratingHalves);
	const sentences = rng.sample(SENTENCES[tone], rng.int(1, 3));
	const hasSpoilers = rng.chance(0.12);
	if (hasSpoilers) sentences.push(rng.pick(SPOILERS));
	return {
		title: rng.chance(0.7) ? rng.pick(TITLES[tone]) : null,
		body: sentences.join(' '),
		hasSpoilers,
	};
}
