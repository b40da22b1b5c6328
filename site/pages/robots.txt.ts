import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
	const sitemap = new URL('/sitemap.xml', site ?? 'http://127.0.0.1:4321').href;
	// The API and the account pages are per-visitor; the search page has no content of its own.
	const body = [
		'User-agent: *',
		'Disallow: /api/',
		'Disallow: /account/',
		'Disallow: /search/?',
		'',
		`Sitemap: ${sitemap}`,
		'',
	].join('\n');
	return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
