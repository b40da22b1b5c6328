/**
 * Demo venues: every sido gets at least one, the rest follow KOPIS's Seoul-heavy spread, a third
 * of Seoul is Daehak-ro small theatres, and there is one closed and one overseas venue.
 */
import { dayNumber, isoDay, officeTime } from './dates.ts';
import { FLAGSHIP_VENUES, type FlagshipVenue } from './flagship-venues.ts';
import type { DemoAmenities, DemoHall, DemoVenue, VenueKind } from './model.ts';
import type { Rng } from './random.ts';
import { DAEHAKRO, REGIONS, type Region, type Sigungu } from './regions.ts';
import { hallPlan, venueName } from './venue-names.ts';

/** 17 regions, the closed and the overseas venue. */
export const MIN_VENUES = REGIONS.length + 2;

const FACILITY_TYPES: Record<VenueKind, string> = {
	'arts-centre': '공공(문예회관)',
	'concert-hall': '민간(대학로 외)',
	theatre: '민간(대학로 외)',
	daehakro: '민간(대학로)',
	arena: '공공(기타)',
	club: '민간(대학로 외)',
	gugak: '공공(기타)',
	space: '기타(비공연장)',
	overseas: '기타(해외등)',
};

const OTHER_KINDS: readonly (readonly [VenueKind, number])[] = [
	['arts-centre', 45],
	['theatre', 18],
	['concert-hall', 5],
	['club', 5],
	['gugak', 5],
	['space', 17],
	['arena', 2],
];
const SEOUL_KINDS: readonly (readonly [VenueKind, number])[] = [
	['arts-centre', 18],
	['theatre', 28],
	['concert-hall', 6],
	['club', 14],
	['gugak', 3],
	['space', 16],
	['daehakro', 12],
];

interface Slot {
	region: Region | null;
	kind: VenueKind;
	flagship: FlagshipVenue | null;
	closed: boolean;
}

const OVERSEAS_NAME = '재외한국문화원 공연장 (일본 도쿄)';
const FIRST_REGISTRATION = dayNumber('2009-01-01');
/** KOPIS has registered roughly 0.72 facilities a day since 2009 (ids reached FC0045xx in 2025). */
const VENUES_PER_DAY = 0.72;

