/**
 * A realistic, deterministic catalogue for site tests and benchmarks: Korean titles and names,
 * every genre, venues with halls, cast lists that recur across shows, prices, schedules, posters,
 * booking links, hashtags, reviews, a weekly box office and a finished ingest run.
 *
 * A few landmark records carry the cases the tests name: a compound venue name (김주현아트홀),
 * a title with `레미` inside a word, a show with 40 cast members and one with none.
 */
import { Faker, ko } from '@faker-js/faker';
import type { Database } from '../../db/client.ts';
import * as accounts from '../../db/schema/accounts.ts';
import * as boxOffice from '../../db/schema/box-office.ts';
import * as catalog from '../../db/schema/catalog.ts';
import * as hashtagSchema from '../../db/schema/hashtags.ts';
import * as ingest from '../../db/schema/ingest.ts';
import * as reviewSchema from '../../db/schema/reviews.ts';
import { addDays, stateOn, weekendOf } from '../lib/dates.ts';
import { GENRES } from '../lib/genres.ts';
import type { SamplePoster } from './factory-media.ts';
import {
	COMPANY_STEMS,
	COMPANY_SUFFIXES,
	HALL_NAMES,
	HASHTAGS,
	LATIN_TITLES,
	SELLERS,
	SYNOPSIS_SENTENCES,
	TITLE_PATTERNS,
	TITLE_WORDS,
	VENUE_STEMS,
	VENUE_SUFFIXES,
} from './factory-words.ts';
import { insertAll } from './insert-all.ts';

export interface SeedOptions {
	performances: number;
	venues: number;
	/** The build date the data is centred on (ISO). */
	today: string;
	/** Posters to assign; performances get none when empty. */
	posters: readonly SamplePoster[];
	seed?: number;
}

export interface SeedResult {
	performanceIds: string[];
	venueIds: string[];
}

/** Ids and names of the landmark records (see the file comment). */
export const LANDMARKS = {
	manyCast: 'PF900001',
	noCast: 'PF900002',
	venueWithHalls: 'FC900001',
	venueName: '김주현아트홀',
	title: '[대구] 뮤지컬레미제라블',
	producer: '달빛창작소',
	castMember: '홍길동',
} as const;

const AREAS = [
	['11', '서울특별시', '서울', '종로구'],
	['41', '경기도', '경기', '성남시'],
	['26', '부산광역시', '부산', '해운대구'],
	['27', '대구광역시', '대구', '수성구'],
	['29', '광주광역시', '광주', '동구'],
	['50', '제주특별자치도', '제주', '제주시'],
] as const;

const GENRE_WEIGHTS = [25, 30, 15, 5, 10, 7, 2, 3, 3];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

type PerformanceInsert = typeof catalog.performances.$inferInsert;

