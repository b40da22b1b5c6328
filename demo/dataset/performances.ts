/**
 * Demo performances: productions (some touring several regions) with dates spread around
 * `today` so every state and edge (opening or closing within days, open runs) exists, ids in
 * registration order like KOPIS's, and a fixed few whose detail call fails.
 */
import { GENRE_CODES, type GenreCode } from '../../core/kopis-genres.ts';
import { dayNumber, isoDay, officeTime, timestampDay } from './dates.ts';
import { assignImageFaults, introImages, posterImage } from './image-plan.ts';
import {
	type DemoHall,
	type DemoPerformance,
	type DemoVenue,
	GENRE_SHARES,
	type VenueKind,
} from './model.ts';
import {
	ageText,
	bookingLinks,
	castText,
	crewText,
	type People,
	priceText,
	producers,
	runtimeText,
	synopsis,
} from './performance-text.ts';
import { itemAt, type Rng } from './random.ts';
import { regionByCode } from './regions.ts';
import {
	CLASS_WEIGHTS,
	type DateClass,
	FORCED_CLASSES,
	OPEN_RUN_GENRES,
	registrationDay,
	runDays,
	runLength,
	updateTime,
} from './run-dates.ts';
import { schedule } from './schedule.ts';
import { type TitlePlan, titleFor } from './titles.ts';

const KIND_WEIGHTS: Record<GenreCode, Partial<Record<VenueKind, number>>> = {
	GGGA: { theatre: 30, 'arts-centre': 30, daehakro: 25, arena: 1 },
	AAAA: { daehakro: 60, 'arts-centre': 20, theatre: 15, space: 5 },
	CCCA: { 'concert-hall': 35, 'arts-centre': 45, theatre: 5, space: 5 },
	CCCC: { gugak: 40, 'arts-centre': 45, space: 10 },
	BBBC: { 'arts-centre': 60, theatre: 20, daehakro: 15 },
	BBBE: { 'arts-centre': 40, theatre: 30, club: 20, space: 10 },
	CCCD: { club: 35, arena: 15, 'arts-centre': 25, theatre: 15, 'concert-hall': 5, space: 5 },
	EEEA: { 'arts-centre': 35, space: 30, theatre: 15, club: 10, daehakro: 10 },
	EEEB: { theatre: 30, 'arts-centre': 40, daehakro: 15, arena: 15 },
};
const TOUR_CHANCE: Record<GenreCode, number> = {
	GGGA: 0.15,
	AAAA: 0.08,
	CCCA: 0.03,
	CCCC: 0.03,
	BBBC: 0.1,
	BBBE: 0.03,
	CCCD: 0.2,
	EEEA: 0.03,
	EEEB: 0.25,
};
const GENRE_DEMAND: Record<GenreCode, number> = {
	GGGA: 10,
	CCCD: 9,
	EEEB: 6,
	AAAA: 4,
	CCCA: 2.5,
	BBBC: 2.5,
	EEEA: 2,
	BBBE: 2,
	CCCC: 1.5,
};
const TITLE_CITIES = [
	'서울',
	'부산',
	'대구',
	'인천',
	'광주',
	'대전',
	'울산',
	'수원',
	'고양',
	'성남',
	'창원',
	'전주',
	'청주',
	'춘천',
	'제주',
];
/** KOPIS issued PF274677 on 2025-09-22 and about 41 ids a day since. */
const ID_ANCHOR = { id: 274_677, day: dayNumber('2025-09-22'), perDay: 41 };

export interface Production {
	genre: GenreCode;
	plan: TitlePlan;
	cast: string;
	crew: string;
	runtime: string;
	age: string;
	synopsis: string;
	stars: number;
}

interface Draft {
	performance: DemoPerformance;
	order: number;
}

export interface PerformanceContext {
	rng: Rng;
	today: number;
	people: People;
	venuesByKind: Map<VenueKind, DemoVenue[]>;
	venues: DemoVenue[];
}

export function createPerformanceContext(
	rng: Rng,
	venues: DemoVenue[],
	today: string,
	people: People,
): PerformanceContext {
	const venuesByKind = new Map<VenueKind, DemoVenue[]>();
	for (const venue of venues) {
		if (venue.kind === 'overseas') continue;
		const list = venuesByKind.get(venue.kind) ?? [];
		list.push(venue);
		venuesByKind.set(venue.kind, list);
	}
	return { rng, today: dayNumber(today), people, venuesByKind, venues };
}

