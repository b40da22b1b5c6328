/**
 * The KOPIS catalogue: venues, their halls and performances, normalised from the XML.
 * Each table keeps KOPIS's raw text beside the parsed form where parsing can lose meaning
 * (prices, schedules, runtime), so a page can always fall back to what KOPIS wrote.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { PerformanceState } from '../../core/performance-state.ts';

/** One price tier parsed from `pcseguidance`, e.g. `R석 99,000원` → { seat: 'R석', price: 99000 }. */
export interface PriceTier {
	seat: string;
	/** Won; 0 for free admission (무료). */
	price: number;
}

/** One weekly slot parsed from `dtguidance`: `hol` is KOPIS's `HOL` (public holidays). */
export interface ScheduleSlot {
	day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' | 'hol';
	/** `HH:MM`, 24-hour. */
	time: string;
}

/** How complete a record is: `list` means KOPIS listed it but its detail call failed (retried next run). */
export type DetailStatus = 'complete' | 'list';

const timestamps = {
	createdAt: integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`),
};

export const venues = sqliteTable(
	'venues',
	{
		/** `FC` + 6 digits. */
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		hallCount: integer('hall_count'),
		/** Label as KOPIS writes it, e.g. `공공(문예회관)`. */
		facilityType: text('facility_type'),
		openingYear: integer('opening_year'),
		seatScale: integer('seat_scale'),
		phone: text('phone'),
		homepage: text('homepage'),
		address: text('address'),
		latitude: real('latitude'),
		longitude: real('longitude'),
		/** Short sido label from the list (`서울`), null for overseas venues. */
		sidoName: text('sido_name'),
		gugunName: text('gugun_name'),
		/** Two-digit KOPIS `signgucode`, derived from the sido label or address. */
		areaCode: text('area_code'),
		hasRestaurant: integer('has_restaurant', { mode: 'boolean' }),
		hasCafe: integer('has_cafe', { mode: 'boolean' }),
		hasStore: integer('has_store', { mode: 'boolean' }),
		hasKidsRoom: integer('has_kids_room', { mode: 'boolean' }),
		hasNursingRoom: integer('has_nursing_room', { mode: 'boolean' }),
		hasParking: integer('has_parking', { mode: 'boolean' }),
		barrierFreeParking: integer('barrier_free_parking', { mode: 'boolean' }),
		barrierFreeRestroom: integer('barrier_free_restroom', { mode: 'boolean' }),
		barrierFreeRamp: integer('barrier_free_ramp', { mode: 'boolean' }),
		barrierFreeElevator: integer('barrier_free_elevator', { mode: 'boolean' }),
		detailStatus: text('detail_status').$type<DetailStatus>().notNull().default('list'),
		/** SHA-256 of the normalised record: equal hash → nothing is rewritten. */
		contentHash: text('content_hash').notNull(),
		...timestamps,
	},
	(t) => [index('venues_area_idx').on(t.areaCode)],
);

export const halls = sqliteTable(
	'halls',
	{
		/** `FC001247-03`. */
		id: text('id').primaryKey(),
		venueId: text('venue_id')
			.notNull()
			.references(() => venues.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		seatScale: integer('seat_scale'),
		hasOrchestraPit: integer('has_orchestra_pit', { mode: 'boolean' }),
		hasRehearsalRoom: integer('has_rehearsal_room', { mode: 'boolean' }),
		hasDressingRoom: integer('has_dressing_room', { mode: 'boolean' }),
		hasOutdoorStage: integer('has_outdoor_stage', { mode: 'boolean' }),
		wheelchairSeats: integer('wheelchair_seats'),
		/** Free text such as `23.1X18.5X8.5`. */
		stageArea: text('stage_area'),
	},
	(t) => [index('halls_venue_idx').on(t.venueId)],
);

export const performances = sqliteTable(
	'performances',
	{
		/** `PF` + digits. */
		id: text('id').primaryKey(),
		title: text('title').notNull(),
		/** ISO `YYYY-MM-DD`. */
		startDate: text('start_date').notNull(),
		endDate: text('end_date').notNull(),
		state: text('state').$type<PerformanceState>().notNull(),
		genreCode: text('genre_code').notNull(),
		genreName: text('genre_name').notNull(),
		/** Joined by id (`mt10id`), never by name; null until the detail is known. */
		venueId: text('venue_id').references(() => venues.id),
		hallId: text('hall_id'),
		/** The list's facility name (`fcltynm`). */
		venueName: text('venue_name').notNull(),
		/** The detail's "facility (hall)" text. */
		venueHallText: text('venue_hall_text'),
		/** Full sido name as KOPIS writes it (`서울특별시`). */
		area: text('area'),
		areaCode: text('area_code'),
		runtimeText: text('runtime_text'),
		runtimeMinutes: integer('runtime_minutes'),
		ageText: text('age_text'),
		/** Minimum age in years; 0 for 전체 관람가; null when KOPIS's text could not be read. */
		ageMinimum: integer('age_minimum'),
		castText: text('cast_text'),
		cast: text('cast', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
		crewText: text('crew_text'),
		crew: text('crew', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
		/** `entrpsnm`: the combined producer/agency string. */
		producerText: text('producer_text'),
		/** `entrpsnmP` 제작사. */
		productionCompany: text('production_company'),
		/** `entrpsnmA` 기획사. */
		planningCompany: text('planning_company'),
		/** `entrpsnmH` 주최. */
		host: text('host'),
		/** `entrpsnmS` 주관. */
		organizer: text('organizer'),
		priceText: text('price_text'),
		priceTiers: text('price_tiers', { mode: 'json' })
			.$type<PriceTier[]>()
			.notNull()
			.default(sql`'[]'`),
		minPrice: integer('min_price'),
		maxPrice: integer('max_price'),
		scheduleText: text('schedule_text'),
		scheduleSlots: text('schedule_slots', { mode: 'json' })
			.$type<ScheduleSlot[]>()
			.notNull()
			.default(sql`'[]'`),
		synopsis: text('synopsis'),
		posterUrl: text('poster_url'),
		isOpenRun: integer('is_open_run', { mode: 'boolean' }),
		isChild: integer('is_child', { mode: 'boolean' }),
		isVisiting: integer('is_visiting', { mode: 'boolean' }),
		isDaehakro: integer('is_daehakro', { mode: 'boolean' }),
		isFestival: integer('is_festival', { mode: 'boolean' }),
		isMusicalLicense: integer('is_musical_license', { mode: 'boolean' }),
		isMusicalCreate: integer('is_musical_create', { mode: 'boolean' }),
		/** KOPIS `frstregdt`, ISO datetime. */
		kopisRegisteredAt: text('kopis_registered_at'),
		/** KOPIS `updatedate`, ISO datetime. */
		kopisUpdatedAt: text('kopis_updated_at'),
		detailStatus: text('detail_status').$type<DetailStatus>().notNull().default('list'),
		contentHash: text('content_hash').notNull(),
		...timestamps,
	},
	(t) => [
		index('performances_genre_start_idx').on(t.genreCode, t.startDate),
		index('performances_venue_idx').on(t.venueId),
		index('performances_end_idx').on(t.endDate),
		index('performances_area_idx').on(t.areaCode),
		index('performances_detail_status_idx').on(t.detailStatus),
	],
);

/**
 * Cast and crew normalised one name per row, so person pages, "same cast" and recommendations
 * are indexed lookups rather than JSON scans.
 */
export const performancePeople = sqliteTable(
	'performance_people',
	{
		performanceId: text('performance_id')
			.notNull()
			.references(() => performances.id, { onDelete: 'cascade' }),
		role: text('role').$type<'cast' | 'crew'>().notNull(),
		position: integer('position').notNull(),
		name: text('name').notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.performanceId, t.role, t.position] }),
		index('performance_people_name_idx').on(t.name),
	],
);

export const bookingLinks = sqliteTable(
	'booking_links',
	{
		performanceId: text('performance_id')
			.notNull()
			.references(() => performances.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		/** `relatenm`, e.g. 인터파크; may be missing in KOPIS. */
		sellerName: text('seller_name'),
		url: text('url').notNull(),
	},
	(t) => [primaryKey({ columns: [t.performanceId, t.position] })],
);

/** One responsive variant written by the image pipeline. */
export interface ImageVariant {
	format: 'webp' | 'avif' | 'jpeg';
	width: number;
	height: number;
	/** Path under MEDIA_DIR, served at `/media/<path>`. */
	path: string;
	bytes: number;
}

export type ImageStatus = 'pending' | 'ready' | 'failed';

/** Poster (position 0) and intro images of a performance, and what the image pipeline made of them. */
export const performanceImages = sqliteTable(
	'performance_images',
	{
		performanceId: text('performance_id')
			.notNull()
			.references(() => performances.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<'poster' | 'intro'>().notNull(),
		position: integer('position').notNull(),
		sourceUrl: text('source_url').notNull(),
		status: text('status').$type<ImageStatus>().notNull().default('pending'),
		/** SHA-256 of the downloaded bytes: an unchanged source is never processed again. */
		sourceHash: text('source_hash'),
		sourceBytes: integer('source_bytes'),
		width: integer('width'),
		height: integer('height'),
		variants: text('variants', { mode: 'json' })
			.$type<ImageVariant[]>()
			.notNull()
			.default(sql`'[]'`),
		/** Tiny blurred placeholder as a `data:` URI. */
		placeholder: text('placeholder'),
		error: text('error'),
		processedAt: integer('processed_at', { mode: 'timestamp_ms' }),
	},
	(t) => [
		primaryKey({ columns: [t.performanceId, t.kind, t.position] }),
		index('performance_images_status_idx').on(t.status),
	],
);
