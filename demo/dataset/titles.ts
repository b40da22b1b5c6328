/** Korean performance titles per genre, in the shapes KOPIS lists (〈…〉, `&`, Ⅱ, 내한공연…). */

import type { GenreCode } from '../../core/kopis-genres.ts';
import { withParticle } from '../../core/korean-particle.ts';
import {
	BALLETS,
	COMPOSERS,
	DANCE_CREWS,
	ENGLISH_TITLES,
	FESTIVAL_WORDS,
	FOREIGN_ACTS,
	GUGAK_INSTRUMENTS,
	INSTRUMENTS,
	KIDS_TITLES,
	MODIFIERS,
	NOUNS,
	ORCHESTRA_WORDS,
	PANSORI,
	POP_ARTISTS,
} from './performance-words.ts';
import type { Rng } from './random.ts';

export interface TitlePlan {
	title: string;
	visit: boolean;
	child: boolean;
	festival: boolean;
	/** A licensed (foreign) musical rather than a Korean creation. */
	licensed: boolean;
	/** Fixed performers named by the title (soloist, act), put first in the cast. */
	performers: string[];
}

export interface TitlePeople {
	soloists: readonly string[];
	gugak: readonly string[];
	magicians: readonly string[];
	cities: readonly string[];
}

const ROMAN = ['Ⅱ', 'Ⅲ', 'Ⅳ'];

export function phrase(rng: Rng): string {
	const noun = rng.pick(NOUNS);
	const other = rng.pick(NOUNS.filter((candidate) => candidate !== noun));
	return rng.weighted([
		[`${rng.pick(MODIFIERS)} ${noun}`, 5],
		[`${noun}의 ${other}`, 2],
		[`${noun}, ${other}`, 1],
		[`${noun} 이야기`, 1],
		[`${withParticle(noun, '을/를')} 찾아서`, 1],
		[`${withParticle(noun, '과/와')} ${other}`, 1],
	]);
}

function plan(title: string, extra: Partial<TitlePlan> = {}): TitlePlan {
	return {
		title,
		visit: false,
		child: false,
		festival: false,
		licensed: false,
		performers: [],
		...extra,
	};
}

