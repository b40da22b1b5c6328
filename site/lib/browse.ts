/** Props for the browsing pages: genres, regions, venues and people. */
import type { PerformanceSummary, VenueWithHalls } from './catalog.ts';
import { compareForListing, indexCatalog } from './catalog-index.ts';
import { compareGenres, type Genre } from './genres.ts';
import { type ListingPage, listingSegment, paginate } from './listing.ts';
import { fullCatalog } from './queries.ts';
import { ALL_REGIONS, type Region } from './regions.ts';

export interface ListingPath<P> {
	params: P & { page: string | undefined };
	props: { listing: ListingPage; finishedCount: number };
}

/** Pages of running and upcoming shows; finished ones are counted and left to search. */
function listingPaths<P>(params: P, items: readonly PerformanceSummary[]): ListingPath<P>[] {
	const active = items.filter((item) => item.state !== 'finished');
	return paginate(active).map((listing) => ({
		params: { ...params, page: listingSegment(listing.sort, listing.page) },
		props: { listing, finishedCount: items.length - active.length },
	}));
}

export async function genreGroups(): Promise<{ genre: Genre; items: PerformanceSummary[] }[]> {
	const catalog = await fullCatalog();
	const groups = new Map<string, { genre: Genre; items: PerformanceSummary[] }>();
	for (const summary of catalog.summaries.values()) {
		const group = groups.get(summary.genre.slug) ?? { genre: summary.genre, items: [] };
		group.items.push(summary);
		groups.set(summary.genre.slug, group);
	}
	return [...groups.values()].sort((a, b) => compareGenres(a.genre, b.genre));
}

export async function genrePagePaths(): Promise<
	(ListingPath<{ slug: string }> & { props: { genre: Genre } })[]
> {
	return (await genreGroups()).flatMap(({ genre, items }) =>
		listingPaths({ slug: genre.slug }, items).map((path) => ({
			...path,
			props: { ...path.props, genre },
		})),
	);
}

/** Regions that have performances, in KOPIS's order, with how many are running or upcoming. */
export async function regionGroups(): Promise<
	{ region: Region; items: PerformanceSummary[]; activeCount: number }[]
> {
	const catalog = await fullCatalog();
	const summaries = [...catalog.summaries.values()];
	return ALL_REGIONS.flatMap((region) => {
		const items = summaries.filter((summary) => summary.region?.code === region.code);
		if (items.length === 0) return [];
		const activeCount = items.filter((item) => item.state !== 'finished').length;
		return [{ region, items, activeCount }];
	});
}

export async function regionPagePaths(): Promise<
	(ListingPath<{ slug: string }> & { props: { region: Region } })[]
> {
	return (await regionGroups()).flatMap(({ region, items }) =>
		listingPaths({ slug: region.slug }, items).map((path) => ({
			...path,
			props: { ...path.props, region },
		})),
	);
}

export interface VenuePage {
	venue: VenueWithHalls;
	current: PerformanceSummary[];
	past: PerformanceSummary[];
	pastTotal: number;
}

/** How many past performances a venue page lists. */
export const VENUE_PAST_LIMIT = 24;

export async function venuePaths(): Promise<{ params: { id: string } }[]> {
	const catalog = await fullCatalog();
	return [...catalog.venues.keys()].map((id) => ({ params: { id } }));
}

export async function venuePage(id: string): Promise<VenuePage | null> {
	const catalog = await fullCatalog();
	const venue = catalog.venues.get(id);
	if (venue === undefined) return null;
	const items = (indexCatalog(catalog).byVenue.get(id) ?? [])
		.flatMap((performanceId) => catalog.summaries.get(performanceId) ?? [])
		.sort(compareForListing);
	const past = items.filter((item) => item.state === 'finished');
	return {
		venue,
		current: items.filter((item) => item.state !== 'finished'),
		past: past.slice(0, VENUE_PAST_LIMIT),
		pastTotal: past.length,
	};
}

export interface PersonPage {
	name: string;
	credits: { performance: PerformanceSummary; roles: string[] }[];
}

export async function personPaths(): Promise<{ params: { name: string } }[]> {
	const catalog = await fullCatalog();
	return [...indexCatalog(catalog).people.keys()].map((name) => ({ params: { name } }));
}

export async function personPage(slug: string): Promise<PersonPage | null> {
	const catalog = await fullCatalog();
	const person = indexCatalog(catalog).people.get(slug);
	if (person === undefined) return null;
	const credits = [...person.roles].flatMap(([performanceId, roles]) => {
		const performance = catalog.summaries.get(performanceId);
		return performance === undefined ? [] : [{ performance, roles: [...roles] }];
	});
	credits.sort((a, b) => compareForListing(a.performance, b.performance));
	return { name: person.name, credits };
}
