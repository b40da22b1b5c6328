/** Names for generated venues and their halls, in the styles KOPIS's facility list shows. */

import type { VenueKind } from './model.ts';
import type { Rng } from './random.ts';
import type { Region, Sigungu } from './regions.ts';

const THEATRE_WORDS = [
	'별빛',
	'나무',
	'해오름',
	'꿈꾸는',
	'이음',
	'다온',
	'한울',
	'선돌',
	'열린',
	'마로니에',
	'동숭',
	'혜화',
	'드림',
	'푸른',
	'하늘',
	'소리',
	'물빛',
	'달',
	'씨앗',
	'청춘',
	'봄날',
	'여름',
	'바람',
	'연우',
	'은하',
	'자유',
	'한빛',
	'새봄',
	'무지개',
	'온',
	'구름',
	'두레',
	'가온',
	'나래',
	'늘',
];
const LATIN_WORDS = [
	'Plan B',
	'ZOOM',
	'Art One',
	'HOW',
	'Nova',
	'Blue',
	'Pocket',
	'Studio 76',
	'Muse',
	'Stage 9',
	'Open',
	'Art & Play',
	'Grove',
	'Echo',
	'Mint',
	'Vivid',
];
const THEATRE_SUFFIXES = ['소극장', '아트홀', '씨어터', '극장', '스테이지', '홀'];
const CLUB_NAMES = ['온에어', '사운드홀', '라이브홀', '스테이지', '언더그라운드', '웨이브', '루프'];
const SPACE_NAMES = [
	'갤러리',
	'복합문화공간',
	'카페',
	'북카페',
	'라운지',
	'스튜디오',
	'아트스페이스',
];

/** `수원시` → `수원`; two-syllable names (`중구`) stay whole. */
export function placeStem(sigungu: Sigungu): string {
	return sigungu.name.length > 2 ? sigungu.name.slice(0, -1) : sigungu.name;
}

export function venueName(rng: Rng, kind: VenueKind, region: Region, sigungu: Sigungu): string {
	const stem = placeStem(sigungu);
	const isGu = sigungu.name.endsWith('구');
	const word = rng.pick(THEATRE_WORDS);
	switch (kind) {
		case 'arts-centre':
			return rng.pick([
				`${stem}문화예술회관`,
				`${stem}아트센터`,
				`${stem}시민회관`,
				`${stem}문화의전당`,
				isGu ? `${sigungu.name}민회관` : `${stem}예술회관`,
				`${region.short}${stem}문화재단 ${stem}아트홀`,
				`${stem}문화예술회관(구. ${stem}시민회관)`,
			]);
		case 'concert-hall':
			return rng.pick([
				`${stem}콘서트홀`,
				`${word} 체임버홀`,
				`${stem}음악당`,
				`${word}아트홀 [${stem}]`,
			]);
		case 'daehakro':
			return rng.weighted([
				[`${word}${rng.pick(THEATRE_SUFFIXES)}`, 6],
				[`예술공간 ${word}`, 1],
				[`대학로 ${word}극장`, 1],
				[`${rng.pick(LATIN_WORDS)} ${rng.pick(['씨어터', '아트홀'])}`, 2],
				[`${word}아트홀 ${rng.int(1, 3)}관`, 1],
				[`${word}씨어터 [대학로]`, 1],
				[`${word}소극장(구. ${rng.pick(THEATRE_WORDS)}극장)`, 1],
			]);
		case 'theatre':
			return rng.weighted([
				[`${word}${rng.pick(THEATRE_SUFFIXES)} [${stem}]`, 3],
				[`${stem}${rng.pick(THEATRE_SUFFIXES)}`, 2],
				[`${rng.pick(LATIN_WORDS)} 씨어터`, 1],
				[`작은극장 ${word}`, 1],
			]);
		case 'club':
			return rng.pick([
				`클럽 ${rng.pick(CLUB_NAMES)}`,
				`${rng.pick(LATIN_WORDS)} ${rng.pick(CLUB_NAMES)}`,
				`${word} 라이브 [${stem}]`,
			]);
		case 'gugak':
			return rng.pick([`${stem}국악원`, `${stem}국악당`, `${region.short}국악원 ${word}홀`]);
		case 'arena':
			return rng.pick([`${stem}실내체육관`, `${stem}종합운동장`, `${stem}아레나`]);
		case 'space':
			return rng.pick([
				`${word} ${rng.pick(SPACE_NAMES)}`,
				`${stem} 시민공원 야외무대`,
				`(구) ${word}초등학교 야외운동장`,
				`(재)${stem}문화재단`,
				`${rng.pick(LATIN_WORDS)} ${rng.pick(SPACE_NAMES)} [${stem}]`,
			]);
		case 'overseas':
			return '재외한국문화원 공연장 (일본 도쿄)';
	}
}

/** Hall names and seats per kind; a single hall often carries the venue's own name. */
export function hallPlan(
	rng: Rng,
	kind: VenueKind,
	venueName: string,
): [name: string, seats: number, outdoor: boolean][] {
	const own = venueName.trim();
	switch (kind) {
		case 'arts-centre': {
			const [big, small] = rng.pick([
				['대공연장', '소공연장'],
				['대극장', '소극장'],
				['대강당', '소강당'],
			] as const);
			const halls: [string, number, boolean][] = [[big, rng.int(650, 1500), false]];
			if (rng.chance(0.75)) halls.push([small, rng.int(180, 450), false]);
			if (rng.chance(0.2)) halls.push(['야외공연장', 0, true]);
			return halls;
		}
		case 'concert-hall':
			return rng.chance(0.5)
				? [[own, rng.int(600, 2000), false]]
				: [
						['콘서트홀', rng.int(900, 2000), false],
						['체임버홀', rng.int(250, 600), false],
					];
		case 'daehakro':
			return rng.chance(0.8)
				? [[own, rng.int(80, 260), false]]
				: [
						['1관', rng.int(120, 300), false],
						['2관', rng.int(60, 150), false],
					];
		case 'theatre':
			return rng.chance(0.7)
				? [[own, rng.int(250, 1300), false]]
				: [
						['대극장', rng.int(600, 1300), false],
						['소극장', rng.int(120, 350), false],
					];
		case 'club':
			return [[own, rng.int(100, 500), false]];
		case 'gugak':
			return [[rng.pick(['공연장', '예음홀', own]), rng.int(200, 700), false]];
		case 'arena':
			return [[rng.pick(['메인홀', own, '경기장']), rng.int(3000, 9000), false]];
		case 'space':
			return rng.chance(0.4)
				? [[rng.pick(['야외무대', '잔디마당']), 0, true]]
				: [[own, rng.int(20, 150), false]];
		case 'overseas':
			return [['공연장', 300, false]];
	}
}
