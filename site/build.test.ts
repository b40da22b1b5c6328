/**
 * The whole site built from the small demo dataset (see test/built-site.ts), checked page by page
 * in `dist/`: the content a visitor needs, SEO and sharing, CSP-safe markup, the search index, and
 * the on-demand page of a performance newer than the build.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { htmlToText } from '../core/html-text.ts';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { genreOf } from './lib/genres.ts';
import { PAGE_SIZE } from './lib/listing.ts';
import { parseCredit, personPath, personSlug } from './lib/people.ts';
import { normalizeQuery } from './lib/search/korean-query.ts';
import { type BuiltSite, buildDemoSite, TEST_SITE_URL } from './test/built-site.ts';
import { attributes, element, elements, metaContent, textOf } from './test/html.ts';
import { loadPagefindInNode, type NodePagefind } from './test/pagefind-node.ts';

let site: BuiltSite;
let database: DatabaseHandle;

beforeAll(async () => {
	site = await buildDemoSite(process.env.SITE_TEST_BUILD_DIR, process.env);
	database = await openDatabase(site.databaseUrl);
}, 900_000);

afterAll(async () => {
	database?.close();
	// A build made for this run goes; one passed in with SITE_TEST_BUILD_DIR stays.
	if (site !== undefined && site.dir !== process.env.SITE_TEST_BUILD_DIR) {
		await rm(site.dir, { recursive: true, force: true });
	}
});

async function page(path: string): Promise<string> {
	const file = join(
		site.clientDir,
		decodeURIComponent(path),
		path.endsWith('/') ? 'index.html' : '',
	);
	return readFile(file, 'utf8');
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
	return (await database.client.execute(sql)).rows as unknown as Record<string, unknown>[];
}

async function one(sql: string): Promise<Record<string, unknown>> {
	const [row] = await rows(sql);
	if (row === undefined) throw new Error(`the demo dataset has no row for: ${sql}`);
	return row;
}

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => join(entry.parentPath, entry.name));
}

describe('performance pages', () => {
	test('a performance with many cast members links every one of them to a person page', async () => {
		const { id, title } = await one(
			"SELECT performance_id AS id, (SELECT title FROM performances WHERE id = performance_id) AS title FROM performance_people WHERE role = 'cast' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
		);
		const cast = await rows(
			`SELECT name FROM performance_people WHERE performance_id = '${id}' AND role = 'cast' ORDER BY position`,
		);
		expect(cast.length).toBeGreaterThanOrEqual(10);
		const section = element(await page(`/performances/${id}/`), 'data-section="cast"');
		const links = attributes(section, 'href');
		for (const { name } of cast) {
			const slug = personSlug(parseCredit(String(name)).name);
			if (slug === null) continue;
			expect(links).toContain(personPath(slug));
			expect(attributes(await page(personPath(slug)), 'href')).toContain(`/performances/${id}/`);
			expect(textOf(await page(personPath(slug)))).toContain(String(title).trim());
		}
		expect(textOf(section)).toContain(`(${cast.length}명`);
	});

	test('a performance without cast says so instead of showing an empty list', async () => {
		const { id } = await one(
			"SELECT id FROM performances WHERE id NOT IN (SELECT performance_id FROM performance_people WHERE role = 'cast') LIMIT 1",
		);
		const section = element(await page(`/performances/${id}/`), 'data-section="cast"');
		expect(textOf(section)).toContain('KOPIS에 등록된 출연진이 없습니다.');
		expect(attributes(section, 'href')).toEqual([]);
	});

	test('a detail page has every section, its venue linked and a responsive poster', async () => {
		const {
			id,
			title,
			venue_id: venueId,
		} = await one(
			"SELECT p.id, p.title, p.venue_id FROM performances p JOIN performance_images i ON i.performance_id = p.id AND i.kind = 'poster' AND i.status = 'ready' WHERE p.venue_id IS NOT NULL AND p.price_tiers != '[]' ORDER BY p.id LIMIT 1",
		);
		const html = await page(`/performances/${id}/`);
		for (const section of [
			'intro',
			'schedule',
			'prices',
			'people',
			'cast',
			'crew',
			'producers',
			'booking',
			'same-venue',
			'same-cast',
		]) {
			expect(elements(html, `data-section="${section}"`), section).toHaveLength(1);
		}
		expect(textOf(element(html, '<h1\\b'))).toBe(String(title).trim());
		const venueLinks = attributes(element(html, 'data-section="venue"'), 'href');
		expect(venueLinks[0]).toBe(`/venues/${venueId}/`);
		// The hall links to its row on the venue page.
		for (const link of venueLinks.slice(1)) {
			expect(link).toMatch(new RegExp(`^/venues/${venueId}/#hall-${venueId}-\\d+$`));
		}
		const poster = element(element(html, 'class="poster-frame"'), '<img (?=[^>]*srcset)');
		expect(poster).toMatch(/srcset="\/media\/[^"]+ \d+w, /);
		expect(poster).toMatch(/ width="\d+"/);
		expect(poster).toMatch(/ height="\d+"/);
		expect(html).toMatch(/<img class="poster-placeholder" src="data:image\/webp;base64,/);
		expect(elements(html, '<cp-favorite-button\\b')).toHaveLength(1);
		expect(element(html, '<cp-reviews\\b')).toContain('<fieldset disabled');
	});

	test('the rating summary counts the reviews as of the build', async () => {
		const [id] = site.reviewed;
		const html = await page(`/performances/${id}/`);
		expect(textOf(element(html, 'data-rating-average'))).toBe('3.9');
		expect(textOf(element(html, 'data-rating-count'))).toBe('5');
		expect(elements(element(html, 'data-rating-summary'), 'class="rating-fill')).toHaveLength(5);
	});

	test('has JSON-LD Event data, a canonical URL and the poster as sharing image', async () => {
		const {
			id,
			title,
			start_date: startDate,
		} = await one(
			"SELECT p.id, p.title, p.start_date FROM performances p JOIN performance_images i ON i.performance_id = p.id AND i.kind = 'poster' AND i.status = 'ready' ORDER BY p.id LIMIT 1",
		);
		const html = await page(`/performances/${id}/`);
		const script = element(html, 'type="application/ld\\+json"');
		const data = JSON.parse(
			script.slice(script.indexOf('>') + 1, script.lastIndexOf('</script>')),
		) as Record<string, unknown>;
		expect(data['@context']).toBe('https://schema.org');
		expect(String(data['@type'])).toMatch(/Event$/);
		expect(data.name).toBe(String(title).trim());
		expect(data.startDate).toBe(startDate);
		expect(data.location).toMatchObject({ '@type': 'Place' });
		expect(attributes(element(html, 'rel="canonical"'), 'href')).toEqual([
			`${TEST_SITE_URL}/performances/${id}/`,
		]);
		expect(metaContent(html, 'og:image')).toMatch(new RegExp(`^${TEST_SITE_URL}/media/.+`));
		expect(metaContent(html, 'og:title')).toBe(String(title).trim());
		expect(metaContent(html, 'description')).toContain(String(title).trim());
	});
});

describe('venues, genres, people', () => {
	test('a venue with halls lists each hall, its address, coordinates and what is on', async () => {
		const { id } = await one(
			'SELECT venue_id AS id FROM halls GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
		);
		const halls = await rows(`SELECT id, name FROM halls WHERE venue_id = '${id}'`);
		const venue = await one(`SELECT name, address, latitude FROM venues WHERE id = '${id}'`);
		expect(halls.length).toBeGreaterThan(1);
		const html = await page(`/venues/${id}/`);
		const table = element(html, 'data-section="halls"');
		expect(elements(table, 'data-hall=').map((row) => textOf(element(row, '<th\\b')))).toEqual(
			expect.arrayContaining(halls.map((hall) => String(hall.name).trim())),
		);
		expect(textOf(element(html, 'data-address'))).toBe(String(venue.address).trim());
		expect(textOf(element(html, 'data-coordinates'))).toContain(Number(venue.latitude).toFixed(6));
		expect(html).toContain('https://map.kakao.com/link/map/');
		const current = await rows(
			`SELECT id FROM performances WHERE venue_id = '${id}' AND end_date >= date('now', '+9 hours')`,
		);
		for (const { id: performanceId } of current) {
			expect(attributes(element(html, 'data-section="current"'), 'href')).toContain(
				`/performances/${performanceId}/`,
			);
		}
	});

	test('a genre page paginates and sorts its running and upcoming performances', async () => {
		const { code, active } = await one(
			"SELECT genre_code AS code, count(*) AS active FROM performances WHERE end_date >= date('now', '+9 hours') GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
		);
		expect(Number(active)).toBeGreaterThan(PAGE_SIZE);
		const first = await page(`/genres/${genreOf(String(code), '').slug}/`);
		const pagination = element(first, 'class="pagination');
		const base =
			attributes(element(first, 'rel="canonical"'), 'href')[0]?.replace(TEST_SITE_URL, '') ?? '';
		expect(attributes(pagination, 'href')).toContain(`${base}2/`);
		expect(elements(first, 'class="performance-card"')).toHaveLength(PAGE_SIZE);
		const last = Math.ceil(Number(active) / PAGE_SIZE);
		const lastPage = await page(`${base}${last}/`);
		expect(elements(lastPage, 'class="performance-card"')).toHaveLength(
			Number(active) - (last - 1) * PAGE_SIZE,
		);
		for (const sort of ['closing-soon/', 'rating/']) {
			expect(elements(await page(`${base}${sort}`), 'class="performance-card"')).toHaveLength(
				PAGE_SIZE,
			);
		}
	});

	test('a crew credit written as "role: name" gets the person page of the name', async () => {
		const credit = await one(
			"SELECT name FROM performance_people WHERE role = 'crew' AND name LIKE '%:%' LIMIT 1",
		);
		const { name, role } = parseCredit(String(credit.name));
		const slug = personSlug(name);
		if (slug === null) throw new Error(`no slug for ${name}`);
		const html = await page(personPath(slug));
		expect(textOf(element(html, '<h1\\b'))).toBe(name);
		expect(textOf(html)).toContain(role ?? '');
	});
});

describe('every page', () => {
	test('credits KOPIS, says when the data was updated, and links the policies', async () => {
		const files = await htmlFiles(site.clientDir);
		expect(files.length).toBeGreaterThan(200);
		for (const file of files) {
			const footer = element(await readFile(file, 'utf8'), '<footer\\b');
			expect(textOf(footer), file).toContain('출처: 공연예술통합전산망(KOPIS)');
			expect(textOf(footer), file).toMatch(/데이터 갱신: \d{4}년/);
			expect(attributes(footer, 'href'), file).toEqual(
				expect.arrayContaining(['/privacy/', '/terms/']),
			);
		}
	});

	test('runs under a CSP without inline code: no inline scripts, handlers or style attributes', async () => {
		for (const file of await htmlFiles(site.clientDir)) {
			const html = await readFile(file, 'utf8');
			for (const script of elements(html, '<script\\b')) {
				expect(script, file).toMatch(
					/^<script (type="module" src="\/_astro\/[^"]+\.js"><\/script>|type="application\/ld\+json">)/,
				);
			}
			expect(html, file).not.toMatch(/\son[a-z]+="/i);
			expect(html, file).not.toMatch(/\sstyle="/i);
			expect(html, file).not.toMatch(/<style\b/i);
			expect(html, file).not.toMatch(
				/(src|href)="https?:\/\/(?!www\.kopis|map\.|tickets|ticket|www\.ticketlink)[^"]*\.(js|css)"/,
			);
		}
	});

	test('has a sitemap of absolute URLs, robots.txt and a 404 page', async () => {
		const index = await readFile(join(site.clientDir, 'sitemap.xml'), 'utf8');
		expect(index).toContain(`<loc>${TEST_SITE_URL}/sitemaps/1.xml</loc>`);
		const urls = await readFile(join(site.clientDir, 'sitemaps', '1.xml'), 'utf8');
		const { id } = await one('SELECT id FROM performances ORDER BY id LIMIT 1');
		expect(urls).toContain(`<loc>${TEST_SITE_URL}/performances/${id}/</loc>`);
		expect(urls).toContain(`<loc>${TEST_SITE_URL}/genres/`);
		const robots = await readFile(join(site.clientDir, 'robots.txt'), 'utf8');
		expect(robots).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap.xml`);
		expect(robots).toContain('Disallow: /api/');
		const notFound = await readFile(join(site.clientDir, '404.html'), 'utf8');
		expect(metaContent(notFound, 'robots')).toBe('noindex');
		expect(textOf(notFound)).toContain('페이지를 찾을 수 없습니다');
	});

	test('home shows this week’s box office with genre tabs and the browse lists', async () => {
		const html = await page('/');
		expect(elements(html, 'role="tabpanel"').length).toBeGreaterThan(1);
		expect(elements(element(html, 'id="box-office-all"'), '<li\\b').length).toBeGreaterThan(0);
		for (const heading of [
			'이번 주말 공연',
			'지금 공연 중',
			'곧 개막',
			'곧 막을 내려요',
			'장르별로 보기',
			'지역별로 보기',
		]) {
			expect(textOf(html)).toContain(heading);
		}
	});
});

describe('search index', () => {
	let search: NodePagefind;
	beforeAll(async () => {
		search = await loadPagefindInNode(join(site.clientDir, 'pagefind'));
	});
	afterAll(() => search?.close());

	test('finds a performance by title, cast member, venue and producer', async () => {
		const performance = await one(
			"SELECT p.id, p.title, p.venue_name, p.producer_text, (SELECT name FROM performance_people WHERE performance_id = p.id AND role = 'cast' ORDER BY position LIMIT 1) AS actor FROM performances p WHERE p.producer_text IS NOT NULL AND EXISTS (SELECT 1 FROM performance_people WHERE performance_id = p.id AND role = 'cast') ORDER BY p.id LIMIT 1",
		);
		const url = `/performances/${performance.id}/`;
		for (const query of [
			performance.title,
			performance.actor,
			performance.venue_name,
			performance.producer_text,
		]) {
			expect(await search.searchUrls(normalizeQuery(String(query))), String(query)).toContain(url);
		}
		// The tail of a compound venue name: what plain Pagefind cannot find in Korean.
		const venue = [...String(performance.venue_name).replace(/\s/g, '')];
		expect(await search.searchUrls(normalizeQuery(venue.slice(2).join('')))).toContain(url);
	});

	test('indexes performance pages only, and can list them all by opening date', async () => {
		const { total } = await one('SELECT count(*) AS total FROM performances');
		const sorted = await loadPagefindInNode(join(site.clientDir, 'pagefind-sorted'));
		try {
			const everything = await sorted.searchUrls(null, { sort: { start: 'asc' } });
			expect(everything).toHaveLength(Number(total));
			expect(everything.every((url) => url.startsWith('/performances/'))).toBe(true);
			const { id } = await one('SELECT id FROM performances ORDER BY start_date, id LIMIT 1');
			const { start } = await one(
				`SELECT start_date AS start FROM performances WHERE id = '${everything[0]?.split('/')[2]}'`,
			);
			const { start: earliest } = await one(
				`SELECT start_date AS start FROM performances WHERE id = '${id}'`,
			);
			expect(start).toBe(earliest);
		} finally {
			sorted.close();
		}
	});
});

describe('on-demand performance pages', () => {
	/**
	 * Copies the first performance as `newId` (a performance newer than the build), serves the
	 * built server entry on a free port for `check`, then removes the copy.
	 */
	async function withNewPerformance(
		newId: string,
		synopsis: string | null,
		check: (base: string) => Promise<void>,
	): Promise<void> {
		const { id } = await one('SELECT id FROM performances ORDER BY id LIMIT 1');
		await database.client.execute(
			`INSERT INTO performances SELECT '${newId}', '새로 들어온 공연' || '', start_date, end_date, state, genre_code, genre_name, venue_id, hall_id, venue_name, venue_hall_text, area, area_code, runtime_text, runtime_minutes, age_text, age_minimum, cast_text, "cast", crew_text, crew, producer_text, production_company, planning_company, host, organizer, price_text, price_tiers, min_price, max_price, schedule_text, schedule_slots, synopsis, poster_url, is_open_run, is_child, is_visiting, is_daehakro, is_festival, is_musical_license, is_musical_create, kopis_registered_at, kopis_updated_at, detail_status, content_hash, created_at, updated_at FROM performances WHERE id = '${id}'`,
		);
		if (synopsis !== null) {
			await database.client.execute({
				sql: 'UPDATE performances SET synopsis = ? WHERE id = ?',
				args: [synopsis, newId],
			});
		}
		const previous = process.env.DATABASE_URL;
		process.env.DATABASE_URL = site.databaseUrl;
		try {
			const { createServer } = await import('node:http');
			const { handler } = (await import(site.serverEntry)) as {
				handler: (req: unknown, res: unknown) => Promise<void>;
			};
			const server = createServer((req, res) => void handler(req, res));
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			const address = server.address();
			const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
			try {
				await check(base);
			} finally {
				server.close();
				server.closeAllConnections();
			}
		} finally {
			if (previous === undefined) delete process.env.DATABASE_URL;
			else process.env.DATABASE_URL = previous;
			await database.client.execute({
				sql: 'DELETE FROM performances WHERE id = ?',
				args: [newId],
			});
		}
	}

	test('renders a performance added after the build, and a 404 for an unknown id', async () => {
		await withNewPerformance('PF999999', null, async (base) => {
			const found = await fetch(`${base}/performances/PF999999/`);
			expect(found.status).toBe(200);
			const html = await found.text();
			expect(textOf(element(html, '<h1\\b'))).toBe('새로 들어온 공연');
			expect(elements(html, 'data-section="same-venue"')).toHaveLength(1);
			const missing = await fetch(`${base}/performances/PF999998/`);
			expect(missing.status).toBe(404);
			expect(await missing.text()).toContain('페이지를 찾을 수 없습니다');
			const junk = await fetch(`${base}/performances/not-an-id/`);
			expect(junk.status).toBe(404);
		});
	});

	test('shows the stored synopsis as text: `&lt;` stays `&lt;`, a bad reference stays as written', async () => {
		// What the ingest stores for `<p>&amp;lt;b&amp;gt; 굵게</p><p>&#1114112; &lt;끝&gt;</p>`.
		const stored = htmlToText('<p>&amp;lt;b&amp;gt; 굵게</p><p>&#1114112; &lt;끝&gt;</p>');
		expect(stored).toBe('&lt;b&gt; 굵게\n\n&#1114112; <끝>');
		await withNewPerformance('PF999997', stored, async (base) => {
			const response = await fetch(`${base}/performances/PF999997/`);
			expect(response.status).toBe(200);
			const intro = element(await response.text(), 'data-section="intro"');
			const paragraphs = elements(intro, '<p\\b').map(textOf);
			expect(paragraphs).toEqual(['&lt;b&gt; 굵게', '&#1114112; <끝>']);
			// Escaped once by the page, so the browser shows the characters `&lt;b&gt;`.
			expect(intro).toContain('&amp;lt;b&amp;gt; 굵게');
			expect(intro).not.toContain('<b>');
		});
	});
});
