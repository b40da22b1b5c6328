import { describe, expect, test } from 'vitest';
import { addDays } from '../../core/calendar.ts';
import { GENRE_CODES } from '../../core/kopis-genres.ts';
import { dayNumber } from './dates.ts';
import {
	addDemoPerformance,
	DEMO_IMAGE_FAULTS,
	DEMO_LANDMARKS,
	DEMO_SIZES,
	type DemoDataset,
	demoPerformanceState,
	generateDemoDataset,
	removeDemoPerformance,
	updateDemoPerformance,
} from './generate.ts';
import { REGIONS } from './regions.ts';

const TODAY = '2026-11-26';

function small(seed?: number): DemoDataset {
	return generateDemoDataset({
		today: TODAY,
		...DEMO_SIZES.small,
		...(seed === undefined ? {} : { seed }),
	});
}

const full = generateDemoDataset({ today: TODAY });

test('runs on Node 24', () => {
	expect(process.version.startsWith('v24.')).toBe(true);
});

describe('determinism', () => {
	test('the same seed and today give identical data', () => {
		expect(small(7)).toEqual(small(7));
	});

	test('another seed or another today gives other data', () => {
		expect(small(8).performances.map((p) => p.title)).not.toEqual(
			small(7).performances.map((p) => p.title),
		);
		const later = generateDemoDataset({ today: '2026-12-01', ...DEMO_SIZES.small, seed: 7 });
		expect(later.performances[0]?.startDate).not.toBe(small(7).performances[0]?.startDate);
	});
});

describe('sizes and coverage', () => {
	test.each([
		['small', small()],
		['full', full],
		['another seed', small(3)],
	])('the %s demo has the landmarks tests name, running today', (_, dataset) => {
		const titled = (title: string) => dataset.performances.filter((p) => p.title === title);
		const [musical] = titled(DEMO_LANDMARKS.title);
		const [play] = titled(DEMO_LANDMARKS.noCastTitle);
		expect(titled(DEMO_LANDMARKS.title)).toHaveLength(1);
		expect(titled(DEMO_LANDMARKS.noCastTitle)).toHaveLength(1);
		const cast = musical?.cast.split(', ') ?? [];
		expect(cast).toHaveLength(DEMO_LANDMARKS.castSize);
		expect(new Set(cast).size).toBe(DEMO_LANDMARKS.castSize);
		expect(cast[0]).toBe(DEMO_LANDMARKS.castMember);
		expect(musical?.crew).not.toContain(DEMO_LANDMARKS.castMember);
		expect(musical?.producers.production).toBe(DEMO_LANDMARKS.producer);
		expect(play?.cast).toBe(' ');
		for (const show of [musical, play]) {
			expect(show && demoPerformanceState(show, TODAY)).toBe('running');
			expect(show?.detailFailure).toBeNull();
		}
		const venue = dataset.venues.find((v) => v.id === musical?.venueId);
		expect(venue?.name).toBe(DEMO_LANDMARKS.venueName);
		expect(venue?.halls.map((hall) => hall.name)).toEqual(
			DEMO_LANDMARKS.halls.map(([name]) => name),
		);
		// Every show at the venue plays in one of its halls.
		const hallIds = new Set(venue?.halls.map((hall) => hall.id));
		for (const show of dataset.performances.filter((p) => p.venueId === venue?.id)) {
			expect(hallIds).toContain(show.hallId);
		}
	});

	test('the full size has 1,500 performances and 220 venues', () => {
		expect(full.performances).toHaveLength(1500);
		expect(full.venues).toHaveLength(220);
	});

	test.each([
		['small', small()],
		['full', full],
	])('the %s size covers every genre, state, region and date edge', (_, dataset) => {
		const today = dayNumber(TODAY);
		const genres = new Set(dataset.performances.map((p) => p.genre));
		expect([...genres].sort()).toEqual([...GENRE_CODES].sort());
		const states = new Set(dataset.performances.map((p) => demoPerformanceState(p, TODAY)));
		expect([...states].sort()).toEqual(['finished', 'running', 'upcoming']);
		const regions = new Set(dataset.venues.map((v) => v.regionCode));
		for (const region of REGIONS) expect(regions).toContain(region.code);
		const starts = dataset.performances.map((p) => dayNumber(p.startDate) - today);
		const ends = dataset.performances.map((p) => dayNumber(p.endDate) - today);
		expect(
			starts.some((d) => d >= 1 && d <= 7),
			'opening within a week',
		).toBe(true);
		expect(
			dataset.performances.some(
				(_, i) => (starts[i] ?? 1) <= 0 && (ends[i] ?? -1) >= 0 && (ends[i] ?? 99) <= 6,
			),
			'closing within a week',
		).toBe(true);
		expect(
			ends.some((d) => d < 0 && d >= -30),
			'finished within a month',
		).toBe(true);
		expect(
			starts.some((d) => d > 90),
			'far future',
		).toBe(true);
		expect(
			dataset.performances.some((p) => p.openRun && dayNumber(p.startDate) < today - 200),
		).toBe(true);
		expect(dataset.venues.some((v) => v.closed && v.name.endsWith('(폐관)'))).toBe(true);
		expect(
			dataset.venues.some((v) => v.regionCode === null && v.facilityType === '기타(해외등)'),
		).toBe(true);
		expect(
			dataset.venues.some((v) => v.kind === 'daehakro' && v.facilityType === '민간(대학로)'),
		).toBe(true);
	});

	test('genres keep realistic proportions and Seoul holds the most venues', () => {
		const count = (genre: string) => full.performances.filter((p) => p.genre === genre).length;
		expect(count('CCCA')).toBeGreaterThan(count('AAAA'));
		expect(count('GGGA')).toBeGreaterThan(count('BBBE') * 5);
		const seoul = full.venues.filter((v) => v.regionCode === '11').length;
		expect(seoul / full.venues.length).toBeGreaterThan(0.3);
		expect(
			new Set(full.performances.map((p) => full.venues.find((v) => v.id === p.venueId)?.regionCode))
				.size,
		).toBe(17);
	});
});

