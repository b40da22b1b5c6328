/**
 * The demo dataset's records. Text fields hold what KOPIS would write (including its blanks as a
 * single space and stray trailing spaces), so the server can render them verbatim and tests can
 * compare what the ingest made of them.
 */

import type { GenreCode } from '../../core/kopis-genres.ts';
import { type PerformanceState, stateOn } from '../../core/performance-state.ts';

/** Each genre's share of demo performances, in percent (codes and labels: core/kopis-genres.ts). */
export const GENRE_SHARES: Readonly<Record<GenreCode, number>> = {
	AAAA: 18,
	BBBC: 5,
	BBBE: 0.8,
	CCCA: 29,
	CCCC: 7,
	CCCD: 16,
	EEEA: 4,
	EEEB: 2,
	GGGA: 18,
};

/** What kind of place a venue is; decides its halls and which genres play there. */
export type VenueKind =
	| 'arts-centre'
	| 'concert-hall'
	| 'theatre'
	| 'daehakro'
	| 'arena'
	| 'club'
	| 'gugak'
	| 'space'
	| 'overseas';

export interface DemoHall {
	/** `mt13id`, e.g. `FC000123-01`; numbers may skip. */
	id: string;
	/** `prfplcnm`. */
	name: string;
	/** `seatscale`; 0 for open areas. Rendered with thousands commas. */
	seats: number;
	orchestraPit: boolean;
	rehearsalRoom: boolean;
	dressingRoom: boolean;
	outdoorStage: boolean;
	/** `disabledseatscale`; null renders as an empty element. */
	wheelchairSeats: number | null;
	/** `stagearea`, e.g. `23.1X18.5X8.5`, or empty. */
	stageArea: string;
}

export interface DemoAmenities {
	restaurant: boolean;
	cafe: boolean;
	store: boolean;
	nolibang: boolean;
	suyu: boolean;
	parkbarrier: boolean;
	restbarrier: boolean;
	runwbarrier: boolean;
	elevbarrier: boolean;
	parkinglot: boolean;
}

export interface DemoVenue {
	/** `mt10id`: `FC` + 6 digits. */
	id: string;
	/** `fcltynm`, possibly with a trailing space or ` (폐관)`. */
	name: string;
	kind: VenueKind;
	/** `fcltychartr` label, e.g. `공공(문예회관)`. */
	facilityType: string;
	/** `opende`: `YYYY` or empty. */
	openingYear: string;
	/** `telno`; a single space when unknown. */
	phone: string;
	/** `relateurl`; a single space when unknown. */
	homepage: string;
	/** `adres`: road address with the full sido name first. */
	address: string;
	/** `la`/`lo` as KOPIS writes them (up to 15 decimals). */
	latitude: string;
	longitude: string;
	/** Two-digit `signgucode`; null overseas. */
	regionCode: string | null;
	/** Four-digit `signgucodesub`; null overseas. */
	sigunguCode: string | null;
	/** `sidonm` (short label) and `gugunnm`; empty overseas. */
	sidoName: string;
	gugunName: string;
	amenities: DemoAmenities;
	halls: DemoHall[];
	/** `mt13cnt`; usually `halls.length`, occasionally not (as in KOPIS). */
	hallCount: number;
	/** Render the trimmed 2026 detail shape: no type, year, amenities (and no halls when `hallCount` differs). */
	trimmedDetail: boolean;
	closed: boolean;
	/** `YYYY-MM-DD HH:MM:SS`; `afterdate` on `prfplc` compares these days. */
	registeredAt: string;
	updatedAt: string;
}

export type DemoImageFormat = 'jpeg' | 'png' | 'gif';

/** Deliberately bad images for the image pipeline. */
export type DemoImageFault =
	/** A JPEG cut off halfway. */
	| 'truncated'
	/** An HTML error page served as `image/jpeg`. */
	| 'html'
	/** More than 10 MB, declared in Content-Length. */
	| 'oversized'
	/** More than 10 MB, streamed without a Content-Length. */
	| 'oversized-chunked'
	/** A 20000×20000 PNG that compresses to a few kilobytes. */
	| 'bomb'
	/** A 302 to another host name (`localhost` instead of the server's IP). */
	| 'redirect-foreign';

