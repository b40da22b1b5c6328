/**
 * What pages ask for: ready-made props from the catalogue. A full build loads the catalogue once
 * and every page reads from it; an on-demand page loads only what its performance needs.
 */
import { and, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { performancePeople, performances } from '../../db/schema/catalog.ts';
import { ingestRuns } from '../../db/schema/ingest.ts';
import { type BoxOffice, loadBoxOffice } from './box-office.ts';
import { type Catalog, loadCatalog } from './catalog.ts';
import { siteDatabase, siteToday } from './database.ts';
import { formatTimestamp } from './format.ts';
import { type HomeSections, homeSections } from './home.ts';
import { type PerformanceDetail, performanceDetail } from './performance-detail.ts';

let catalogPromise: Promise<Catalog> | null = null;

/** The whole catalogue, loaded once per process (the build). */
export function fullCatalog(): Promise<Catalog> {
	catalogPromise ??= siteDatabase().then(({ db }) => loadCatalog(db, siteToday()));
	return catalogPromise;
}

export interface SiteInfo {
	/** When the last successful ingest finished; null before the first one. */
	lastUpdatedAt: Date | null;
	/** The same, formatted once for every page's footer. */
	lastUpdatedText: string | null;
}

let siteInfoCache: { at: number; value: Promise<SiteInfo> } | null = null;
/** On-demand pages re-read it after this long; a build reads it once. */
const SITE_INFO_TTL_MS = 60_000;

export function siteInfo(): Promise<SiteInfo> {
	const now = Date.now();
	if (siteInfoCache === null || now - siteInfoCache.at > SITE_INFO_TTL_MS) {
		const value = siteDatabase().then(async ({ db }) => {
			const [run] = await db
				.select({ finishedAt: ingestRuns.finishedAt })
				.from(ingestRuns)
				.where(and(eq(ingestRuns.status, 'succeeded'), isNotNull(ingestRuns.finishedAt)))
				.orderBy(desc(ingestRuns.finishedAt))
				.limit(1);
			const lastUpdatedAt = run?.finishedAt ?? null;
			return {
				lastUpdatedAt,
				lastUpdatedText: lastUpdatedAt === null ? null : formatTimestamp(lastUpdatedAt),
			};
		});
		siteInfoCache = { at: now, value };
	}
	return siteInfoCache.value;
}

export async function homePage(): Promise<{ sections: HomeSections; boxOffice: BoxOffice | null }> {
	const catalog = await fullCatalog();
	const { db } = await siteDatabase();
	return { sections: homeSections(catalog), boxOffice: await loadBoxOffice(db, catalog) };
}

export async function performancePaths(): Promise<{ params: { id: string } }[]> {
	const catalog = await fullCatalog();
	return [...catalog.performances.keys()].map((id) => ({ params: { id } }));
}

export async function prerenderedPerformance(id: string): Promise<PerformanceDetail | null> {
	return performanceDetail(await fullCatalog(), id);
}

/** KOPIS performance ids; anything else is a 404 without touching the database. */
const PERFORMANCE_ID = /^PF\d{1,12}$/;

/**
 * A performance the build did not include (ingested since): loads it, the performances at its
 * venue and those sharing its cast, and assembles the same detail as a pre-rendered page.
 */
export async function onDemandPerformance(id: string): Promise<PerformanceDetail | null> {
	if (!PERFORMANCE_ID.test(id)) return null;
	const { db } = await siteDatabase();
	const [row] = await db
		.select({ venueId: performances.venueId })
		.from(performances)
		.where(eq(performances.id, id));
	if (row === undefined) return null;
	const castNames = db
		.select({ name: performancePeople.name })
		.from(performancePeople)
		.where(and(eq(performancePeople.performanceId, id), eq(performancePeople.role, 'cast')));
	const sameCast = await db
		.selectDistinct({ id: performancePeople.performanceId })
		.from(performancePeople)
		.where(and(eq(performancePeople.role, 'cast'), inArray(performancePeople.name, castNames)));
	const sameVenue =
		row.venueId === null
			? []
			: await db
					.select({ id: performances.id })
					.from(performances)
					.where(and(eq(performances.venueId, row.venueId), ne(performances.id, id)));
	const ids = [...new Set([id, ...sameCast.map((r) => r.id), ...sameVenue.map((r) => r.id)])];
	const catalog = await loadCatalog(db, siteToday(), { performanceIds: ids });
	return performanceDetail(catalog, id);
}
