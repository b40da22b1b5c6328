import type { APIRoute, GetStaticPaths } from 'astro';
import { SITEMAP_SIZE, sitemapEntries, urlsetXml } from '../../lib/sitemap.ts';

export const getStaticPaths: GetStaticPaths = async () => {
	const parts = Math.max(1, Math.ceil((await sitemapEntries()).length / SITEMAP_SIZE));
	return Array.from({ length: parts }, (_, index) => ({ params: { part: String(index + 1) } }));
};

export const GET: APIRoute = async ({ params, site }) => {
	const base = site ?? new URL('http://127.0.0.1:4321');
	const part = Number(params.part);
	const entries = (await sitemapEntries()).slice((part - 1) * SITEMAP_SIZE, part * SITEMAP_SIZE);
	return new Response(urlsetXml(entries, base), {
		headers: { 'content-type': 'application/xml; charset=utf-8' },
	});
};