export function generatePerformances(
	context: PerformanceContext,
	count: number,
): DemoPerformance[] {
	const { rng } = context;
	const drafts: Draft[] = [];
	let openRunPending = false;
	for (let index = 0; drafts.length < count; index += 1) {
		const genre =
			index < GENRE_CODES.length
				? itemAt(GENRE_CODES, index)
				: rng.weighted(GENRE_CODES.map((code) => [code, GENRE_SHARES[code]] as const));
		const production = createProduction(context, genre);
		const legs = rng.chance(TOUR_CHANCE[genre]) ? rng.int(2, 4) : 1;
		const regions = new Set<string>();
		for (let leg = 0; leg < legs && drafts.length < count; leg += 1) {
			let dateClass =
				drafts.length < FORCED_CLASSES.length
					? itemAt(FORCED_CLASSES, drafts.length)
					: rng.weighted(CLASS_WEIGHTS);
			// Open runs are long-running plays, musicals and magic shows; others pass it on.
			const fitsOpenRun = OPEN_RUN_GENRES.has(genre) && legs === 1;
			if (dateClass === 'open-run' && !fitsOpenRun) {
				openRunPending = true;
				dateClass = 'running';
			} else if (openRunPending && fitsOpenRun) {
				openRunPending = false;
				dateClass = 'open-run';
			}
			drafts.push({
				performance: createLeg(context, production, dateClass, regions, legs > 1),
				order: drafts.length,
			});
		}
	}
	const performances = assignIds(rng, drafts);
	performances.forEach((performance, index) => {
		// A fixed, spread-out few fail on their detail call (kept from the list, retried next run).
		if (index % 97 === 13) performance.detailFailure = 'empty';
		if (index % 97 === 61) performance.detailFailure = 'http500';
	});
	assignImageFaults(performances);
	return performances;
}

export function createProduction(context: PerformanceContext, genre: GenreCode): Production {
	const { rng, people } = context;
	const plan = titleFor(rng, genre, {
		soloists: people.soloists,
		gugak: people.gugak,
		magicians: people.magicians,
		cities: TITLE_CITIES,
	});
	const cast = castText(rng, genre, people, plan.performers, plan.child);
	const starPool = new Set([
		...people.musical,
		...people.actors,
		...people.soloists,
		...people.dancers,
	]);
	const stars = cast.split(', ').filter((name) => starPool.has(name)).length;
	return {
		genre,
		plan,
		cast,
		crew: crewText(rng, people),
		runtime: runtimeText(rng, genre, plan.child),
		age: ageText(rng, genre, plan.child),
		synopsis: synopsis(rng, rng.faker.person.firstName(), rng.pick(TITLE_CITIES)),
		stars,
	};
}

export function createLeg(
	context: PerformanceContext,
	production: Production,
	dateClass: DateClass,
	regions: Set<string>,
	touring: boolean,
): DemoPerformance {
	const { rng, today } = context;
	const { genre, plan } = production;
	const finished = dateClass === 'old-finished' || dateClass === 'finished-recent';
	const venue = pickVenue(context, genre, regions, finished);
	const hall = pickHall(rng, venue, genre, plan);
	const region = regionByCode(venue.regionCode ?? '11');
	regions.add(region.code);
	const [start, end] = runDays(
		rng,
		dateClass,
		runLength(rng, genre, plan.child, hall.seats, touring),
		today,
	);
	const shows = schedule(rng, start, end, plan.child);
	const suffix =
		touring || rng.chance(0.08)
			? ` [${rng.chance(0.6) ? region.short : `${region.short} ${placeLabel(venue.gugunName)}`}]`
			: '';
	const registered = registrationDay(rng, dateClass, start, today);
	const registeredAt = officeTime(isoDay(registered), rng.float());
	const city = region.short;
	return {
		id: '',
		title:
			venue.kind === 'daehakro' && suffix === '' && rng.chance(0.1)
				? `${plan.title} [대학로]`
				: `${plan.title}${suffix}`,
		genre,
		startDate: isoDay(start),
		endDate: isoDay(end),
		openRun: dateClass === 'open-run',
		venueId: venue.id,
		hallId: hall.id,
		cast: production.cast,
		crew: production.crew,
		runtime: production.runtime,
		age: production.age,
		producers: producers(rng, city),
		price: priceText(rng, genre, hall.seats, plan.child),
		schedule: shows.text,
		showCount: shows.count,
		synopsis: production.synopsis,
		poster: { path: '', width: 0, height: 0, format: 'jpeg', fault: null, redirected: false },
		posterTrailingSpace: rng.chance(0.05),
		introImages: [],
		visit: plan.visit,
		child: plan.child,
		daehakro: venue.kind === 'daehakro',
		festival: plan.festival,
		musicalLicense: genre === 'GGGA' && plan.licensed,
		musicalCreate: genre === 'GGGA' && !plan.licensed,
		bookingLinks: bookingLinks(rng, venue.name, venue.homepage),
		registeredAt,
		updatedAt: updateTime(rng, registeredAt, today),
		detailFailure: null,
		popularity: popularity(rng, genre, hall.seats, production.stars, plan.visit, region.code),
	};
}

