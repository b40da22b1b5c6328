/**
 * A generated catalogue with hidden structure, for the recommendation benchmarks. Each show has
 * true themes and a true appeal the engine never sees; it sees only what our ingest would store:
 * hashtags (the themes as a tagger would find them: some missed, some wrong), genre, cast, crew,
 * producer, venue and region. Touring productions repeat one work in several regions, as in KOPIS.
 */
import type { CatalogItem } from '../../api/recommend/features.ts';
import type { PopularitySignals } from '../../api/recommend/popularity.ts';
import { createRandom, type Random } from './random.ts';

/** Mood and audience tags in the style of the hashtag vocabulary (no tagger is run here). */
export const TAGS = [
	'로맨틱',
	'코믹한',
	'감동적인',
	'웅장한',
	'서정적인',
	'신나는',
	'잔잔한',
	'어두운',
	'스릴러',
	'미스터리',
	'가족',
	'아이와함께',
	'역사',
	'판타지',
	'화려한',
	'실험적인',
	'전통',
	'클래식한',
	'현대적인',
	'힐링',
	'사회비판',
	'청춘',
	'성장',
	'우아한',
	'강렬한',
	'몽환적인',
	'유쾌한',
	'슬픈',
	'철학적인',
	'관객참여',
	'대형무대',
	'소극장',
] as const;

interface GenreSpec {
	code: string;
	name: string;
	share: number;
	/** Run length in days. */
	days: [number, number];
	cast: [number, number];
	/** Mean log-appeal: musicals sell more tickets than recitals. */
	appeal: number;
}

export const GENRES: readonly GenreSpec[] = [
	{ code: 'GGGA', name: '뮤지컬', share: 18, days: [20, 120], cast: [4, 10], appeal: 0.6 },
	{ code: 'AAAA', name: '연극', share: 18, days: [14, 60], cast: [2, 6], appeal: 0 },
	{ code: 'CCCA', name: '서양음악(클래식)', share: 29, days: [1, 2], cast: [1, 3], appeal: -0.3 },
	{ code: 'CCCC', name: '한국음악(국악)', share: 7, days: [1, 3], cast: [1, 4], appeal: -0.5 },
	{ code: 'CCCD', name: '대중음악', share: 16, days: [1, 3], cast: [1, 2], appeal: 0.4 },
	{ code: 'BBBC', name: '무용', share: 5, days: [2, 5], cast: [2, 6], appeal: -0.4 },
	{ code: 'EEEA', name: '복합', share: 4, days: [1, 10], cast: [1, 4], appeal: -0.2 },
	{ code: 'EEEB', name: '서커스/마술', share: 2, days: [3, 30], cast: [1, 3], appeal: 0 },
	{ code: 'BBBE', name: '대중무용', share: 1, days: [1, 2], cast: [2, 5], appeal: -0.2 },
];

/** Two-digit sido codes with their share of shows (Seoul dominates, as in KOPIS). */
export const REGIONS: readonly [string, number][] = [
	['11', 55],
	['41', 12],
	['26', 7],
	['27', 4],
	['28', 4],
	['29', 3],
	['30', 3],
	['31', 2],
	['36', 1],
	['51', 2],
	['43', 2],
	['44', 2],
	['45', 2],
	['46', 2],
	['47', 2],
	['48', 3],
	['50', 2],
];

export interface HiddenShow {
	/** The themes the show really has; `item.tags` is what a tagger found. */
	themes: string[];
	/** Standardised log-appeal: what drives the box office and, partly, each user's choice. */
	appeal: number;
	genreIndex: number;
	work: number;
}

export interface World {
	today: string;
	items: CatalogItem[];
	hidden: Map<string, HiddenShow>;
	/** Box office for the week before `today`; community counts are added from users later. */
	popularity: PopularitySignals;
	/** Typical themes per genre (index as GENRES). */
	genreThemes: string[][];
	/** Cast pools per genre, most booked first. */
	castPools: string[][];
}

export interface WorldOptions {
	seed: number;
	performances: number;
	/** ISO day the catalogue is seen from. */
	today: string;
}

const DAY_MS = 86_400_000;

export function addDays(iso: string, days: number): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const zipfCache = new Map<string, number[]>();

/** Zipf-like weights: a few names are booked far more often than the rest. */
function zipf(size: number, exponent: number): number[] {
	const key = `${size}:${exponent}`;
	let weights = zipfCache.get(key);
	if (weights === undefined) {
		weights = Array.from({ length: size }, (_, rank) => 1 / (rank + 1) ** exponent);
		zipfCache.set(key, weights);
	}
	return weights;
}

function pool(prefix: string, size: number): string[] {
	return Array.from({ length: size }, (_, index) => `${prefix}${index + 1}`);
}

interface Work {
	genreIndex: number;
	title: string;
	themes: string[];
	tags: string[];
	cast: string[];
	crew: string[];
	producer: string;
	appeal: number;
	child: boolean;
}

