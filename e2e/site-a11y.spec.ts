import { expect, test } from '@playwright/test';
import { findPerformance, searchFor, seriousViolations } from './site-helpers.ts';

test('home has no serious or critical accessibility violations', async ({ page }) => {
	await page.goto('/');
	expect(await seriousViolations(page)).toEqual([]);
});

test('a performance page has no serious or critical accessibility violations', async ({
	page,
	request,
}) => {
	await page.goto((await findPerformance(request)).path);
	await expect(page.getByRole('button', { name: /찜하기/ })).toBeEnabled();
	expect(await seriousViolations(page)).toEqual([]);
});

test('the search page with results has no serious or critical accessibility violations', async ({
	page,
	request,
}) => {
	await searchFor(page, (await findPerformance(request)).venue);
	await expect(page.locator('cp-search [data-results] li').first()).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('a genre page has no serious or critical accessibility violations', async ({ page }) => {
	await page.goto('/genres/');
	await page.locator('.browse-link').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});
