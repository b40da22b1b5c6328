/** This week's booking ranking (KOPIS box office), overall and per genre. */
import { and, asc, eq, max } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { ALL_GENRES, boxOfficeEntries } from '../../db/schema/box-office.ts';
import type { Catalog, PerformanceSummary } from './catalog.ts';
import { compareGenres, type Genre, genreOf } from './genres.ts';

export interface BoxOfficeEntry {
	rank: number;
	title: string;
	/** Null when the ranked show is outside our catalogue (no page to link). */
	performance: PerformanceSummary | null;
	runStart: string | null;
	runEnd: string | null;
	venueText: string | null;
	areaName: string | null;
}

export interface BoxOfficeRanking {
	/** Null for the overall ranking. */
	genre: Genre | null;
	entries: BoxOfficeEntry[];
}

export interface BoxOffice {
	startDate: string;
	endDate: string;
	rankings: BoxOfficeRanking[];
}

/** How many ranks each tab shows. */
export const BOX_OFFICE_SIZE = 10;

/** The latest weekly ranking, or null when none was ingested. */
export async function loadBoxOffice(db: Database, catalog: Catalog): Promise<BoxOffice | null> {
	const [latest] = await db
		.select({ endDate: max(boxOfficeEntries.endDate) })
		.from(boxOfficeEntries)
		.where(eq(boxOfficeEntries.period, 'week'));
	const endDate = latest?.endDate ?? null;
	if (endDate === null) return null;
	const rows = await db
		.select()
		.from(boxOfficeEntries)
		.where(and(eq(boxOfficeEntries.period, 'week'), eq(boxOfficeEntries.endDate, endDate)))
		.orderBy(asc(boxOfficeEntries.genreCode), asc(boxOfficeEntries.rank));
	const byGenre = new Map<string, BoxOfficeEntry[]>();
	let startDate = endDate;
	for (const row of rows) {
		if (row.startDate < startDate) startDate = row.startDate;
		const entries = byGenre.get(row.genreCode) ?? [];
		if (entries.length >= BOX_OFFICE_SIZE) continue;
		entries.push({
			rank: row.rank,
			title: row.title.trim(),
			performance: catalog.summaries.get(row.performanceId) ?? null,
			runStart: row.runStart,
			runEnd: row.runEnd,
			venueText: row.venueHallText?.trim() ?? null,
			areaName: row.areaName,
		});
		byGenre.set(row.genreCode, entries);
	}
	const rankings: BoxOfficeRanking[] = [];
	const overall = byGenre.get(ALL_GENRES);
	if (overall !== undefined) rankings.push({ genre: null, entries: overall });
	const perGenre = [...byGenre]
		.filter(([code]) => code !== ALL_GENRES)
		.map(([code, entries]) => ({
			genre: genreOf(code, rows.find((row) => row.genreCode === code)?.genreName ?? code),
			entries,
		}))
		.sort((a, b) => compareGenres(a.genre, b.genre));
	rankings.push(...perGenre);
	return { startDate, endDate, rankings };
}
