/** The free-text detail fields of a demo performance, in KOPIS's formats. */

import type { GenreCode } from '../../core/kopis-genres.ts';
import { withParticle } from '../../core/korean-particle.ts';
import type { DemoBookingLink, DemoProducers } from './model.ts';
import {
	COMPANY_SUFFIXES,
	COMPANY_WORDS,
	COMPOSERS,
	CREW_ROLES,
	NOUNS,
	POP_ARTISTS,
	SELLERS,
	SYNOPSIS_SENTENCES,
} from './performance-words.ts';
import type { Rng } from './random.ts';

/** KOPIS's blank: a single space. */
export const BLANK = ' ';

export interface People {
	musical: string[];
	actors: string[];
	soloists: string[];
	gugak: string[];
	dancers: string[];
	magicians: string[];
	directors: string[];
}

/** Recurring names ("stars") so person pages and "same cast" have something to show. */
export function createPeople(rng: Rng): People {
	const used = new Set<string>();
	const names = (count: number) => {
		const list: string[] = [];
		while (list.length < count) {
			const name = rng.faker.person.fullName().replaceAll(' ', '');
			if (!used.has(name)) {
				used.add(name);
				list.push(name);
			}
		}
		return list;
	};
	return {
		musical: names(14),
		actors: names(10),
		soloists: names(12),
		gugak: names(6),
		dancers: names(8),
		magicians: names(3),
		directors: names(12),
	};
}

export function castText(
	rng: Rng,
	genre: GenreCode,
	people: People,
	performers: readonly string[],
	child: boolean,
): string {
	if (performers.length === 0 && rng.chance(0.12)) return BLANK;
	const stars: string[] = [];
	let extra = 0;
	switch (genre) {
		case 'GGGA':
			if (!child && rng.chance(0.7)) stars.push(...rng.sample(people.musical, rng.int(1, 3)));
			extra = child ? rng.int(2, 6) : rng.int(3, 11);
			break;
		case 'AAAA':
			if (rng.chance(0.5)) stars.push(...rng.sample(people.actors, rng.int(1, 2)));
			extra = rng.int(1, 8);
			break;
		case 'CCCA':
			if (rng.chance(0.4)) stars.push(...rng.sample(people.soloists, rng.int(1, 2)));
			extra = rng.int(0, 3);
			break;
		case 'CCCC':
			extra = rng.int(0, 4);
			break;
		case 'BBBC':
			stars.push(...rng.sample(people.dancers, rng.int(0, 2)));
			extra = rng.int(2, 10);
			break;
		case 'CCCD':
			if (performers.length === 0) return rng.sample(POP_ARTISTS, rng.int(3, 10)).join(', ');
			break;
		default:
			extra = rng.int(0, 5);
	}
	if (rng.chance(0.02)) extra = rng.int(15, 20);
	const names = [...new Set([...performers, ...stars])];
	for (let index = 0; index < extra; index += 1) {
		names.push(rng.faker.person.fullName().replaceAll(' ', ''));
	}
	const text = names.slice(0, 20).join(', ');
	return names.length > 3 && rng.chance(0.4) ? `${text} 등` : text;
}

export function crewText(rng: Rng, people: People): string {
	if (rng.chance(0.45)) return BLANK;
	const count = rng.int(1, 6);
	const entries: string[] = [];
	const style = rng.weighted([
		['plain', 5],
		['suffix', 3],
		['prefix', 2],
	] as const);
	const roles = rng.sample(CREW_ROLES, count);
	for (const role of roles) {
		const name = rng.chance(0.4)
			? rng.pick(people.directors)
			: rng.faker.person.fullName().replaceAll(' ', '');
		entries.push(
			style === 'plain' ? name : style === 'suffix' ? `${name}(${role})` : `${role}: ${name}`,
		);
	}
	const text = [...new Set(entries)].join(', ');
	return style === 'plain' && count > 2 && rng.chance(0.5) ? `${text} 등` : text;
}

function company(rng: Rng): string {
	return rng.weighted([
		[`(주)${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_SUFFIXES)}`, 5],
		[`극단 ${rng.pick(COMPANY_WORDS)}`, 2],
		[`${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_SUFFIXES)}`, 2],
		[`(사)한국${rng.pick(COMPANY_WORDS)}예술협회`, 1],
	]);
}

export function producers(rng: Rng, city: string): DemoProducers {
	const shape = rng.weighted([
		['blank', 3],
		['single', 3],
		['pair', 2],
		['public', 2],
	] as const);
	switch (shape) {
		case 'blank':
			return { combined: BLANK, production: BLANK, planning: BLANK, host: BLANK, organizer: BLANK };
		case 'single': {
			const name = company(rng);
			return {
				combined: name,
				production: name,
				planning: BLANK,
				host: name,
				organizer: rng.chance(0.5) ? name : BLANK,
			};
		}
		case 'pair': {
			const first = company(rng);
			const second = company(rng);
			const both = `${first}, ${second}`;
			return {
				combined: both,
				production: both,
				planning: rng.chance(0.3) ? second : BLANK,
				host: both,
				organizer: second,
			};
		}
		case 'public': {
			const foundation = `(재)${city}문화재단`;
			return {
				combined: foundation,
				production: BLANK,
				planning: BLANK,
				host: `${city}시`,
				organizer: foundation,
			};
		}
	}
}

