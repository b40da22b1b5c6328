import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export type BoxOfficePeriod = 'day' | 'week' | 'month';

/** The overall ranking is stored under this genre code (KOPIS omits `catecode` for it). */
export const ALL_GENRES = 'ALL';

/**
 * KOPIS's booking ranking (top 50) for one period ending on `endDate`, overall or per genre.
 * `performanceId` is not a foreign key: a ranked show may fall outside our ingest window.
 */
export const boxOfficeEntries = sqliteTable(
	'box_office_entries',
	{
		period: text('period').$type<BoxOfficePeriod>().notNull(),
		startDate: text('start_date').notNull(),
		endDate: text('end_date').notNull(),
		genreCode: text('genre_code').notNull(),
		rank: integer('rank').notNull(),
		performanceId: text('performance_id').notNull(),
		title: text('title').notNull(),
		genreName: text('genre_name'),
		/** `prfpd` as two ISO dates. */
		runStart: text('run_start'),
		runEnd: text('run_end'),
		venueHallText: text('venue_hall_text'),
		areaName: text('area_name'),
		seatCount: integer('seat_count'),
		showCount: integer('show_count'),
		posterUrl: text('poster_url'),
	},
	(t) => [
		primaryKey({ columns: [t.period, t.endDate, t.genreCode, t.rank] }),
		index('box_office_performance_idx').on(t.performanceId),
	],
);

/**
 * Which rankings have been fetched, including the empty ones (a small genre may have no bookings in
 * a period): a closed period is never asked for twice.
 */
export const boxOfficeFetches = sqliteTable(
	'box_office_fetches',
	{
		period: text('period').$type<BoxOfficePeriod>().notNull(),
		endDate: text('end_date').notNull(),
		genreCode: text('genre_code').notNull(),
		entryCount: integer('entry_count').notNull(),
		fetchedAt: integer('fetched_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.period, t.endDate, t.genreCode] })],
);
