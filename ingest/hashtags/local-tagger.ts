/**
 * Tags without a model: scored rules over what KOPIS tells us (genre, flags, age, runtime, venue
 * size) and keywords in the title and synopsis. Deterministic, so a rerun over unchanged data
 * writes nothing. Every performance gets 2–5 tags: the genre alone always yields two.
 */
import { currentGenreCode, type GenreCode, genreCodeFromLabel } from '../../core/kopis-genres.ts';
import type { Hashtag } from './vocabulary.ts';

export interface LocalTaggingInput {
	title: string;
	genreCode: string;
	genreName: string;
	synopsis: string | null;
	/** Years; 0 for 전체 관람가. */
	ageMinimum: number | null;
	runtimeMinutes: number | null;
	isChild: boolean | null;
	isVisiting: boolean | null;
	isDaehakro: boolean | null;
	isFestival: boolean | null;
	/** The hall's seats, or the venue's when it has one hall. */
	seats: number | null;
}

type Scores = Map<Hashtag, number>;

/** Genre → base tags with weights; two per genre so no performance ends with fewer than two. */
const GENRE_TAGS: Record<GenreCode, [Hashtag, number][]> = {
	// theatre
	AAAA: [
		['극적인', 2],
		['감동적', 0.5],
	],
	// musical
	GGGA: [
		['라이브음악', 2],
		['화려한', 1.5],
	],
	// dance
	BBBC: [
		['시각예술', 2],
		['서정적', 0.5],
	],
	// popular dance
	BBBE: [
		['신나는', 2],
		['트렌디한', 1.5],
	],
	// classical
	CCCA: [
		['라이브음악', 2],
		['서정적', 0.8],
	],
	// Korean traditional
	CCCC: [
		['전통적', 3],
		['라이브음악', 1.5],
	],
	// popular music
	CCCD: [
		['라이브음악', 2],
		['신나는', 1.5],
	],
	// circus, magic
	EEEB: [
		['화려한', 2],
		['가족친화적', 1.5],
	],
	// mixed
	EEEA: [
		['창의적', 1.5],
		['실험적', 1],
	],
};

/**
 * The code, a pre-2022 one moved to its current code; an unknown code by its label
 * (docs/kopis/API.md §7.1: map by label when unsure), an unknown label as 복합.
 */
function genreOf(code: string, label: string): GenreCode {
	return currentGenreCode(code) ?? genreCodeFromLabel(label);
}

/**
 * Words that point at a tag. Each distinct word found adds 1 (up to 2.5 per tag). Words are
 * chosen long enough not to hide inside unrelated words (no bare 왕, 굿, 쇼).
 */
const KEYWORDS: [Hashtag, string[]][] = [
	['로맨틱', ['사랑', '연인', '로맨스', '로맨틱', '설렘', '연애', '첫사랑', '고백', '결혼']],
	['코믹한', ['코미디', '코믹', '웃음', '유쾌', '폭소', '개그', '좌충우돌', '엉뚱']],
	['미스터리', ['미스터리', '추리', '범인', '살인', '수사', '탐정', '비밀', '사건']],
	['어두운', ['죽음', '복수', '절망', '광기', '비극', '상처', '폭력', '어둠']],
	['감동적', ['감동', '눈물', '가족애', '희망', '따뜻한']],
	['힐링', ['힐링', '위로', '치유', '휴식', '편안']],
	['역사적', ['역사', '조선', '고려', '왕조', '독립운동', '일제', '전쟁', '실화', '임진왜란']],
	['청춘', ['청춘', '청년', '학교', '대학생', '스무 살', '스무살']],
	['관객참여', ['관객참여', '참여형', '관객과 함께', '떼창', '인터랙티브', '체험']],
	['이머시브', ['이머시브', '몰입형', '관객 사이']],
	['실험적', ['실험', '해체', '낭독', '오브제']],
	[
		'고전명작',
		['셰익스피어', '체호프', '햄릿', '베토벤', '모차르트', '차이콥스키', '고전', '명작'],
	],
	['전통적', ['전통', '판소리', '국악', '탈춤', '사물놀이', '창극', '가야금', '민요']],
	['시각예술', ['미디어아트', '영상', '조명', '설치미술', '그림', '미술']],
	['사회적', ['사회', '노동', '차별', '인권', '환경', '난민', '빈곤']],
	['긴장감', ['스릴러', '긴장', '추격', '서스펜스', '탈출', '위기']],
	['몽환적', ['환상', '몽환', '마법', '꿈속', '동화']],
	['서정적', ['서정', '시인', '그리움', '추억', '계절']],
	['신나는', ['신나는', '신나게', '파티', '댄스', '록 ', '페스티벌']],
	['트렌디한', ['트렌디', '힙합', '케이팝', 'K-POP', '아이돌', '스트릿']],
	['화려한', ['화려', '갈라', '퍼레이드', '스펙터클']],
	['웅장한', ['웅장', '오케스트라', '교향곡', '대서사', '오페라', '합창']],
	['가족친화적', ['어린이', '가족', '아이들', '인형극', '키즈']],
	['라이브음악', ['라이브', '밴드', '연주', '콘서트', '리사이틀']],
	['창의적', ['창작', '독창', '상상']],
	['극적인', ['운명', '갈등', '반전', '드라마']],
];

function add(scores: Scores, tag: Hashtag, weight: number): void {
	scores.set(tag, (scores.get(tag) ?? 0) + weight);
}

function scoreFacts(input: LocalTaggingInput, scores: Scores): void {
	const genre = genreOf(input.genreCode, input.genreName);
	for (const [tag, weight] of GENRE_TAGS[genre]) add(scores, tag, weight);
	if (input.isVisiting === true) add(scores, '내한공연', 3);
	if (input.isFestival === true) add(scores, '축제', 3);
	if (input.isChild === true) add(scores, '가족친화적', 3);
	else if (input.ageMinimum !== null && input.ageMinimum > 0 && input.ageMinimum <= 7)
		add(scores, '가족친화적', 1.5);
	// 19세 이상 hints at adult themes but says little alone: it only tips an existing lean.
	if (input.ageMinimum !== null && input.ageMinimum >= 18) add(scores, '어두운', 0.4);
	// KOPIS venue sizes: Daehak-ro's private theatres are almost all under 300 seats.
	if (input.seats !== null && input.seats <= 300) add(scores, '소극장', 2);
	else if (input.isDaehakro === true && input.seats === null) add(scores, '소극장', 1.5);
	if (input.seats !== null && input.seats >= 1000) {
		add(scores, '대극장', 2);
		if (genre === 'GGGA' || genre === 'CCCA') add(scores, '웅장한', 1);
	}
	if (input.runtimeMinutes !== null && input.runtimeMinutes >= 150) add(scores, '웅장한', 1);
}

function scoreWords(input: LocalTaggingInput, scores: Scores): void {
	const text = `${input.title} ${input.synopsis ?? ''}`;
	for (const [tag, words] of KEYWORDS) {
		const found = words.filter((word) => text.includes(word)).length;
		if (found > 0) add(scores, tag, Math.min(found, 2.5));
	}
}

/** 2–5 tags, strongest first; ties keep the order in which the rules above added them. */
export function localTags(input: LocalTaggingInput): Hashtag[] {
	const scores: Scores = new Map();
	scoreFacts(input, scores);
	scoreWords(input, scores);
	return [...scores.entries()]
		.map(([tag, score], order) => ({ tag, score, order }))
		.sort((a, b) => b.score - a.score || a.order - b.order)
		.slice(0, 5)
		.filter((entry, index) => index < 2 || entry.score >= 1)
		.map((entry) => entry.tag);
}
