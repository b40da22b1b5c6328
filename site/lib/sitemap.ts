/** The sitemap: every pre-rendered page, split into files of at most SITEMAP_SIZE URLs. */

import { genreGroups, regionGroups } from './browse.ts';
import { indexCatalog } from './catalog-index.ts';
import { listingPath, paginate } from './listing.ts';
import { personPath } from './people.ts';
import { fullCatalog } from './queries.ts';

/** The protocol allows 50,000 URLs per file; smaller files are friendlier to crawlers. */
export const SITEMAP_SIZE = 10_000;

export interface SitemapEntry {
	path: string;
	/** ISO date of the last change, when known. */
	lastmod: string | null;
}

let cached: Promise<SitemapEntry[]> | null = null;

/** Every page, computed once per build (the index and each part ask for it). */
export function sitemapEntries(): Promise<SitemapEntry[]> {
	cached ??= collectEntries();
	return cached;
}

async function collectEntries(): Promise<SitemapEntry[]> {
	const catalog = await fullCatalog();
	const entries: SitemapEntry[] = [
		{ path: '/', lastmod: null },
		{ path: '/search/', lastmod: null },
		{ path: '/genres/', lastmod: null },
		{ path: '/regions/', lastmod: null },
		{ path: '/privacy/', lastmod: null },
		{ path: '/terms/', lastmod: null },
	];
	const listings = [
		...(await genreGroups()).map(({ genre, items }) => ({ base: `/genres/${genre.slug}/`, items })),
		...(await regionGroups()).map(({ region, items }) => ({
			base: `/regions/${region.slug}/`,
			items,
		})),
	];
	for (const { base, items } of listings) {
		// Other sort orders repeat the same performances: only the default order is listed.
		for (const page of paginate(items.filter((item) => item.state !== 'finished'))) {
			if (page.sort.segment === '')
				entries.push({ path: listingPath(base, page.sort, page.page), lastmod: null });
		}
	}
	for (const row of catalog.performances.values()) {
		entries.push({
			path: `/performances/${row.id}/`,
			lastmod: row.updatedAt.toISOString().slice(0, 10),
		});
	}
	for (const venue of catalog.venues.values()) {
		entries.push({
			path: `/venues/${venue.id}/`,
			lastmod: venue.updatedAt.toISOString().slice(0, 10),
		});
	}
	for (const slug of indexCatalog(catalog).people.keys()) {
		entries.push({ path: personPath(slug), lastmod: null });
	}
	return entries;
}

function escapeXml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function urlsetXml(entries: readonly SitemapEntry[], site: URL): string {
	const urls = entries.map(
		(entry) =>
			`<url><loc>${escapeXml(new URL(entry.path, site).href)}</loc>${entry.lastmod === null ? '' : `<lastmod>${entry.lastmod}</lastmod>`}</url>`,
	);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function sitemapIndexXml(parts: number, site: URL): string {
	const sitemaps = Array.from(
		{ length: parts },
		(_, index) =>
			`<sitemap><loc>${new URL(`/sitemaps/${index + 1}.xml`, site).href}</loc></sitemap>`,
	);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps.join('\n')}\n</sitemapindex>\n`;
}