function makeWork(
	random: Random,
	index: number,
	world: Omit<World, 'items' | 'hidden' | 'popularity' | 'today'>,
	crewPools: string[][],
	producerPools: string[][],
): Work {
	const genreIndex = random.weightedIndex(GENRES.map((genre) => genre.share));
	const genre = GENRES[genreIndex] as GenreSpec;
	const typical = new Set(world.genreThemes[genreIndex]);
	const themes = random.weightedSample(
		TAGS,
		TAGS.map((tag) => (typical.has(tag) ? 6 : 1)),
		random.int(2, 4),
	);
	// The tagger misses a quarter of the themes and adds a wrong tag to a third of the shows.
	const tags = themes.filter(() => random.chance(0.75));
	if (random.chance(0.35)) tags.push(random.pick(TAGS));
	const castPool = world.castPools[genreIndex] as string[];
	const cast = random.weightedSample(
		castPool,
		zipf(castPool.length, 0.9),
		random.int(...genre.cast),
	);
	const crewPool = crewPools[genreIndex] as string[];
	const crew = random.weightedSample(crewPool, zipf(crewPool.length, 0.8), random.int(1, 3));
	const producerPool = producerPools[genreIndex] as string[];
	// Star power: shows with the most-booked names sell better.
	const stars = cast.filter((name) => castPool.indexOf(name) < 20).length;
	return {
		genreIndex,
		title: `${genre.name} 작품 ${index + 1}`,
		themes,
		tags: [...new Set(tags)],
		cast,
		crew,
		producer: random.pick(producerPool),
		appeal: genre.appeal + 0.35 * stars + random.normal(),
		child: themes.includes('아이와함께') || random.chance(0.04),
	};
}

export function generateWorld(options: WorldOptions): World {
	const random = createRandom(options.seed);
	const genreThemes = GENRES.map(() =>
		random.weightedSample(
			TAGS,
			TAGS.map(() => 1),
			8,
		),
	);
	const scale = Math.max(1, options.performances / 2500);
	const castPools = GENRES.map((genre) => pool(`${genre.code}배우`, Math.round(250 * scale)));
	const crewPools = GENRES.map((genre) => pool(`${genre.code}스태프`, Math.round(80 * scale)));
	const producerPools = GENRES.map((genre) => pool(`${genre.code}제작사`, Math.round(40 * scale)));
	const venues = new Map(
		REGIONS.map(([code, share]) => [code, pool(`FC${code}`, Math.ceil(share * 2 * scale))]),
	);
	const regionWeights = REGIONS.map(([, share]) => share);

	const items: CatalogItem[] = [];
	const hidden = new Map<string, HiddenShow>();
	let workIndex = 0;
	while (items.length < options.performances) {
		const work = makeWork(random, workIndex, { genreThemes, castPools }, crewPools, producerPools);
		const genre = GENRES[work.genreIndex] as GenreSpec;
		// One in five productions tours: two to four runs, one after another, in different regions.
		const runs = random.chance(0.2) ? random.int(2, 4) : 1;
		let start = addDays(options.today, random.int(-420, 70));
		for (let run = 0; run < runs && items.length < options.performances; run += 1) {
			const areaCode = (
				REGIONS[
					run === 0 ? random.weightedIndex(regionWeights) : random.int(0, REGIONS.length - 1)
				] as [string, number]
			)[0];
			const end = addDays(start, random.int(...genre.days) - 1);
			const id = `PF${String(100_000 + items.length)}`;
			items.push({
				id,
				title: run === 0 ? work.title : `${work.title} [${areaCode}]`,
				startDate: start,
				endDate: end,
				genreCode: genre.code,
				genreName: genre.name,
				venueId: random.pick(venues.get(areaCode) as string[]),
				areaCode,
				tags: work.tags,
				cast: work.cast,
				crew: work.crew,
				producers: [work.producer],
				flags: work.child ? ['child'] : [],
			});
			hidden.set(id, {
				themes: work.themes,
				appeal: work.appeal,
				genreIndex: work.genreIndex,
				work: workIndex,
			});
			start = addDays(end, random.int(7, 40));
		}
		workIndex += 1;
	}
	return {
		today: options.today,
		items,
		hidden,
		popularity: boxOffice(random, items, hidden, options.today),
		genreThemes,
		castPools,
	};
}

/**
 * Top 50 by appeal (with weekly noise) among shows selling tickets in the week before `today`:
 * KOPIS ranks by booking date, so a show opening within a month can already rank.
 */
function boxOffice(
	random: Random,
	items: readonly CatalogItem[],
	hidden: Map<string, HiddenShow>,
	today: string,
): PopularitySignals {
	const weekStart = addDays(today, -7);
	const selling = addDays(today, 30);
	const playing = items
		.filter((item) => item.startDate <= selling && item.endDate >= weekStart)
		.map((item) => ({ item, sales: (hidden.get(item.id)?.appeal ?? 0) + 0.3 * random.normal() }))
		.sort((a, b) => b.sales - a.sales);
	const overallRanks = new Map(
		playing.slice(0, 50).map((entry, index) => [entry.item.id, index + 1]),
	);
	const genreRanks = new Map<string, number>();
	for (const genre of GENRES) {
		playing
			.filter((entry) => entry.item.genreCode === genre.code)
			.slice(0, 50)
			.forEach((entry, index) => {
				genreRanks.set(entry.item.id, index + 1);
			});
	}
	return { overallRanks, genreRanks, communityCounts: new Map() };
}
