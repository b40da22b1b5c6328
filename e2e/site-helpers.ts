/**
 * Shared by the site's browser tests. They know no ids: performances are picked from the built
 * site itself (sitemap, then pages), so the same specs run on any dataset.
 */
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page } from '@playwright/test';

export interface PerformanceFacts {
	path: string;
	title: string;
	/** A cast member's name. */
	actor: string;
	venue: string;
	producer: string;
}

function text(html: string): string {
	return html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}

function first(html: string, pattern: RegExp): string | null {
	const match = pattern.exec(html);
	return match?.[1] === undefined ? null : text(match[1]);
}

/** Every performance path listed in the sitemap. */
export async function performancePaths(request: APIRequestContext): Promise<string[]> {
	const index = await (await request.get('/sitemap.xml')).text();
	const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
		(match) => new URL(match[1] ?? '').pathname,
	);
	const paths: string[] = [];
	for (const part of parts) {
		const xml = await (await request.get(part)).text();
		for (const match of xml.matchAll(/<loc>([^<]+\/performances\/PF\d+\/)<\/loc>/g)) {
			paths.push(new URL(match[1] ?? '').pathname);
		}
	}
	return paths;
}

/** The first performance whose page names a cast member, a venue and a producer. */
export async function findPerformance(request: APIRequestContext): Promise<PerformanceFacts> {
	for (const path of await performancePaths(request)) {
		const html = await (await request.get(path)).text();
		const title = first(html, /<h1[^>]*>([\s\S]*?)<\/h1>/);
		const actor = first(html, /data-section="cast"[\s\S]*?<a class="person"[^>]*>([^<]+)</);
		const venue =
			first(html, /data-section="venue"[^>]*>([\s\S]*?)<\/dd>/)?.split(' · ')[0] ?? null;
		const producer = first(html, /data-section="producers"[\s\S]*?<dd[^>]*>([\s\S]*?)<\/dd>/);
		if (title !== null && actor !== null && venue !== null && producer !== null) {
			return { path, title, actor, venue, producer };
		}
	}
	throw new Error('no performance page names a cast member, a venue and a producer');
}

/** Types into the search page's box and waits for the results of exactly that query. */
export async function searchFor(page: Page, query: string): Promise<void> {
	await page.goto('/search/');
	await page.getByLabel('검색어').fill(query);
	await page.getByRole('button', { name: '검색', exact: true }).last().click();
	await expect(page.getByRole('status').first()).toHaveText(/검색 결과|없습니다/);
}

/** The number in "검색 결과 N건". */
export async function resultCount(page: Page): Promise<number> {
	const status = await page.locator('cp-search [data-status]').textContent();
	const match = /검색 결과 ([\d,]+)건/.exec(status ?? '');
	return match?.[1] === undefined ? 0 : Number(match[1].replaceAll(',', ''));
}

export function resultLinks(page: Page) {
	return page.locator('cp-search [data-results] a');
}

/**
 * The paths of the results shown, pressing "결과 더 보기" until `wanted` is among them or all
 * results are shown: a common name can match more shows than the first page holds.
 */
export async function resultPaths(page: Page, wanted: string): Promise<string[]> {
	const more = page.getByRole('button', { name: '결과 더 보기' });
	for (;;) {
		const paths = await resultLinks(page).evaluateAll((anchors) =>
			anchors.map((anchor) => anchor.getAttribute('href') ?? ''),
		);
		if (paths.includes(wanted) || !(await more.isVisible())) return paths;
		await more.click();
		await expect(resultLinks(page)).not.toHaveCount(paths.length);
	}
}

/** Fails the test on any CSP violation the page reports. */
export function watchCsp(page: Page): string[] {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
	});
	return violations;
}

/** axe's WCAG 2 A/AA findings of serious or critical impact, one line each with their nodes. */
export async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	return violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map(
			(violation) =>
				`${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
		);
}