export async function seedCatalog(db: Database, options: SeedOptions): Promise<SeedResult> {
	const faker = new Faker({ locale: [ko] });
	faker.seed(options.seed ?? 20_250_601);
	const pick = <T>(list: readonly T[]): T => faker.helpers.arrayElement(list);
	const today = options.today;

	const venueRows: (typeof catalog.venues.$inferInsert)[] = [];
	const hallRows: (typeof catalog.halls.$inferInsert)[] = [];
	for (let v = 0; v < options.venues; v += 1) {
		const id = v === 0 ? LANDMARKS.venueWithHalls : `FC${String(100_000 + v).padStart(6, '0')}`;
		const [areaCode, , sido, gugun] = pick(AREAS);
		const name =
			v === 0
				? LANDMARKS.venueName
				: `${pick(VENUE_STEMS)}${pick(VENUE_SUFFIXES)}${v > 20 ? v : ''}`;
		const hallCount = v === 0 ? 3 : faker.number.int({ min: 1, max: 3 });
		venueRows.push({
			id,
			name,
			hallCount,
			facilityType: pick(['공공(문예회관)', '민간(대학로)', '민간(대학로 외)']),
			openingYear: faker.number.int({ min: 1978, max: 2022 }),
			seatScale: 0,
			phone: faker.phone.number(),
			homepage: v % 3 === 0 ? null : `https://www.venue${v}.example.kr/`,
			address: `${AREAS.find(([code]) => code === areaCode)?.[1]} ${gugun} ${faker.location.street()} ${v + 1}`,
			latitude: 35 + faker.number.float({ min: 0, max: 2.5, fractionDigits: 6 }),
			longitude: 126.5 + faker.number.float({ min: 0, max: 2.8, fractionDigits: 6 }),
			sidoName: sido,
			gugunName: gugun,
			areaCode,
			hasRestaurant: faker.datatype.boolean(),
			hasCafe: faker.datatype.boolean(),
			hasStore: faker.datatype.boolean(),
			hasKidsRoom: faker.datatype.boolean(),
			hasNursingRoom: faker.datatype.boolean(),
			hasParking: true,
			barrierFreeParking: faker.datatype.boolean(),
			barrierFreeRestroom: true,
			barrierFreeRamp: faker.datatype.boolean(),
			barrierFreeElevator: faker.datatype.boolean(),
			detailStatus: 'complete',
			contentHash: `venue-${id}`,
		});
		let seats = 0;
		for (let h = 0; h < hallCount; h += 1) {
			const seatScale = faker.number.int({ min: 80, max: 1800 });
			seats += seatScale;
			hallRows.push({
				id: `${id}-${String(h + 1).padStart(2, '0')}`,
				venueId: id,
				name: HALL_NAMES[h] ?? `${h + 1}관`,
				seatScale,
				hasOrchestraPit: h === 0,
				hasRehearsalRoom: faker.datatype.boolean(),
				hasDressingRoom: true,
				hasOutdoorStage: false,
				wheelchairSeats: faker.number.int({ min: 0, max: 12 }),
				stageArea: h === 0 ? '18.5X12.0X9.0' : null,
			});
		}
		const venue = venueRows.at(-1);
		if (venue !== undefined) venue.seatScale = seats;
	}

	const namePool = Array.from(
		{ length: Math.max(60, Math.round(options.performances * 1.5)) },
		() => `${faker.person.lastName()}${faker.person.firstName()}`.replaceAll(' ', ''),
	);
	namePool.push(LANDMARKS.castMember);
	const companies = [
		LANDMARKS.producer,
		...Array.from({ length: 40 }, () => `${pick(COMPANY_STEMS)}${pick(COMPANY_SUFFIXES)}`),
	];

	const performanceRows: PerformanceInsert[] = [];
	const peopleRows: (typeof catalog.performancePeople.$inferInsert)[] = [];
	const imageRows: (typeof catalog.performanceImages.$inferInsert)[] = [];
	const linkRows: (typeof catalog.bookingLinks.$inferInsert)[] = [];
	const tagLinks: (typeof hashtagSchema.performanceHashtags.$inferInsert)[] = [];
	for (let p = 0; p < options.performances; p += 1) {
		const id = p === 0 ? LANDMARKS.manyCast : p === 1 ? LANDMARKS.noCast : `PF${200_000 + p}`;
		const genre =
			GENRES[
				faker.helpers.weightedArrayElement(
					GENRE_WEIGHTS.map((weight, index) => ({ weight, value: index })),
				)
			] ?? GENRES[0];
		if (genre === undefined) throw new Error('GENRES is empty');
		const venue = p === 0 ? venueRows[0] : pick(venueRows);
		if (venue === undefined) throw new Error('seedCatalog needs at least one venue');
		const venueHalls = hallRows.filter((hall) => hall.venueId === venue.id);
		const hall = pick(venueHalls);
		const oneDay = genre.code.startsWith('CCC') && faker.datatype.boolean({ probability: 0.6 });
		const startDate = addDays(today, faker.number.int({ min: -150, max: 75 }));
		const isOpenRun = !oneDay && faker.datatype.boolean({ probability: 0.04 });
		const endDate = oneDay
			? startDate
			: addDays(startDate, isOpenRun ? 700 : faker.number.int({ min: 2, max: 120 }));
		const title =
			p === 0
				? LANDMARKS.title
				: p === 1
					? '연극 빈 무대'
					: faker.datatype.boolean({ probability: 0.08 })
						? pick(LATIN_TITLES)
						: pick(TITLE_PATTERNS)(pick(TITLE_WORDS), pick(TITLE_WORDS));
		const castCount =
			p === 0
				? 40
				: p === 1
					? 0
					: faker.number.int({ min: 0, max: genre.code === 'GGGA' ? 14 : 6 });
		const cast = faker.helpers.arrayElements(namePool, castCount);
		if (p === 0 && !cast.includes(LANDMARKS.castMember)) cast[0] = LANDMARKS.castMember;
		const crew = faker.helpers.arrayElements(namePool, faker.number.int({ min: 0, max: 3 }));
		const producer = p === 0 ? LANDMARKS.producer : pick(companies);
		const prices =
			genre.code === 'CCCD' || genre.code === 'GGGA'
				? [
						{ seat: 'VIP석', price: 150_000 },
						{ seat: 'R석', price: 130_000 },
						{ seat: 'S석', price: 100_000 },
						{ seat: 'A석', price: 70_000 },
					]
				: faker.datatype.boolean({ probability: 0.1 })
					? [{ seat: '전석', price: 0 }]
					: [{ seat: '전석', price: faker.number.int({ min: 2, max: 8 }) * 5000 }];
		const slots = oneDay
			? [
					{
						day: DAYS[(new Date(`${startDate}T00:00:00Z`).getUTCDay() + 6) % 7] ?? 'sat',
						time: '19:30',
					},
				]
			: [
					...(['tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, time: '19:30' })),
					{ day: 'sat' as const, time: '15:00' },
					{ day: 'sat' as const, time: '19:00' },
					{ day: 'sun' as const, time: '14:00' },
					{ day: 'hol' as const, time: '15:00' },
				];
		performanceRows.push({
			id,
			title,
			startDate,
			endDate,
			state: stateOn(startDate, endDate, today),
			genreCode: genre.code,
			genreName: genre.name,
			venueId: venue.id,
			hallId: hall.id ?? null,
			venueName: venue.name,
			venueHallText: `${venue.name} (${hall.name})`,
			area: AREAS.find(([code]) => code === venue.areaCode)?.[1] ?? null,
			areaCode: venue.areaCode ?? null,
			runtimeText: oneDay
				? '1시간 30분'
				: `${faker.number.int({ min: 1, max: 2 })}시간 ${pick([0, 10, 30, 40])}분`,
			runtimeMinutes: 100,
			ageText: pick(['전체 관람가', '만 7세 이상', '14세 이상', '만 13세 이상']),
			ageMinimum: 7,
			castText: cast.length === 0 ? null : `${cast.join(', ')}${castCount > 5 ? ' 등' : ''}`,
			cast,
			crewText: crew.length === 0 ? null : crew.join(', '),
			crew,
			producerText: producer,
			productionCompany: producer,
			planningCompany: faker.datatype.boolean() ? pick(companies) : null,
			host: faker.datatype.boolean({ probability: 0.3 }) ? `${venue.name}` : null,
			organizer: null,
			priceText: prices
				.map((tier) => `${tier.seat} ${tier.price.toLocaleString('ko-KR')}원`)
				.join(', '),
			priceTiers: prices,
			minPrice: Math.min(...prices.map((tier) => tier.price)),
			maxPrice: Math.max(...prices.map((tier) => tier.price)),
			scheduleText: oneDay
				? `${startDate} 19:30`
				: '화요일 ~ 금요일(19:30), 토요일(15:00,19:00), 일요일(14:00), HOL(15:00)',
			scheduleSlots: slots,
			synopsis: faker.helpers.arrayElements(SYNOPSIS_SENTENCES, { min: 1, max: 4 }).join('\n'),
			posterUrl: `http://www.kopis.or.kr/upload/pfmPoster/PF_${id}.jpg`,
			isOpenRun,
			isChild: faker.datatype.boolean({ probability: 0.1 }),
			isVisiting: faker.datatype.boolean({ probability: 0.05 }),
			isDaehakro: venue.facilityType === '민간(대학로)',
			isFestival: false,
			isMusicalLicense: genre.code === 'GGGA' && faker.datatype.boolean(),
			isMusicalCreate: genre.code === 'GGGA' && faker.datatype.boolean(),
			kopisRegisteredAt: `${addDays(startDate, -30)} 10:00:00`,
			kopisUpdatedAt: `${addDays(today, -1)} 09:00:00`,
			detailStatus: 'complete',
			contentHash: `performance-${id}`,
		});
		cast.forEach((name, position) => {
			peopleRows.push({ performanceId: id, role: 'cast', position, name });
		});
		crew.forEach((name, position) => {
			peopleRows.push({ performanceId: id, role: 'crew', position, name });
		});
		const poster = options.posters.length === 0 || p % 11 === 5 ? undefined : pick(options.posters);
		if (poster !== undefined) {
			imageRows.push({
				performanceId: id,
				kind: 'poster',
				position: 0,
				sourceUrl: `http://www.kopis.or.kr/upload/pfmPoster/PF_${id}.jpg`,
				status: 'ready',
				width: poster.width,
				height: poster.height,
				variants: poster.variants,
				placeholder: poster.placeholder,
			});
			for (let i = 1; i <= faker.number.int({ min: 0, max: 2 }); i += 1) {
				const intro = pick(options.posters);
				imageRows.push({
					performanceId: id,
					kind: 'intro',
					position: i,
					sourceUrl: `http://www.kopis.or.kr/upload/pfmIntroImage/PF_${id}_${i}.jpg`,
					status: 'ready',
					width: intro.width,
					height: intro.height,
					variants: intro.variants,
					placeholder: intro.placeholder,
				});
			}
		}
		faker.helpers
			.arrayElements(SELLERS, { min: 0, max: 3 })
			.forEach(([sellerName, url], position) => {
				linkRows.push({ performanceId: id, position, sellerName, url: `${url}${id.slice(2)}` });
			});
		for (const tag of faker.helpers.arrayElements(HASHTAGS, { min: 0, max: 4 })) {
			tagLinks.push({ performanceId: id, hashtagId: HASHTAGS.indexOf(tag) + 1, source: 'local' });
		}
	}

	const users = Array.from({ length: 24 }, (_, index) => ({
		id: `user-${index}`,
		email: `viewer${index}@example.com`,
		username: `관객${index}`,
		passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2VlZA$c2VlZA',
		createdAt: new Date(`${today}T00:00:00Z`),
		updatedAt: new Date(`${today}T00:00:00Z`),
	}));
	const reviewRows: (typeof reviewSchema.reviews.$inferInsert)[] = [];
	for (const row of performanceRows) {
		if (row.startDate > today || !faker.datatype.boolean({ probability: 0.5 })) continue;
		for (const user of faker.helpers.arrayElements(users, { min: 1, max: 8 })) {
			reviewRows.push({
				userId: user.id,
				performanceId: row.id,
				ratingHalves: faker.number.int({ min: 3, max: 10 }),
				title: '좋았어요',
				body: '배우들의 호흡이 인상적이었습니다.',
				seenOn: row.startDate,
				createdAt: new Date(`${today}T00:00:00Z`),
				updatedAt: new Date(`${today}T00:00:00Z`),
			});
		}
	}

	const { saturday } = weekendOf(addDays(today, -7));
	const weekStart = addDays(saturday, -5);
	const weekEnd = addDays(saturday, 1);
	const boxRows: (typeof boxOffice.boxOfficeEntries.$inferInsert)[] = [];
	const running = performanceRows.filter((row) => row.state === 'running');
	for (const code of ['ALL', ...GENRES.map((genre) => genre.code)]) {
		const ranked = running.filter((row) => code === 'ALL' || row.genreCode === code).slice(0, 10);
		ranked.forEach((row, index) => {
			boxRows.push({
				period: 'week',
				startDate: weekStart,
				endDate: weekEnd,
				genreCode: code,
				rank: index + 1,
				performanceId: row.id,
				title: row.title,
				genreName: row.genreName,
				runStart: row.startDate,
				runEnd: row.endDate,
				venueHallText: row.venueHallText ?? null,
				areaName: '서울',
				seatCount: 500,
				showCount: 8,
				posterUrl: row.posterUrl ?? null,
			});
		});
	}
	// A ranked show outside the catalogue, as KOPIS's ranking often has.
	boxRows.push({
		period: 'week',
		startDate: weekStart,
		endDate: weekEnd,
		genreCode: 'ALL',
		rank: 11,
		performanceId: 'PF000001',
		title: '카탈로그 밖 공연',
		venueHallText: '어딘가 극장',
	});

	await insertAll(db, catalog.venues, venueRows);
	await insertAll(db, catalog.halls, hallRows);
	await insertAll(db, catalog.performances, performanceRows);
	await insertAll(db, catalog.performancePeople, peopleRows);
	await insertAll(db, catalog.performanceImages, imageRows);
	await insertAll(db, catalog.bookingLinks, linkRows);
	await insertAll(
		db,
		hashtagSchema.hashtags,
		HASHTAGS.map((name, index) => ({ id: index + 1, name, vocabularyVersion: 1 })),
	);
	await insertAll(db, hashtagSchema.performanceHashtags, tagLinks);
	await insertAll(db, accounts.users, users);
	await insertAll(db, reviewSchema.reviews, reviewRows);
	await insertAll(db, boxOffice.boxOfficeEntries, boxRows);
	await insertAll(db, ingest.ingestRuns, [
		{
			kind: 'full',
			source: 'site/test/factory',
			startedAt: new Date(`${today}T03:00:00+09:00`),
			finishedAt: new Date(`${today}T03:12:00+09:00`),
			status: 'succeeded',
			counts: {},
			warnings: [],
		},
	]);
	return {
		performanceIds: performanceRows.map((row) => row.id),
		venueIds: venueRows.map((row) => row.id),
	};
}
