import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPagefindInNode, type NodePagefind } from '../../test/pagefind-node.ts';
import { indexSearchBundles, withSearchTerms } from './index-site.ts';

interface FixturePage {
	id: string;
	title: string;
	venue: string;
	cast: string[];
	producer: string;
	genre: string;
	region: string;
	start: string;
}

const PAGES: FixturePage[] = [
	{
		id: 'PF1',
		title: '[대구] 뮤지컬레미제라블',
		venue: '김주현아트홀',
		cast: ['홍길동', '성춘향'],
		producer: '달빛창작소',
		genre: '뮤지컬',
		region: '대구',
		start: '2026-01-10',
	},
	{
		id: 'PF2',
		title: '오페라의 유령',
		venue: '샤롯데씨어터',
		cast: ['박지민'],
		producer: '에스앤코',
		genre: '뮤지컬',
		region: '서울',
		start: '2026-03-01',
	},
	{
		id: 'PF3',
		title: '연극 빈 무대',
		venue: '대학로 예술극장',
		cast: [],
		producer: '극단 시월',
		genre: '연극',
		region: '서울',
		start: '2025-12-01',
	},
];

function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}

/** A page shaped like PerformanceView's output, with the facets and the terms marker. */
function html(page: FixturePage): string {
	const terms = [page.title, page.venue, ...page.cast, page.producer];
	return `<!doctype html><html lang="ko"><head><title>${escapeHtml(page.title)}</title></head><body>
<header data-pagefind-ignore="all"><a href="/">홈</a> 검색</header>
<article data-pagefind-body>
<div hidden data-pagefind-ignore><span data-pagefind-meta="venue">${escapeHtml(page.venue)}</span>
<span data-pagefind-filter="genre">${page.genre}</span><span data-pagefind-filter="region">${page.region}</span>
<span data-pagefind-sort="start[data-value]" data-value="${page.start}"></span></div>
<div hidden data-search-terms="${escapeHtml(JSON.stringify(terms))}"></div>
<h1 data-pagefind-meta="title">${escapeHtml(page.title)}</h1>
<p><a href="/venues/x/">${escapeHtml(page.venue)}</a></p>
<ul>${page.cast.map((name) => `<li>${escapeHtml(name)}</li>`).join('')}</ul>
<dl><dt>제작사</dt><dd>${escapeHtml(page.producer)}</dd></dl>
</article></body></html>`;
}

let dir: string;
let search: NodePagefind;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'culturepedia-index-'));
	for (const page of PAGES) {
		const file = join(dir, 'performances', page.id, 'index.html');
		await mkdir(dirname(file), { recursive: true });
		await writeFile(file, html(page));
	}
	// A page without data-pagefind-body (a person page) must stay out of the index.
	await mkdir(join(dir, 'people', 'x'), { recursive: true });
	await writeFile(
		join(dir, 'people', 'x', 'index.html'),
		'<html lang="ko"><body>홍길동 레미제라블</body></html>',
	);
	const { main, sorted } = await indexSearchBundles(dir);
	expect(main.pages).toBe(3);
	expect(sorted.pages).toBe(3);
	search = await loadPagefindInNode(join(dir, 'pagefind-sorted'));
});

afterAll(async () => {
	search?.close();
	await rm(dir, { recursive: true, force: true });
});

describe('withSearchTerms', () => {
	test('replaces the marker with weighted partial words and leaves other pages alone', () => {
		const page = PAGES[0];
		if (page === undefined) throw new Error('fixture');
		const prepared = withSearchTerms(html(page));
		expect(prepared.html).not.toContain('data-search-terms');
		expect(prepared.html).toMatch(/<div data-pagefind-weight="0.5">[^<]*아트홀[^<]*<\/div>/);
		expect(prepared.terms).toBeGreaterThan(10);
		expect(withSearchTerms('<p>no marker</p>')).toEqual({ html: '<p>no marker</p>', terms: 0 });
	});

	test('reads a reference to no character as the text it is instead of throwing', () => {
		const prepared = withSearchTerms(
			'<div hidden data-search-terms="[&quot;김주현아트홀&#1114112;x&#xD800;&quot;]"></div>',
		);
		// `&#1114112;` and `&#xD800;` stay as written: `#`, `;` and `&` split words, digits stay.
		expect(prepared.html).toMatch(/<div data-pagefind-weight="0.5">[^<]*아트홀 [^<]*<\/div>/);
		expect(prepared.html).toContain(' 현아트홀 ');
	});

	test('refuses a marker that is not a list of strings', () => {
		expect(() =>
			withSearchTerms('<div hidden data-search-terms="{&quot;a&quot;:1}"></div>'),
		).toThrow(/JSON array of strings/);
	});
});

describe('Korean search over the built index', () => {
	test.each([
		['the whole title', '뮤지컬레미제라블', '/performances/PF1/'],
		['a word from the middle of the title', '레미', '/performances/PF1/'],
		['the end of a compound venue name', '아트홀', '/performances/PF1/'],
		['a compound name typed with a space', '김주현 아트홀', '/performances/PF1/'],
		['a name with a particle', '김주현아트홀에서', '/performances/PF1/'],
		['a cast member', '홍길동', '/performances/PF1/'],
		["a cast member's given name", '길동', '/performances/PF1/'],
		['the producer, partly', '창작소', '/performances/PF1/'],
		['a spaced title typed without the space', '오페라의유령', '/performances/PF2/'],
		['a title word with its particle dropped', '오페라', '/performances/PF2/'],
		['a venue word', '예술극장', '/performances/PF3/'],
	])('finds %s (%s)', async (_case, query, expected) => {
		const { normalizeQuery } = await import('./korean-query.ts');
		expect(await search.searchUrls(normalizeQuery(query))).toContain(expected);
	});

	test('does not match across pages or from pages outside the body', async () => {
		expect(await search.searchUrls('레미')).toEqual(['/performances/PF1/']);
		expect(await search.searchUrls('홈')).toEqual([]);
	});

	test('narrows by filters and sorts by a key without a query', async () => {
		expect(await search.searchUrls(null, { filters: { genre: '뮤지컬', region: '서울' } })).toEqual(
			['/performances/PF2/'],
		);
		expect(await search.searchUrls('유령', { filters: { region: '대구' } })).toEqual([]);
		const byStart = await search.searchUrls(null, {
			filters: { genre: { any: ['뮤지컬', '연극'] } },
			sort: { start: 'asc' },
		});
		expect(byStart).toEqual(['/performances/PF3/', '/performances/PF1/', '/performances/PF2/']);
	});

	test('keeps sort keys out of the bundle every first search loads', async () => {
		const meta = async (bundle: string): Promise<string> => {
			const files = await readdir(join(dir, bundle));
			const file = files.find((name) => name.endsWith('.pf_meta'));
			if (file === undefined) throw new Error(`${bundle} has no metadata`);
			return gunzipSync(await readFile(join(dir, bundle, file))).toString('latin1');
		};
		expect(await meta('pagefind-sorted')).toContain('start');
		expect(await meta('pagefind')).not.toContain('start');
		const plain = await loadPagefindInNode(join(dir, 'pagefind'));
		try {
			expect((await plain.searchUrls('레미')).length).toBe(1);
		} finally {
			plain.close();
		}
	});

	test('keeps the terms out of the pages visitors download', async () => {
		const page = await readFile(join(dir, 'performances', 'PF1', 'index.html'), 'utf8');
		expect(page).not.toContain('data-pagefind-weight');
	});
});
