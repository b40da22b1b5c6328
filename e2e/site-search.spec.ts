import { expect, test } from '@playwright/test';
import {
	findPerformance,
	type PerformanceFacts,
	resultCount,
	resultLinks,
	resultPaths,
	searchFor,
	watchCsp,
} from './site-helpers.ts';

let performance: PerformanceFacts;

test.beforeAll(async ({ request }) => {
	performance = await findPerformance(request);
});

/** Korean partial words: drop the first syllables, as a visitor typing the end of a name does. */
function tail(text: string, keep: number): string {
	const compact = [...text.replace(/[^\p{L}\p{N}]/gu, '')];
	return compact.slice(Math.max(0, compact.length - keep)).join('');
}

test('finds a performance by its title, from the header of another page', async ({ page }) => {
	const violations = watchCsp(page);
	await page.goto('/');
	await page.getByRole('searchbox', { name: '공연 검색' }).fill(performance.title);
	await page.getByRole('searchbox', { name: '공연 검색' }).press('Enter');
	await expect(page).toHaveURL(/\/search\/\?q=/);
	await expect(resultLinks(page).first()).toBeVisible();
	// Touring shows repeat a title at other venues; this one must be among them.
	expect(await resultPaths(page, performance.path)).toContain(performance.path);
	expect(violations).toEqual([]);
});

for (const [what, pick] of [
	['a cast member', (facts: PerformanceFacts) => facts.actor],
	['the venue', (facts: PerformanceFacts) => facts.venue],
	['the producer', (facts: PerformanceFacts) => facts.producer],
	[
		'the end of the venue name (a partial Korean word)',
		(facts: PerformanceFacts) => tail(facts.venue, 3),
	],
	[
		"the cast member's given name (a partial Korean word)",
		(facts: PerformanceFacts) => tail(facts.actor, 2),
	],
] as const) {
	test(`finds a performance by ${what}`, async ({ page }) => {
		const query = pick(performance);
		await searchFor(page, query);
		const links = await resultPaths(page, performance.path);
		expect(links, `search for ${query}`).toContain(performance.path);
	});
}

test('filters narrow the results and keep them in the URL', async ({ page }) => {
	await page.goto('/search/?sort=start-desc');
	await expect(page.locator('cp-search [data-status]')).toHaveText(/검색 결과 [\d,]+건/);
	const all = await resultCount(page);
	expect(all).toBeGreaterThan(1);

	const genre = page.getByLabel('장르');
	const genreName = (await genre.locator('option').nth(1).textContent()) ?? '';
	await genre.selectOption({ index: 1 });
	await expect(page).toHaveURL(/genre=/);
	await expect(page.locator('cp-search [data-status]')).toHaveText(/검색 결과|없습니다/);
	const byGenre = await resultCount(page);
	expect(byGenre).toBeLessThan(all);
	for (const badge of await page
		.locator('cp-search [data-results] .badge.text-bg-light')
		.allTextContents()) {
		expect(badge).toBe(genreName.trim());
	}

	await page.getByLabel('공연 상태').selectOption('공연중');
	await expect(page).toHaveURL(/state=/);
	await expect(page.locator('cp-search [data-status]')).not.toHaveText('검색하는 중…');
	const running = await resultCount(page);
	expect(running).toBeLessThanOrEqual(byGenre);
	for (const badge of await page
		.locator('cp-search [data-results] .state-badge')
		.allTextContents()) {
		expect(badge).toBe('공연중');
	}

	// Reloading the URL restores the same search.
	await page.reload();
	await expect(page.getByLabel('공연 상태')).toHaveValue('공연중');
	await expect(page.locator('cp-search [data-status]')).toHaveText(/검색 결과|없습니다/);
	expect(await resultCount(page)).toBe(running);
});

test('a month range keeps only performances running in it', async ({ page }) => {
	await page.goto('/search/?sort=start-asc');
	await expect(page.locator('cp-search [data-status]')).toHaveText(/검색 결과 [\d,]+건/);
	const all = await resultCount(page);
	const months = await page
		.getByLabel('부터')
		.locator('option')
		.evaluateAll((options) =>
			options.map((option) => (option as HTMLOptionElement).value).filter((value) => value !== ''),
		);
	const last = months.at(-1) ?? '';
	await page.getByLabel('부터').selectOption(last);
	await page.getByLabel('까지').selectOption(last);
	await expect(page).toHaveURL(new RegExp(`from=${last}`));
	await expect(page.locator('cp-search [data-status]')).toHaveText(/검색 결과|없습니다/);
	expect(await resultCount(page)).toBeLessThan(all);
	for (const dates of await page.locator('cp-search [data-results] .meta').allTextContents()) {
		const end = /~ (\d{4})\.(\d{2})\.\d{2}$/.exec(dates) ?? /^(\d{4})\.(\d{2})\.\d{2}$/.exec(dates);
		if (end !== null) expect(`${end[1]}-${end[2]}` >= last).toBe(true);
	}
});