describe('ids and formats', () => {
	const dataset = full;

	test('ids are KOPIS-shaped, unique, and ascend in registration order', () => {
		const ids = dataset.performances.map((p) => p.id);
		for (const id of ids) expect(id).toMatch(/^PF\d{6}$/);
		expect(new Set(ids).size).toBe(ids.length);
		const byRegistration = [...dataset.performances].sort((a, b) =>
			a.registeredAt < b.registeredAt ? -1 : a.registeredAt > b.registeredAt ? 1 : 0,
		);
		const sortedIds = [...ids].sort();
		expect(byRegistration.map((p) => p.id)).toEqual(sortedIds);
		for (const venue of dataset.venues) {
			expect(venue.id).toMatch(/^FC\d{6}$/);
			for (const hall of venue.halls) expect(hall.id).toMatch(new RegExp(`^${venue.id}-\\d{2}$`));
		}
		expect(dataset.venues.find((v) => v.id === 'FC000001')?.name).toBe('예술의전당 [서울]');
		const hallNumbers = dataset.venues.flatMap((v) =>
			v.halls.map((h, i) => Number(h.id.slice(-2)) - i - 1),
		);
		expect(
			hallNumbers.some((gap) => gap > 0),
			'some hall numbers skip',
		).toBe(true);
	});

	test('venue addresses and coordinates lie in their own region', () => {
		for (const venue of dataset.venues) {
			const region = REGIONS.find((candidate) => candidate.code === venue.regionCode);
			if (region === undefined) {
				expect(venue.sidoName).toBe('');
				continue;
			}
			expect(venue.address.startsWith(`${region.name} `)).toBe(true);
			const near = region.sigungu.some(
				(sigungu) =>
					Math.abs(Number(venue.latitude) - sigungu.latitude) < 0.25 &&
					Math.abs(Number(venue.longitude) - sigungu.longitude) < 0.25,
			);
			expect(near, `${venue.id} ${venue.name} at ${venue.latitude},${venue.longitude}`).toBe(true);
			expect(region.sigungu.map((sigungu) => sigungu.code)).toContain(venue.sigunguCode);
		}
	});

	test('every performance points at an existing venue and hall', () => {
		const halls = new Map(dataset.venues.flatMap((v) => v.halls.map((h) => [h.id, v.id] as const)));
		for (const p of dataset.performances) expect(halls.get(p.hallId)).toBe(p.venueId);
	});

	test('timestamps and texts use KOPIS formats', () => {
		const stamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$/;
		for (const p of dataset.performances) {
			expect(p.registeredAt).toMatch(stamp);
			expect(p.updatedAt).toMatch(stamp);
			expect(p.updatedAt >= p.registeredAt).toBe(true);
			expect(p.updatedAt.slice(0, 10) <= TODAY).toBe(true);
			expect(p.poster.path).toMatch(
				/^\/upload\/pfmPoster\/PF_PF\d{6}_\d{6}_\d{6}\.(gif|jpg|jpeg|png|PNG|jfif)$/,
			);
			expect(p.introImages.length).toBeLessThanOrEqual(4);
			for (const image of p.introImages)
				expect(image.path).toMatch(/^\/upload\/pfmIntroImage\/PF_PF\d{6}_\d{18}\.(jpg|png|gif)$/);
			expect(p.price).toMatch(/원|무료/);
			expect(p.schedule).toMatch(
				/^((월|화|수|목|금|토|일)요일( ~ (월|화|수|목|금|토|일)요일)?|HOL)\(\d{2}:\d{2}(,\d{2}:\d{2})*\)/,
			);
		}
		expect(dataset.performances.some((p) => p.updatedAt.includes('.'))).toBe(true);
		expect(dataset.performances.some((p) => p.cast === ' ')).toBe(true);
		expect(dataset.performances.some((p) => p.cast.endsWith(' 등'))).toBe(true);
		expect(dataset.performances.some((p) => p.synopsis.includes('<br>'))).toBe(true);
		expect(dataset.performances.some((p) => p.synopsis.includes('\n'))).toBe(true);
		expect(dataset.performances.some((p) => p.title.includes('&'))).toBe(true);
		expect(dataset.performances.some((p) => /\[[^\]]+\]$/.test(p.title))).toBe(true);
		expect(dataset.performances.some((p) => /[ⅡⅢⅣ]/.test(p.title))).toBe(true);
		expect(dataset.performances.some((p) => p.bookingLinks.some((l) => l.seller === null))).toBe(
			true,
		);
		expect(dataset.venues.some((v) => v.name.endsWith(' '))).toBe(true);
	});

	test('star names recur across many casts and title words across titles', () => {
		const appearances = new Map<string, number>();
		for (const p of dataset.performances) {
			for (const name of p.cast.replace(/ 등$/, '').split(', '))
				appearances.set(name, (appearances.get(name) ?? 0) + 1);
		}
		expect(Math.max(...appearances.values())).toBeGreaterThanOrEqual(10);
		expect(
			dataset.performances.filter((p) => p.title.includes('겨울')).length,
		).toBeGreaterThanOrEqual(3);
	});

	test('a fixed few fail on detail and a fixed few images are bad', () => {
		for (const dataset of [small(), full]) {
			const failures = dataset.performances.map((p) => p.detailFailure).filter((f) => f !== null);
			expect(new Set(failures)).toEqual(new Set(['empty', 'http500']));
			expect(failures.length).toBeLessThanOrEqual(dataset.performances.length * 0.03);
			const faults = dataset.performances
				.flatMap((p) => [p.poster, ...p.introImages])
				.map((i) => i.fault)
				.filter((f) => f !== null);
			expect([...new Set(faults)].sort()).toEqual([...DEMO_IMAGE_FAULTS].sort());
			expect(faults).toHaveLength(DEMO_IMAGE_FAULTS.length + 1);
		}
	});
});