/** `서초구` → `서초` as in `[서울 서초]`, but `남구` stays (`[부산 남구]`). */
function placeLabel(gugun: string): string {
	return gugun.length > 2 ? gugun.slice(0, -1) : gugun;
}

function pickVenue(
	context: PerformanceContext,
	genre: GenreCode,
	usedRegions: Set<string>,
	finished: boolean,
): DemoVenue {
	const { rng, venuesByKind, venues } = context;
	const kinds = Object.entries(KIND_WEIGHTS[genre]).filter(
		([kind]) => (venuesByKind.get(kind as VenueKind)?.length ?? 0) > 0,
	) as [VenueKind, number][];
	const kind = kinds.length > 0 ? rng.weighted(kinds) : 'arts-centre';
	const usable = (
		venuesByKind.get(kind) ?? venues.filter((venue) => venue.regionCode !== null)
	).filter((venue) => finished || !venue.closed);
	const fresh = usable.filter((venue) => !usedRegions.has(venue.regionCode ?? ''));
	return rng.pick(
		fresh.length > 0
			? fresh
			: usable.length > 0
				? usable
				: venues.filter((venue) => venue.regionCode !== null && !venue.closed),
	);
}

function pickHall(rng: Rng, venue: DemoVenue, genre: GenreCode, plan: TitlePlan): DemoHall {
	const indoor = venue.halls.filter((hall) => !hall.outdoorStage);
	const candidates = indoor.length > 0 ? indoor : venue.halls;
	if ((genre === 'GGGA' && !plan.child) || plan.visit) {
		return candidates.reduce(
			(largest, hall) => (hall.seats > largest.seats ? hall : largest),
			itemAt(candidates, 0),
		);
	}
	if ((genre === 'CCCD' || plan.festival) && rng.chance(0.3)) return rng.pick(venue.halls);
	return rng.pick(candidates);
}

function popularity(
	rng: Rng,
	genre: GenreCode,
	seats: number,
	stars: number,
	visit: boolean,
	regionCode: string,
): number {
	const seatFactor = Math.max(1, Math.sqrt(seats) / 10);
	const noise = Math.exp((rng.float() + rng.float() + rng.float() - 1.5) * 0.8);
	const value =
		GENRE_DEMAND[genre] *
		seatFactor *
		(1 + 0.6 * stars) *
		(visit ? 1.5 : 1) *
		(regionCode === '11' ? 1.3 : 1) *
		noise;
	return Math.round(value * 100) / 100;
}

/** Ids follow registration time at KOPIS's pace, strictly increasing. */
function assignIds(rng: Rng, drafts: Draft[]): DemoPerformance[] {
	// Registration timestamps sort as text.
	drafts.sort((a, b) =>
		a.performance.registeredAt === b.performance.registeredAt
			? a.order - b.order
			: a.performance.registeredAt < b.performance.registeredAt
				? -1
				: 1,
	);
	let previous = 0;
	return drafts.map(({ performance }) => {
		const estimate =
			ID_ANCHOR.id +
			Math.round((timestampDay(performance.registeredAt) - ID_ANCHOR.day) * ID_ANCHOR.perDay);
		previous = Math.min(999_999, Math.max(previous + 1, estimate + rng.int(0, 30)));
		setIdentity(rng, performance, formatPerformanceId(previous));
		return performance;
	});
}

/** The id and the image names that derive from it and the registration time. */
export function setIdentity(rng: Rng, performance: DemoPerformance, id: string): void {
	performance.id = id;
	performance.poster = posterImage(rng, id, performance.registeredAt);
	performance.introImages = introImages(rng, id, performance.registeredAt);
}

export function formatPerformanceId(number: number): string {
	return `PF${String(number).padStart(6, '0')}`;
}
