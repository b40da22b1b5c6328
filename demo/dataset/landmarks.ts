/**
 * Records every demo has, so tests can name them and a newcomer can try them: a compound venue
 * name (`김주현아트홀`: search must find `아트홀`), a title with a word inside a word (`레미` in
 * `뮤지컬레미제라블`), a show with 40 cast members and one with none.
 *
 * They are generated records made over once generation is done, from their own random stream, so
 * the rest of the dataset is what it would be without them. A dataset too small to hold them (no
 * running musical, play or Daegu venue) goes without.
 */

import { FLAGSHIP_VENUES } from './flagship-venues.ts';
import type { DemoHall, DemoPerformance, DemoVenue } from './model.ts';
import { BLANK } from './performance-text.ts';
import { createRng, hashOf } from './random.ts';

export const DEMO_LANDMARKS = {
	venueName: '김주현아트홀',
	/** The venue's halls; its show plays the first. */
	halls: [
		['대극장', 1100],
		['중극장', 480],
		['소극장', 160],
	],
	/** The show with the largest cast, at the venue above. */
	title: '[대구] 뮤지컬레미제라블',
	producer: '달빛창작소',
	/** The first of its cast. */
	castMember: '홍길동',
	castSize: 40,
	/** A running play with no cast at all. */
	noCastTitle: '연극 빈 무대',
} as const;

const DAEGU = '27';
const flagshipIds = new Set(FLAGSHIP_VENUES.map((venue) => venue.id));

/** A show that runs today and whose detail and poster work, so every page of it shows. */
function plainRunning(performance: DemoPerformance, genre: string, today: string): boolean {
	return (
		performance.genre === genre &&
		performance.startDate <= today &&
		performance.endDate >= today &&
		!performance.openRun &&
		performance.detailFailure === null &&
		performance.poster.fault === null
	);
}

function landmarkHalls(venueId: string): DemoHall[] {
	return DEMO_LANDMARKS.halls.map(([name, seats], index) => ({
		id: `${venueId}-${String(index + 1).padStart(2, '0')}`,
		name,
		seats,
		orchestraPit: index === 0,
		rehearsalRoom: index < 2,
		dressingRoom: true,
		outdoorStage: false,
		wheelchairSeats: Math.round(seats / 100),
		stageArea: index === 0 ? '18.5X12.0X9.0' : '',
	}));
}

export function placeLandmarks(
	venues: DemoVenue[],
	performances: DemoPerformance[],
	today: string,
	seed: number,
): void {
	const venue = venues.find(
		(candidate) =>
			candidate.regionCode === DAEGU && !candidate.closed && !flagshipIds.has(candidate.id),
	);
	const musical = performances.find((candidate) => plainRunning(candidate, 'GGGA', today));
	const play = performances.find((candidate) => plainRunning(candidate, 'AAAA', today));
	if (venue === undefined || musical === undefined || play === undefined) return;

	const halls = landmarkHalls(venue.id);
	// Shows already there move to the new halls, so every hall id still exists.
	for (const performance of performances) {
		if (performance.venueId === venue.id) {
			const index = venue.halls.findIndex((hall) => hall.id === performance.hallId);
			performance.hallId = halls[Math.max(0, index) % halls.length]?.id ?? halls[0]?.id ?? '';
		}
	}
	Object.assign(venue, {
		name: DEMO_LANDMARKS.venueName,
		kind: 'theatre',
		facilityType: '민간(대학로 외)',
		halls,
		hallCount: halls.length,
	});

	const rng = createRng(hashOf(seed, 'landmarks'));
	const cast = new Set<string>([DEMO_LANDMARKS.castMember]);
	while (cast.size < DEMO_LANDMARKS.castSize)
		cast.add(rng.faker.person.fullName().replaceAll(' ', ''));
	Object.assign(musical, {
		title: DEMO_LANDMARKS.title,
		venueId: venue.id,
		hallId: halls[0]?.id ?? '',
		cast: [...cast].join(', '),
		producers: {
			combined: DEMO_LANDMARKS.producer,
			production: DEMO_LANDMARKS.producer,
			planning: BLANK,
			host: BLANK,
			organizer: BLANK,
		},
	});
	Object.assign(play, { title: DEMO_LANDMARKS.noCastTitle, cast: BLANK });
}
