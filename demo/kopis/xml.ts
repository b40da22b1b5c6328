/**
 * KOPIS's XML, byte for byte in shape: one line, element order as in the saved samples
 * (docs/kopis/samples.md), blanks as a single space, `&amp;` escaping, and the 2026 detail's
 * stray spaces between some elements.
 */
import { GENRE_LABELS } from '../../core/kopis-genres.ts';
import { STATE_LABELS } from '../../core/performance-state.ts';
import { dayNumber, kopisDay } from '../dataset/dates.ts';
import {
	type DemoAmenities,
	type DemoHall,
	type DemoPerformance,
	type DemoVenue,
	demoPerformanceState,
} from '../dataset/model.ts';
import { hashOf } from '../dataset/random.ts';
import { REGIONS } from '../dataset/regions.ts';

const PROLOGS = [
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
	'<?xml version="1.0" encoding="UTF-8"?>',
	'',
];
const AMENITY_ORDER: readonly (keyof DemoAmenities)[] = [
	'restaurant',
	'cafe',
	'store',
	'nolibang',
	'suyu',
	'parkbarrier',
	'restbarrier',
	'runwbarrier',
	'elevbarrier',
	'parkinglot',
];
const REGION_NAMES = new Map(REGIONS.map((region) => [region.code, region.name]));

export function escapeXml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function el(name: string, text: string): string {
	return `<${name}>${escapeXml(text)}</${name}>`;
}

function yn(value: boolean): string {
	return value ? 'Y' : 'N';
}

/** Most responses carry the standalone prolog; some a plain one, some none (fixed per request). */
export function prologFor(key: string): string {
	const roll = hashOf(key, 'prolog') % 10;
	return roll < 8 ? (PROLOGS[0] ?? '') : roll < 9 ? (PROLOGS[1] ?? '') : '';
}

/** A list response; no rows is an empty root, written either way KOPIS does. */
export function document(root: 'dbs' | 'boxofs', rows: readonly string[], key: string): string {
	const prolog = prologFor(key);
	if (rows.length === 0) {
		return `${prolog}${hashOf(key, 'empty') % 2 === 0 ? `<${root}/>` : `<${root}></${root}>`}`;
	}
	return `${prolog}<${root}>${rows.join('')}</${root}>`;
}

export function errorEnvelope(code: string, message: string, responseTime: string): string {
	return `${PROLOGS[0]}<dbs><db>${el('returncode', code)}${el('errmsg', message)}${el('responsetime', responseTime)}</db></dbs>`;
}

export function posterUrl(origin: string, performance: DemoPerformance): string {
	return `${origin}${performance.poster.path}${performance.posterTrailingSpace ? ' ' : ''}`;
}

function areaName(venue: DemoVenue | null): string {
	const code = venue?.regionCode ?? null;
	return code === null ? ' ' : (REGION_NAMES.get(code) ?? ' ');
}

/** `pblprfr` list row (2025 order). */
export function performanceRow(
	performance: DemoPerformance,
	venue: DemoVenue | null,
	origin: string,
	today: string,
): string {
	return `<db>${[
		el('mt20id', performance.id),
		el('prfnm', performance.title),
		el('prfpdfrom', kopisDay(dayNumber(performance.startDate))),
		el('prfpdto', kopisDay(dayNumber(performance.endDate))),
		el('fcltynm', venue?.name ?? ' '),
		el('poster', posterUrl(origin, performance)),
		el('area', areaName(venue)),
		el('genrenm', GENRE_LABELS[performance.genre]),
		el('openrun', yn(performance.openRun)),
		el('prfstate', STATE_LABELS[demoPerformanceState(performance, today)]),
	].join('')}</db>`;
}

/** `pblprfr/{id}` record: the 2025 sample's fields in its order, plus 2026's `mt13id`/`frstregdt`. */
export function performanceDetail(
	performance: DemoPerformance,
	venue: DemoVenue | null,
	hall: DemoHall | null,
	origin: string,
	today: string,
): string {
	const facility =
		venue === null ? ' ' : hall === null ? venue.name : `${venue.name} (${hall.name})`;
	// A leading space marks where 2026 responses put stray spaces between elements.
	const parts = [
		el('mt20id', performance.id),
		el('mt13id', performance.hallId),
		` ${el('prfnm', performance.title)}`,
		el('prfpdfrom', kopisDay(dayNumber(performance.startDate))),
		el('prfpdto', kopisDay(dayNumber(performance.endDate))),
		` ${el('fcltynm', facility)}`,
		` ${el('prfcast', performance.cast)}`,
		el('prfcrew', performance.crew),
		` ${el('prfruntime', performance.runtime)}`,
		` ${el('prfage', performance.age)}`,
		el('entrpsnm', performance.producers.combined),
		el('entrpsnmP', performance.producers.production),
		el('entrpsnmA', performance.producers.planning),
		el('entrpsnmH', performance.producers.host),
		el('entrpsnmS', performance.producers.organizer),
		` ${el('pcseguidance', performance.price)}`,
		` ${el('poster', posterUrl(origin, performance))}`,
		` ${el('sty', performance.synopsis)}`,
		` ${el('area', areaName(venue))}`,
		` ${el('genrenm', GENRE_LABELS[performance.genre])}`,
		el('openrun', yn(performance.openRun)),
		el('visit', yn(performance.visit)),
		el('child', yn(performance.child)),
		el('daehakro', yn(performance.daehakro)),
		el('festival', yn(performance.festival)),
		el('musicallicense', yn(performance.musicalLicense)),
		el('musicalcreate', yn(performance.musicalCreate)),
		el('frstregdt', performance.registeredAt),
		el('updatedate', performance.updatedAt),
		` ${el('prfstate', STATE_LABELS[demoPerformanceState(performance, today)])}`,
		el('mt10id', performance.venueId),
		` ${el('dtguidance', performance.schedule)}`,
	];
	if (performance.introImages.length > 0) {
		const urls = performance.introImages
			.map((image) => el('styurl', `${origin}${image.path}`))
			.join('');
		parts.push(`<styurls>${urls}</styurls>`);
	}
	if (performance.bookingLinks.length > 0) {
		const links = performance.bookingLinks.map((link) => {
			const name = link.seller === null ? '' : `   ${el('relatenm', link.seller)}`;
			return `  <relate>${name}   ${el('relateurl', link.url)} </relate>`;
		});
		parts.push(`<relates>${links.join('')}</relates>`);
	}
	return `<db>${parts.join('')}</db>`;
}

