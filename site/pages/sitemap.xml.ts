import type { APIRoute } from 'astro';
import { SITEMAP_SIZE, sitemapEntries, sitemapIndexXml } from '../lib/sitemap.ts';

/** The sitemap index; robots.txt points here. */
export const GET: APIRoute = async ({ site }) => {
	const base = site ?? new URL('http://127.0.0.1:4321');
	const parts = Math.max(1, Math.ceil((await sitemapEntries()).length / SITEMAP_SIZE));
	return new Response(sitemapIndexXml(parts, base), {
		headers: { 'content-type': 'application/xml; charset=utf-8' },
	});
};