export function generateVenues(rng: Rng, count: number, today: string): DemoVenue[] {
	if (count < MIN_VENUES) {
		throw new RangeError(`The demo needs at least ${MIN_VENUES} venues, got ${count}`);
	}
	const names = new Set<string>();
	const venues = planSlots(rng, count).map((slot) => buildVenue(rng, slot, names, today));
	assignIds(rng, venues);
	return venues.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Every venue was registered before today and last updated between then and yesterday. */
function registrationDays(
	rng: Rng,
	flagship: FlagshipVenue | null,
	today: string,
): [string, string] {
	const last = dayNumber(today) - 1;
	const registered = Math.min(
		last - 30,
		flagship === null
			? last - rng.int(60, 6000)
			: FIRST_REGISTRATION + Math.round(Number(flagship.id.slice(2)) / VENUES_PER_DAY),
	);
	const updated = rng.chance(0.05) ? last - rng.int(0, 5) : rng.int(registered, last);
	return [
		officeTime(isoDay(Math.max(registered, FIRST_REGISTRATION)), rng.float()),
		officeTime(isoDay(Math.max(updated, registered)), rng.float()),
	];
}

function planSlots(rng: Rng, count: number): Slot[] {
	const quotas = regionQuotas(count - 2);
	const slots: Slot[] = [];
	for (const region of REGIONS) {
		const flagships = FLAGSHIP_VENUES.filter((venue) => venue.sigunguCode.startsWith(region.code));
		const quota = quotas.get(region.code) ?? 0;
		for (let index = 0; index < quota; index += 1) {
			const isSeoul = region.code === '11';
			// Seoul alternates flagships with Daehak-ro theatres so even a small demo has both.
			const wantsDaehakro = isSeoul && index % 3 === 1;
			const flagship = wantsDaehakro ? undefined : flagships.shift();
			if (flagship !== undefined) {
				slots.push({ region, kind: flagship.kind, flagship, closed: false });
			} else {
				const kind = wantsDaehakro ? 'daehakro' : rng.weighted(isSeoul ? SEOUL_KINDS : OTHER_KINDS);
				slots.push({ region, kind, flagship: null, closed: false });
			}
		}
	}
	const seoul = REGIONS[0] ?? null;
	slots.push({ region: seoul, kind: 'daehakro', flagship: null, closed: true });
	slots.push({ region: null, kind: 'overseas', flagship: null, closed: false });
	return slots;
}

/** One venue per region, the rest by weight (largest remainder, so the total is exact). */
function regionQuotas(total: number): Map<string, number> {
	const extra = total - REGIONS.length;
	const weightSum = REGIONS.reduce((sum, region) => sum + region.weight, 0);
	const shares = REGIONS.map((region) => {
		const exact = (extra * region.weight) / weightSum;
		return { code: region.code, base: Math.floor(exact), remainder: exact - Math.floor(exact) };
	});
	let left = extra - shares.reduce((sum, share) => sum + share.base, 0);
	for (const share of [...shares].sort((a, b) => b.remainder - a.remainder)) {
		if (left === 0) break;
		share.base += 1;
		left -= 1;
	}
	return new Map(shares.map((share) => [share.code, share.base + 1]));
}

function buildVenue(rng: Rng, slot: Slot, names: Set<string>, today: string): DemoVenue {
	const { region, flagship } = slot;
	const sigungu = pickSigungu(rng, slot);
	let name =
		flagship?.name ??
		(slot.kind === 'overseas' ? OVERSEAS_NAME : uniqueName(rng, slot, sigungu, names));
	if (slot.closed) name = `${name} (폐관)`;
	names.add(name.trim());
	const place = flagship ?? randomPlace(rng, slot, sigungu);
	const plan =
		flagship?.halls ??
		hallPlan(rng, slot.kind, name).map(([n, s, o], i) => [n, s, i + 1, o] as const);
	const halls = plan.map(([hallName, seats, , outdoor]) =>
		buildHall(rng, slot.kind, hallName, seats, outdoor === true),
	);
	const openingYear = flagship?.openingYear ?? (rng.chance(0.3) ? '' : String(rng.int(1975, 2025)));
	const mismatch = flagship === undefined && rng.chance(0.03);
	const [registeredAt, updatedAt] = registrationDays(rng, flagship, today);
	return {
		id: flagship?.id ?? '',
		name: flagship === null && rng.chance(0.04) ? `${name} ` : name,
		kind: slot.kind,
		facilityType: flagship?.facilityType ?? FACILITY_TYPES[slot.kind],
		openingYear,
		phone: phoneNumber(rng, region),
		homepage: flagship?.homepage ?? homepage(rng),
		address: place.address,
		latitude: coordinateText(rng, place.latitude),
		longitude: coordinateText(rng, place.longitude),
		regionCode: region?.code ?? null,
		sigunguCode: sigungu?.code ?? null,
		sidoName: region?.short ?? '',
		gugunName: sigungu?.name ?? '',
		amenities: amenities(rng, slot.kind),
		halls: halls.map((hall, index) => ({ ...hall, id: String(plan[index]?.[2] ?? index + 1) })),
		hallCount: halls.length + (mismatch ? 1 : 0),
		trimmedDetail: flagship?.trimmedDetail ?? rng.chance(0.05),
		closed: slot.closed,
		registeredAt,
		updatedAt,
	};
}

function pickSigungu(rng: Rng, slot: Slot): Sigungu | null {
	if (slot.region === null) return null;
	const code =
		slot.flagship?.sigunguCode ?? (slot.kind === 'daehakro' ? DAEHAKRO.sigunguCode : null);
	const found = slot.region.sigungu.find((sigungu) => sigungu.code === code);
	return found ?? rng.pick(slot.region.sigungu);
}

function uniqueName(rng: Rng, slot: Slot, sigungu: Sigungu | null, names: Set<string>): string {
	if (slot.region === null || sigungu === null) {
		throw new Error('Only overseas venues lack a region, and they have a fixed name');
	}
	for (let attempt = 0; attempt < 6; attempt += 1) {
		const name = venueName(rng, slot.kind, slot.region, sigungu);
		if (!names.has(name)) return name;
	}
	// KOPIS disambiguates same-named places with a bracketed place, e.g. `우리소극장 [의정부]`.
	let suffix = 2;
	const base = `${venueName(rng, slot.kind, slot.region, sigungu)} [${sigungu.name}]`;
	let name = base;
	while (names.has(name)) {
		name = `${base} ${suffix}`;
		suffix += 1;
	}
	return name;
}

function randomPlace(
	rng: Rng,
	slot: Slot,
	sigungu: Sigungu | null,
): { address: string; latitude: number; longitude: number } {
	if (slot.region === null || sigungu === null) {
		return { address: '일본 도쿄도 신주쿠구 요쓰야 4-4-10', latitude: 35.688, longitude: 139.72 };
	}
	if (slot.kind === 'daehakro') {
		return {
			address: `${slot.region.name} ${sigungu.name} ${rng.pick(DAEHAKRO.roads)} ${rng.int(1, 140)} (${rng.pick(DAEHAKRO.dongs)})`,
			latitude: DAEHAKRO.latitude + (rng.float() - 0.5) * 0.008,
			longitude: DAEHAKRO.longitude + (rng.float() - 0.5) * 0.008,
		};
	}
	const street = rng.faker.location.street();
	const detail = rng.chance(0.3) ? `, ${rng.int(1, 5)}층` : '';
	return {
		address: `${slot.region.name} ${sigungu.name} ${street} ${rng.int(1, 400)}${detail} (${rng.faker.location.street().replace(/\d*[길로]$/, '')}동)`,
		latitude: sigungu.latitude + (rng.float() - 0.5) * 0.024,
		longitude: sigungu.longitude + (rng.float() - 0.5) * 0.03,
	};
}

function buildHall(
	rng: Rng,
	kind: VenueKind,
	name: string,
	seats: number,
	outdoor: boolean,
): Omit<DemoHall, 'id'> {
	const big = seats >= 500;
	return {
		name,
		seats,
		orchestraPit: big && kind !== 'arena' && rng.chance(0.6),
		rehearsalRoom: big || rng.chance(0.3),
		dressingRoom: kind !== 'space' || rng.chance(0.2),
		outdoorStage: outdoor,
		wheelchairSeats: rng.chance(0.4) ? Math.max(1, Math.round(seats / 100)) : null,
		stageArea:
			big && rng.chance(0.5)
				? `${rng.int(100, 250) / 10}X${rng.int(80, 200) / 10}X${rng.int(50, 120) / 10}`
				: '',
	};
}

function amenities(rng: Rng, kind: VenueKind): DemoAmenities {
	const large =
		kind === 'arts-centre' || kind === 'concert-hall' || kind === 'arena' || kind === 'gugak';
	const likely = (probability: number) => rng.chance(large ? probability : probability / 4);
	return {
		restaurant: likely(0.5),
		cafe: likely(0.8),
		store: likely(0.6),
		nolibang: likely(0.2),
		suyu: likely(0.4),
		parkbarrier: likely(0.8),
		restbarrier: likely(0.85),
		runwbarrier: likely(0.7),
		elevbarrier: likely(0.75),
		parkinglot: likely(0.9),
	};
}

function phoneNumber(rng: Rng, region: Region | null): string {
	if (region === null || rng.chance(0.15)) return ' ';
	const middle = region.phonePrefix === '02' ? rng.int(2000, 3999) : rng.int(200, 999);
	return `${region.phonePrefix}-${middle}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

function homepage(rng: Rng): string {
	if (rng.chance(0.25)) return ' ';
	const slug = rng.faker.string.alpha({ length: { min: 4, max: 10 }, casing: 'lower' });
	const url = `${rng.pick(['http://www.', 'https://www.', 'http://'])}${slug}${rng.pick(['.or.kr', '.co.kr', '.com', '.kr'])}${rng.pick(['', '/'])}`;
	return rng.chance(0.05) ? `${url} ` : url;
}

/** KOPIS writes `37.521120000000000` or float noise like `127.12836360000005`. */
function coordinateText(rng: Rng, value: number): string {
	const rounded = Math.round(value * 1e7) / 1e7;
	return rng.weighted([
		[`${rounded.toFixed(7)}00000000`, 6],
		[String(rounded + 5e-14), 2],
		[String(rounded), 2],
	]);
}

/** Generated venues get ids in registration order around the fixed flagship ids. */
function assignIds(rng: Rng, venues: DemoVenue[]): void {
	const fixed = new Set(venues.map((venue) => venue.id).filter((id) => id !== ''));
	const pending = venues.filter((venue) => venue.id === '');
	pending.sort((a, b) => (a.registeredAt < b.registeredAt ? -1 : 1));
	let next = 40;
	for (const venue of pending) {
		const day = dayNumber(venue.registeredAt.slice(0, 10));
		const estimate = 40 + Math.round((day - FIRST_REGISTRATION) * VENUES_PER_DAY);
		next = Math.max(next + 1, estimate + rng.int(0, 12));
		while (fixed.has(formatVenueId(next))) next += 1;
		venue.id = formatVenueId(next);
	}
	for (const venue of venues) {
		// Halls carried their number until the venue had an id.
		venue.halls = venue.halls.map((hall) => ({
			...hall,
			id: `${venue.id}-${hall.id.padStart(2, '0')}`,
		}));
	}
}

function formatVenueId(number: number): string {
	return `FC${String(number).padStart(6, '0')}`;
}