export const DEMO_IMAGE_FAULTS: readonly DemoImageFault[] = [
	'truncated',
	'html',
	'oversized',
	'oversized-chunked',
	'bomb',
	'redirect-foreign',
];

export interface DemoImage {
	/** Path on the server, e.g. `/upload/pfmPoster/PF_PF123456_261126_101500.gif`. */
	path: string;
	width: number;
	height: number;
	format: DemoImageFormat;
	fault: DemoImageFault | null;
	/** Served through a same-origin 302 first (a redirect the pipeline should follow). */
	redirected: boolean;
}

export interface DemoBookingLink {
	/** `relatenm`; null renders no element. */
	seller: string | null;
	/** `relateurl`; may be a single space or carry a trailing space. */
	url: string;
}

export interface DemoProducers {
	/** `entrpsnm`, `entrpsnmP`, `entrpsnmA`, `entrpsnmH`, `entrpsnmS`; a single space when blank. */
	combined: string;
	production: string;
	planning: string;
	host: string;
	organizer: string;
}

export type DemoDetailFailure = 'empty' | 'http500';

export interface DemoPerformance {
	/** `mt20id`: `PF` + 6 digits, ascending in registration order. */
	id: string;
	/** `prfnm`. */
	title: string;
	genre: GenreCode;
	/** ISO days; rendered `YYYY.MM.DD`. */
	startDate: string;
	endDate: string;
	openRun: boolean;
	venueId: string;
	/** `mt13id`. */
	hallId: string;
	/** `prfcast`: comma-separated, maybe ending in ` 등`, or a single space. */
	cast: string;
	/** `prfcrew`. */
	crew: string;
	/** `prfruntime`, e.g. `1시간 50분`. */
	runtime: string;
	/** `prfage`, e.g. `만 7세 이상`. */
	age: string;
	producers: DemoProducers;
	/** `pcseguidance`, e.g. `R석 99,000원, S석 77,000원`. */
	price: string;
	/** `dtguidance`, e.g. `화요일 ~ 금요일(20:00), 토요일(15:00,19:00)`. */
	schedule: string;
	/** Shows over the whole run per `schedule` (the box office's `prfdtcnt`). */
	showCount: number;
	/** `sty`: synopsis, a single space when blank; may hold newlines or `<br>`. */
	synopsis: string;
	poster: DemoImage;
	/** Render the poster URL with a trailing space, as KOPIS sometimes does. */
	posterTrailingSpace: boolean;
	/** `styurls`: 0–4 intro images. */
	introImages: DemoImage[];
	visit: boolean;
	child: boolean;
	daehakro: boolean;
	festival: boolean;
	musicalLicense: boolean;
	musicalCreate: boolean;
	bookingLinks: DemoBookingLink[];
	/** `frstregdt`, `YYYY-MM-DD HH:MM:SS`. */
	registeredAt: string;
	/** `updatedate`, sometimes with microseconds. */
	updatedAt: string;
	/** The detail call fails for this id: an empty `<dbs/>` or HTTP 500 (listed normally). */
	detailFailure: DemoDetailFailure | null;
	/** Relative booking demand (box office); from genre, hall size, stars and region. */
	popularity: number;
}

export interface DemoDataset {
	/** The demo's "today" (ISO day): states and the box office are computed against it. */
	generatedOn: string;
	seed: number;
	venues: DemoVenue[];
	performances: DemoPerformance[];
	/** Bumped by every change helper, so a running server re-indexes. */
	version: number;
}

/** KOPIS's `prfstate` as of `today` (ISO day), by core's rule (labels: core's STATE_LABELS). */
export function demoPerformanceState(
	performance: DemoPerformance,
	today: string,
): PerformanceState {
	return stateOn(performance.startDate, performance.endDate, today);
}
