import { expect, test } from '@playwright/test';
import { findPerformance, watchCsp } from './site-helpers.ts';

test('a detail page shows every section and its islands come alive', async ({ page, request }) => {
	const { path, title } = await findPerformance(request);
	const violations = watchCsp(page);
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	for (const heading of [
		'공연 소개',
		'공연 일정',
		'티켓 가격',
		'출연진과 제작진',
		'예매처',
		'평점과 관람 후기',
		'같은 출연진의 다른 공연',
	]) {
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	}
	await expect(
		page.getByRole('heading', { level: 2, name: /의 다른 공연$/ }).first(),
	).toBeVisible();
	await expect(page.locator('[data-section="cast"] a.person').first()).toBeVisible();
	await expect(page.locator('.poster-frame img[srcset]').first()).toBeVisible();

	// Islands: enabled once their script runs, whatever the API answers.
	await expect(page.getByRole('button', { name: /찜하기/ })).toBeEnabled();
	await expect(page.locator('cp-reviews [data-status]')).not.toHaveText(
		'후기 목록은 자바스크립트를 켜면 볼 수 있습니다.',
	);
	await expect(page.getByRole('link', { name: '로그인' }).first()).toHaveAttribute(
		'href',
		/\/account\/login\/\?next=/,
	);
	expect(violations).toEqual([]);
});

test('the box office tabs switch rankings with the keyboard', async ({ page }) => {
	await page.goto('/');
	const tabs = page.getByRole('tab');
	test.skip((await tabs.count()) < 2, 'the dataset has a single ranking');
	await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
	await tabs.first().focus();
	await page.keyboard.press('ArrowRight');
	await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
	await expect(tabs.nth(1)).toBeFocused();
	await expect(page.getByRole('tabpanel')).toHaveCount(1);
});

test('pages work without JavaScript', async ({ browser, request }) => {
	const { path, title } = await findPerformance(request);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('button', { name: /찜하기/ })).toBeDisabled();
	await page.goto('/');
	// Without the tabs island every ranking is listed under its own heading.
	expect(await page.locator('[role="tabpanel"]:visible').count()).toBe(
		await page.locator('[role="tabpanel"]').count(),
	);
	await context.close();
});

test('an unknown page answers 404 with the site’s page', async ({ page }) => {
	const response = await page.goto('/no-such-page/');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('페이지를 찾을 수 없습니다');
});

test('pages carry validators: a repeat request with the ETag gets 304, security headers kept', async ({
	request,
}) => {
	const { path } = await findPerformance(request);
	const first = await request.get(path);
	expect(first.status()).toBe(200);
	const etag = first.headers().etag;
	expect(etag).toMatch(/^"[\w-]+"$/);
	expect(first.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
	const again = await request.get(path, { headers: { 'If-None-Match': etag ?? '' } });
	expect(again.status()).toBe(304);
	expect(again.headers().etag).toBe(etag);
	expect(again.headers()['content-security-policy']).toContain("default-src 'self'");
	expect(again.headers()['x-content-type-options']).toBe('nosniff');
});

test('a signed-out visit leaves no request open, so the page goes idle', async ({ page }) => {
	// The islands' 401 answers (who am I, recommendations) must be read or cancelled: an unread
	// body keeps its request open in the browser, and the page never reaches network idle.
	await page.goto('/', { waitUntil: 'networkidle', timeout: 15_000 });
	await expect(page.locator('cp-account-menu [data-signed-out]')).toBeVisible();
});