export function titleFor(rng: Rng, genre: GenreCode, people: TitlePeople): TitlePlan {
	const words = phrase(rng);
	const city = rng.pick(people.cities);
	switch (genre) {
		case 'GGGA': {
			const [english, korean] = rng.pick(ENGLISH_TITLES);
			return rng.weighted([
				[plan(`뮤지컬 〈${words}〉`), 4],
				[plan(`뮤지컬 ${words}`), 2],
				[plan(words), 2],
				[plan(`${korean} ${english.toUpperCase()}`, { licensed: true }), 2],
				[plan(`뮤지컬 〈${korean}〉`, { licensed: true }), 2],
				[plan(`${english} 내한공연`, { licensed: true, visit: true }), 1],
				[plan(`가족뮤지컬 〈${rng.pick(KIDS_TITLES)}〉`, { child: true }), 2],
				[plan(`${words} ${rng.int(5, 20)}주년 기념공연`), 1],
			]);
		}
		case 'AAAA':
			return rng.weighted([
				[plan(`연극 ${words}`), 4],
				[plan(`연극 〈${words}〉`), 3],
				[plan(words), 3],
				[plan(`2인극 ${words}`), 1],
				[plan(`${words} ${rng.pick(ROMAN)}`), 1],
				[plan(`어린이 연극 〈${rng.pick(KIDS_TITLES)}〉`, { child: true }), 1],
			]);
		case 'CCCA': {
			const soloist = rng.pick(people.soloists);
			const partner = rng.pick(people.soloists.filter((name) => name !== soloist));
			const composer = rng.pick(COMPOSERS);
			const orchestra = `${city}${rng.pick(ORCHESTRA_WORDS)}`;
			return rng.weighted([
				[plan(`${orchestra} 제${rng.int(20, 400)}회 정기연주회`), 4],
				[
					plan(
						`${orchestra} 오케스트라 정기연주회: ${withParticle(composer, '과/와')} ${rng.pick(COMPOSERS)}`,
					),
					2,
				],
				[plan(`${soloist} ${rng.pick(INSTRUMENTS)} 리사이틀`, { performers: [soloist] }), 3],
				[
					plan(`${soloist} ${rng.pick(INSTRUMENTS)} 독주회 [${city}]`, { performers: [soloist] }),
					2,
				],
				[plan(`${composer} 교향곡 전곡 시리즈 ${rng.pick(ROMAN)}`), 1],
				[plan(`${soloist} & ${partner} 듀오 리사이틀`, { performers: [soloist, partner] }), 2],
				[plan(`${rng.pick(FOREIGN_ACTS)} 내한공연`, { visit: true }), 1],
				[plan(`${words}: 가곡의 밤`), 1],
			]);
		}
		case 'CCCC': {
			const master = rng.pick(people.gugak);
			return rng.weighted([
				[plan(`${master}의 판소리 완창 〈${rng.pick(PANSORI)}〉`, { performers: [master] }), 2],
				[plan(`${master} ${rng.pick(GUGAK_INSTRUMENTS)} 산조 독주회`, { performers: [master] }), 2],
				[plan(`${city}시립국악단 제${rng.int(50, 200)}회 정기연주회`), 2],
				[plan(`국악관현악 〈${words}〉`), 2],
				[plan(`${words} - 전통연희 한마당`, { festival: rng.chance(0.3) }), 1],
			]);
		}
		case 'BBBC':
			return rng.weighted([
				[plan(`${city}시립무용단 〈${words}〉`), 3],
				[plan(`발레 〈${rng.pick(BALLETS)}〉 [${city}]`), 3],
				[plan(`현대무용 ${words}`), 2],
				[plan(`한국무용 〈${words}〉`), 2],
			]);
		case 'BBBE':
			return rng.weighted([
				[plan(`스트릿댄스 페스티벌 ${words}`, { festival: true }), 1],
				[plan(`${rng.pick(DANCE_CREWS)} 브레이킹 쇼케이스`), 1],
			]);
		case 'CCCD': {
			const artist = rng.pick(POP_ARTISTS);
			const other = rng.pick(POP_ARTISTS.filter((name) => name !== artist));
			return rng.weighted([
				[plan(`${artist} 단독 콘서트`, { performers: [artist] }), 4],
				[plan(`${artist} 전국투어 콘서트 〈${words}〉`, { performers: [artist] }), 3],
				[plan(`${artist} & ${other}, ${words}`, { performers: [artist, other] }), 1],
				[plan(`${city} ${rng.pick(FESTIVAL_WORDS)} ${rng.int(2025, 2027)}`, { festival: true }), 1],
				[plan(`${rng.pick(FOREIGN_ACTS)} 내한공연`, { visit: true }), 1],
				[plan(`${artist} X ${other} 〈${words}〉`, { performers: [artist, other] }), 1],
			]);
		}
		case 'EEEA': {
			const artist = rng.pick(POP_ARTISTS);
			return rng.weighted([
				[plan(`${words} ${rng.pick(FESTIVAL_WORDS)}`, { festival: true }), 2],
				[plan(`${city} 문화가 있는 날 〈${words}〉`), 2],
				[plan(`토크콘서트 ${words}`), 1],
				[plan(`${artist} 팬미팅 [${city}]`, { performers: [artist] }), 1],
				[plan(`렉처 콘서트 ${words}`), 1],
			]);
		}
		case 'EEEB': {
			const magician = rng.pick(people.magicians);
			return rng.weighted([
				[plan(`${magician} 매직쇼 〈${words}〉`, { performers: [magician] }), 3],
				[plan(`서커스 ${words}`), 2],
				[plan(`${rng.pick(FOREIGN_ACTS)} 서커스 내한공연`, { visit: true }), 1],
				[plan(`가족 매직 버라이어티 〈${rng.pick(KIDS_TITLES)}〉`, { child: true }), 1],
			]);
		}
	}
}