function won(amount: number): string {
	return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}원`;
}

/** `pcseguidance`: tiers by hall size and genre, sometimes free or with a fee note. */
export function priceText(rng: Rng, genre: GenreCode, seats: number, child: boolean): string {
	if (rng.chance(genre === 'CCCA' || genre === 'CCCC' || genre === 'EEEA' ? 0.12 : 0.03)) {
		return rng.pick(['무료', '전석무료', '전석 0원']);
	}
	const top = child
		? rng.int(2, 5) * 10_000
		: seats >= 1000
			? rng.int(9, 19) * 10_000
			: seats >= 400
				? rng.int(4, 12) * 10_000
				: rng.int(2, 6) * 10_000;
	let text: string;
	if (seats < 300 || child || rng.chance(0.25)) {
		text = rng.chance(0.8)
			? `전석 ${won(top)}`
			: `일반 ${won(top)}, 청소년 ${won(top - 10_000 > 0 ? top - 10_000 : top / 2)}`;
	} else if (genre === 'CCCD') {
		text = `스탠딩석 ${won(top)}, 지정석 ${won(top)}`;
	} else {
		const tiers = seats >= 1000 ? ['VIP석', 'R석', 'S석', 'A석'] : ['R석', 'S석', 'A석'];
		const count = rng.int(2, tiers.length);
		text = tiers
			.slice(0, count)
			.map(
				(tier, index) => `${tier} ${won(Math.max(10_000, top - index * rng.int(2, 3) * 10_000))}`,
			)
			.join(', ');
	}
	return rng.weighted([
		[text, 18],
		[`${text} (예매수수료 별도)`, 1],
		[`${text} (＋예매수수료)`, 1],
	]);
}

export function runtimeText(rng: Rng, genre: GenreCode, child: boolean): string {
	if (rng.chance(0.05)) return BLANK;
	const minutes = child
		? rng.pick([50, 60, 70])
		: genre === 'GGGA'
			? rng.int(14, 18) * 10
			: genre === 'AAAA'
				? rng.int(8, 12) * 10
				: rng.int(6, 13) * 10;
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	const korean = hours === 0 ? `${rest}분` : rest === 0 ? `${hours}시간` : `${hours}시간 ${rest}분`;
	return rng.weighted([
		[korean, 6],
		[`${minutes}분`, 3],
		[`${korean}(인터미션 ${rng.pick([15, 20])}분 포함)`, minutes >= 140 ? 2 : 0],
	]);
}

export function ageText(rng: Rng, genre: GenreCode, child: boolean): string {
	if (child) return rng.pick(['24개월 이상', '36개월 이상', '전체 관람가', '만 3세 이상']);
	if (genre === 'AAAA')
		return rng.pick([
			'만 13세 이상',
			'만 15세 이상',
			'중학생 이상 관람가',
			'만 19세 이상',
			'14세 이상',
		]);
	if (genre === 'GGGA')
		return rng.pick(['만 8세 이상', '만 7세 이상', '8세 이상 관람가', '초등학생 이상 관람가']);
	if (genre === 'CCCD')
		return rng.pick(['만 7세 이상', '전체 관람가', '만 19세 이상', '만 12세 이상']);
	return rng.pick([
		'만 7세 이상',
		'전체 관람가',
		'8세 이상',
		'초등학생 이상 관람가',
		'만 5세 이상',
	]);
}

export function synopsis(rng: Rng, name: string, city: string): string {
	if (rng.chance(0.35)) return BLANK;
	const sentences = rng.sample(SYNOPSIS_SENTENCES, rng.int(1, 5)).map((sentence) => {
		const noun = rng.pick(NOUNS);
		const noun2 = rng.pick(NOUNS);
		return sentence
			.replace('{year}', String(rng.int(2005, 2024)))
			.replace('{count}', String(rng.int(2, 60)))
			.replace('{noun}{을}', withParticle(noun, '을/를'))
			.replace('{noun}{과}', withParticle(noun, '과/와'))
			.replace('{noun}', noun)
			.replace('{noun2}', noun2)
			.replace('{name}{은}', withParticle(name, '은/는'))
			.replace('{composer}', rng.pick(COMPOSERS))
			.replace('{city}', city);
	});
	const separator = rng.weighted([
		[' ', 12],
		['\n', 5],
		['<br>', 2],
		['<br/>\n', 1],
	]);
	return sentences.join(separator);
}

/** `relates`: 0–4 sellers, sometimes without a name, a blank URL or a trailing space. */
export function bookingLinks(
	rng: Rng,
	venueName: string,
	venueHomepage: string,
): DemoBookingLink[] {
	const count = rng.weighted([
		[0, 10],
		[1, 35],
		[2, 30],
		[3, 18],
		[4, 7],
	]);
	const code = rng.int(10_000_000, 26_999_999);
	const links: DemoBookingLink[] = rng
		.sample(SELLERS, count)
		.map(([seller, url]) => ({ seller, url: url(code) }));
	if (venueHomepage.trim() !== '' && rng.chance(0.15))
		links.push({ seller: venueName.trim(), url: venueHomepage });
	for (const link of links) {
		const quirk = rng.float();
		if (quirk < 0.05) link.url = `${link.url} `;
		else if (quirk < 0.08) link.seller = null;
		else if (quirk < 0.1) link.url = BLANK;
	}
	return links;
}
