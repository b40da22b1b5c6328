/**
 * Recommendations in the browser, against the real server and the small demo dataset: a visitor
 * is asked to log in; a new member gets the cold-start list (box office) and steers it with a
 * tag; after favoriting one recommended show on its page and reviewing another, the list is
 * personal, leaves both out and explains itself by them.
 *
 * One sign-up (one argon2 call from 127.0.0.1), through the API: the sign-up form has its own test.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations, watchCsp } from './site-helpers.ts';

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a member gets recommendations that follow a picked tag, a favorite and a review', async ({
	page,
}) => {
	const violations = watchCsp(page);
	const board = page.locator('cp-recommendation-board');
	const status = board.locator('[data-part="status"]');
	const cards = board.locator('[data-part="list"] > li');

	// A visitor is asked to log in.
	await page.goto('/recommendations/');
	await expect(status).toHaveText('추천은 로그인한 회원에게 보여 드립니다.');
	await expect(board.getByRole('link', { name: '로그인하고 추천 받기' })).toBeVisible();

	// A new member, signed up through the API (the context keeps the session cookie).
	const origin = new URL(page.url()).origin;
	const stamp = Date.now().toString(36);
	const signUp = await page.request.post('/api/accounts', {
		headers: { Origin: origin },
		data: {
			email: `rec${stamp}@example.com`,
			username: `추천${stamp}`,
			password: `공연 추천 받는 날 ${stamp}`,
		},
	});
	expect(signUp.status()).toBe(201);

	// No history yet: the cold-start list, then steered by a tag kept in the address.
	await page.goto('/recommendations/');
	await expect(status).toContainText('아직 후기나 찜이 없어');
	await expect(cards.first()).toBeVisible();
	const chip = board.locator('[data-part="chips"] label').first();
	await expect(chip).toBeEnabled();
	const tag = ((await chip.textContent()) ?? '').trim();
	await chip.click();
	await expect(page).toHaveURL(/[?&]tags=/);
	await expect(status).toContainText(`고른 태그: ${tag}`);

	// Favorite the first recommended show on its page; review the second through the API.
	const links = board.locator('[data-part="list"] a');
	const [favoritePath, reviewedPath] = await links.evaluateAll((anchors) =>
		anchors.slice(0, 2).map((anchor) => anchor.getAttribute('href') ?? ''),
	);
	const reviewedTitle = ((await links.nth(1).textContent()) ?? '').trim();
	if (favoritePath === undefined || reviewedPath === undefined)
		throw new Error('fewer than two recommendations');
	await page.goto(favoritePath);
	const favoriteTitle = ((await page.locator('h1').first().textContent()) ?? '').trim();
	const favorite = page.locator('cp-favorite-button button');
	await expect(favorite).toBeEnabled();
	await favorite.click();
	await expect(favorite).toHaveAttribute('aria-pressed', 'true');
	const reviewedId = /PF\d+/.exec(reviewedPath)?.[0] ?? '';
	const review = await page.request.post(`/api/performances/${reviewedId}/reviews`, {
		headers: { Origin: origin },
		data: { rating: 5 },
	});
	expect(review.status()).toBe(201);

	// The list is now personal, leaves both shows out and names them in its reasons.
	await page.goto('/recommendations/');
	await expect(status).toContainText('내 후기와 찜을 바탕으로 골랐어요.');
	await expect(cards.first()).toBeVisible();
	const shown = await links.evaluateAll((anchors) =>
		anchors.map((anchor) => anchor.getAttribute('href')),
	);
	expect(shown).not.toContain(favoritePath);
	expect(shown).not.toContain(reviewedPath);
	const byHistory = new RegExp(
		`즐겨찾기한 '${escapeRegExp(favoriteTitle)}'|'${escapeRegExp(reviewedTitle)}'에 5점을 준|5점을 준 '${escapeRegExp(reviewedTitle)}'`,
	);
	await expect(
		board.locator('.recommend-reasons li').filter({ hasText: byHistory }).first(),
	).toBeVisible();

	expect(await seriousViolations(page)).toEqual([]);
	expect(violations).toEqual([]);
});