describe('changes between runs', () => {
	test('updateDemoPerformance changes fields and stamps updatedate', () => {
		const dataset = small();
		const target = dataset.performances[10];
		if (target === undefined) throw new Error('no performance');
		updateDemoPerformance(
			dataset,
			target.id,
			{ title: '바뀐 제목' },
			`${addDays(TODAY, 1)}T09:30:00`,
		);
		expect(target.title).toBe('바뀐 제목');
		expect(target.updatedAt).toBe(`${addDays(TODAY, 1)} 09:30:00`);
		expect(dataset.version).toBe(1);
		expect(() => updateDemoPerformance(dataset, 'PF000000', {}, TODAY)).toThrow(/PF000000/);
	});

	test('addDemoPerformance registers an upcoming show with the next id', () => {
		const dataset = small();
		const before =
			dataset.performances
				.map((p) => p.id)
				.sort()
				.at(-1) ?? '';
		const added = addDemoPerformance(dataset, `${TODAY} 15:00:00`);
		expect(added.id > before).toBe(true);
		expect(added.id).toMatch(/^PF\d{6}$/);
		expect(added.registeredAt).toBe(`${TODAY} 15:00:00`);
		expect(added.startDate > TODAY).toBe(true);
		expect(added.poster.path).toContain(`PF_${added.id}_261126_150000`);
		expect(dataset.performances).toContain(added);
		removeDemoPerformance(dataset, added.id);
		expect(dataset.performances).not.toContain(added);
		expect(dataset.version).toBe(2);
	});
});