/** `prfplc` list row. */
export function venueRow(venue: DemoVenue): string {
	return `<db>${[
		el('fcltynm', venue.name),
		el('mt10id', venue.id),
		el('mt13cnt', String(venue.hallCount)),
		el('fcltychartr', venue.facilityType),
		el('sidonm', venue.sidoName),
		el('gugunnm', venue.gugunName),
		el('opende', venue.openingYear),
	].join('')}</db>`;
}

function seats(count: number): string {
	return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function hallElement(hall: DemoHall, trimmed: boolean): string {
	const basics = [
		el('prfplcnm', hall.name),
		el('mt13id', hall.id),
		el('seatscale', seats(hall.seats)),
	];
	if (trimmed) return `<mt13>${basics.join('')}</mt13>`;
	return `<mt13>${[
		...basics,
		el('stageorchat', yn(hall.orchestraPit)),
		el('stagepracat', yn(hall.rehearsalRoom)),
		el('stagedresat', yn(hall.dressingRoom)),
		el('stageoutdrat', yn(hall.outdoorStage)),
		el('disabledseatscale', hall.wheelchairSeats === null ? '' : String(hall.wheelchairSeats)),
		el('stagearea', hall.stageArea),
	].join('')}</mt13>`;
}

/** `prfplc/{id}`: the full 2025 shape, or the trimmed 2026 one (no type, year or amenities). */
export function venueDetail(venue: DemoVenue): string {
	const total = venue.halls.reduce((sum, hall) => sum + hall.seats, 0);
	const contact = [
		el('seatscale', String(total)),
		el('telno', venue.phone),
		el('relateurl', venue.homepage),
		el('adres', venue.address),
		el('la', venue.latitude),
		el('lo', venue.longitude),
	];
	const halls = `<mt13s>${venue.halls.map((hall) => hallElement(hall, venue.trimmedDetail)).join('')}</mt13s>`;
	if (venue.trimmedDetail) {
		// One 2026 sample had mt13cnt=2 and no mt13s at all.
		const withHalls = venue.hallCount === venue.halls.length ? halls : '';
		return `<db>${[el('fcltynm', venue.name), el('mt10id', venue.id), el('mt13cnt', String(venue.hallCount)), ...contact, withHalls].join('')}</db>`;
	}
	const amenities = AMENITY_ORDER.map((name) => el(name, yn(venue.amenities[name])));
	return `<db>${[
		el('fcltynm', venue.name),
		el('mt10id', venue.id),
		el('mt13cnt', String(venue.hallCount)),
		el('fcltychartr', venue.facilityType),
		el('opende', venue.openingYear),
		...contact,
		...amenities,
		halls,
	].join('')}</db>`;
}

export interface BoxOfficeRow {
	rank: number;
	performance: DemoPerformance;
	venue: DemoVenue | null;
	hall: DemoHall | null;
}

/** `boxoffice` row (2025 order); `prfplcnm` is facility and hall, duplicated when they share a name. */
export function boxOfficeRow(row: BoxOfficeRow, origin: string): string {
	const { performance, venue, hall } = row;
	const place = venue === null ? ' ' : `${venue.name.trimEnd()} ${hall?.name ?? ''}`;
	return `<boxof>${[
		el('cate', GENRE_LABELS[performance.genre]),
		el('rnum', String(row.rank)),
		el('prfnm', performance.title),
		el(
			'prfpd',
			`${kopisDay(dayNumber(performance.startDate))}~${kopisDay(dayNumber(performance.endDate))}`,
		),
		el('prfdtcnt', String(performance.showCount)),
		el('area', venue?.sidoName ?? ''),
		el('prfplcnm', place),
		el('seatcnt', String(hall?.seats ?? 0)),
		el('poster', `${origin}${performance.poster.path}`),
		el('mt20id', performance.id),
	].join('')}</boxof>`;
}
