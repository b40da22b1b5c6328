/**
 * Reviews and favorites in the browser, against the real server and the demo audience: a visitor
 * sees the reviews and a prompt to log in; the demo account logs in → favorites → reviews → edits
 * the review (to hostile markup, which must show as text and never run) → finds it on the
 * profile → deletes the review → unfavorites.
 *
 * One log-in (one argon2 call from 127.0.0.1, whose budget the account test mostly spends). The
 * performance is picked from the sitemap; whatever an earlier, interrupted run left on it is
 * cleared through the API first, so the test can run again on the same database.
 */
import { expect, type Page, test } from '@playwright/test';
import { DEMO_ACCOUNT } from '../demo/audience/users.ts';
import { performancePaths, watchCsp } from './site-helpers.ts';
import { XSS_PAYLOADS } from './xss-payloads.ts';

const HOSTILE_TITLE = '<img src=x onerror="window.__xss=\'title\'">';
const HOSTILE_BODY = '</p><script>window.__xss="body"</script>\n<b>굵게</b> & 두 번째 줄';

interface ReviewState {
	mine: { id: number } | null;
	summary: { count: number };
}

/** A write through the API as the page's own script would send it (same origin). */
async function remove(page: Page, path: string): Promise<void> {
	const origin = new URL(page.url()).origin;
	const response = await page.request.delete(path, { headers: { Origin: origin } });
	expect(response.status()).toBe(204);
}

async function reviewState(page: Page, id: string): Promise<ReviewState> {
	const response = await page.request.get(`/api/performances/${id}/reviews`);
	expect(response.status()).toBe(200);
	return (await response.json()) as ReviewState;
}

/** Dismisses every dialog (an alert would mean a script ran) and lists their messages. */
function dismissDialogs(page: Page): string[] {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	return dialogs;
}

/** The sitemap's first performance page and its id. */
async function firstPerformance(page: Page): Promise<{ path: string; id: string }> {
	const [path] = await performancePaths(page.request);
	if (path === undefined) throw new Error('the sitemap lists no performance');
	return { path, id: /PF\d+/.exec(path)?.[0] ?? '' };
}

test('a visitor sees the reviews; a member favorites, reviews, edits, deletes and unfavorites', async ({
	page,
}) => {
	const violations = watchCsp(page);
	const dialogs = dismissDialogs(page);
	const { path, id } = await firstPerformance(page);
	const reviews = page.locator('cp-reviews');
	const favorite = page.locator('cp-favorite-button button');

	// A visitor: the list loads, the form is replaced by a prompt to log in.
	await page.goto(path);
	await expect(reviews.getByRole('link', { name: '로그인' })).toBeVisible();
	await expect(reviews.locator('[data-form]')).toBeHidden();
	await expect(reviews.locator('[data-status]')).toHaveText(/후기 \d+개|아직 후기가 없습니다/);
	await expect(favorite).toBeEnabled();

	// Log in through the form, coming back to the performance.
	await reviews.getByRole('link', { name: '로그인' }).click();
	const login = page.getByRole('form', { name: '로그인' });
	await login.getByLabel('이메일').fill(DEMO_ACCOUNT.email);
	await login.getByLabel('비밀번호').fill(DEMO_ACCOUNT.password);
	await login.getByRole('button', { name: '로그인' }).click();
	await expect(page).toHaveURL(new RegExp(`${path}$`));

	// Start clean: no review or favorite of this show from an interrupted run.
	const before = await reviewState(page, id);
	if (before.mine !== null) await remove(page, `/api/reviews/${before.mine.id}`);
	await remove(page, `/api/favorites/${id}`);
	const baseline = (await reviewState(page, id)).summary.count;
	await page.reload();

	// Favorite.
	await expect(favorite).toHaveAttribute('aria-pressed', 'false');
	await expect(favorite).toBeEnabled();
	await favorite.click();
	await expect(favorite).toHaveAttribute('aria-pressed', 'true');
	await expect(page.locator('cp-favorite-button [data-status]')).toHaveText(
		'찜 목록에 담았습니다.',
	);

	// Review, with a spoiler that stays folded until asked for.
	const form = reviews.locator('[data-form]');
	await form.getByLabel('별점').selectOption('4.5');
	await form.getByLabel(/^제목/).fill('두 번 봐도 좋은 무대');
	await form.getByLabel(/^내용/).fill('마지막 장면의 반전이 대단합니다.');
	await form.getByLabel(/스포일러가 있습니다/).check();
	await form.getByRole('button', { name: '후기 등록' }).click();
	await expect(reviews.locator('[data-form-status]')).toHaveText('후기를 등록했습니다.');
	const mine = reviews.locator('[data-mine]');
	await expect(mine.getByText('두 번 봐도 좋은 무대')).toBeVisible();
	await expect(mine.getByText('마지막 장면의 반전이 대단합니다.')).toBeHidden();
	await mine.getByText('스포일러가 있는 후기입니다. 눌러서 보기').click();
	await expect(mine.getByText('마지막 장면의 반전이 대단합니다.')).toBeVisible();
	await expect(page.locator('[data-rating-count]')).toHaveText(String(baseline + 1));
	await expect(form).toBeHidden();

	// Edit in place, to hostile markup: it must show as text and never run.
	await mine.getByRole('button', { name: '수정' }).click();
	await expect(form.getByLabel(/^제목/)).toHaveValue('두 번 봐도 좋은 무대');
	await form.getByLabel('별점').selectOption('1');
	await form.getByLabel(/^제목/).fill(HOSTILE_TITLE);
	await form.getByLabel(/^내용/).fill(HOSTILE_BODY);
	await form.getByLabel(/스포일러가 있습니다/).uncheck();
	await form.getByRole('button', { name: '수정 저장' }).click();
	await expect(reviews.locator('[data-form-status]')).toHaveText('후기를 수정했습니다.');
	await expect(mine.getByText(HOSTILE_TITLE)).toBeVisible();
	await expect(mine.getByText('<b>굵게</b> & 두 번째 줄')).toBeVisible();
	await expect(mine.getByText('(수정됨)')).toBeVisible();
	const listed = reviews.locator(`[data-list] li:has-text('${HOSTILE_TITLE.slice(0, 12)}')`);
	await expect(listed.first()).toBeVisible();
	expect(await reviews.locator('img, script, b').count()).toBe(0);
	expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();

	// The profile shows it in the viewing history, and the favorite.
	await page.goto('/account/');
	const history = page.locator('cp-viewing-history');
	const row = history.locator('li', { hasText: '내 별점 ★ 1.0' }).first();
	await expect(row).toBeVisible();
	const title = (await row.locator('a').textContent()) ?? '';
	await expect(page.locator('cp-favorite-list li', { hasText: title }).first()).toBeVisible();
	await expect(page.locator('cp-viewing-stats [data-stat="reviewCount"]')).toHaveText(/\d+편/);

	// Delete the review, after confirming.
	await page.goto(path);
	await mine.getByRole('button', { name: '삭제' }).click();
	await expect(mine.getByText('이 후기를 삭제할까요?')).toBeVisible();
	await mine.locator('[data-confirm-delete]').click();
	await expect(reviews.locator('[data-form-status]')).toHaveText('후기를 삭제했습니다.');
	await expect(mine).toBeHidden();
	await expect(form.getByRole('button', { name: '후기 등록' })).toBeVisible();
	await expect(page.locator('[data-rating-summary]')).not.toContainText(HOSTILE_TITLE);

	// Unfavorite.
	await expect(favorite).toHaveAttribute('aria-pressed', 'true');
	await favorite.click();
	await expect(favorite).toHaveAttribute('aria-pressed', 'false');

	const after = await reviewState(page, id);
	expect(after.mine).toBeNull();
	expect(after.summary.count).toBe(baseline);
	expect(await (await page.request.get(`/api/favorites/${id}`)).json()).toEqual({
		favorite: false,
	});
	expect(dialogs).toEqual([]);
	expect(violations).toEqual([]);
});

test('hostile text in every review field shows as text and never runs', async ({ page }) => {
	const dialogs = dismissDialogs(page);
	const { path, id } = await firstPerformance(page);
	const at = new Date().toISOString();
	const hostile = XSS_PAYLOADS.map((payload, index) => ({
		id: index + 1,
		performanceId: id,
		username: payload,
		rating: 0.5 + (index % 10) / 2,
		title: payload,
		body: payload,
		seenOn: null,
		hasSpoilers: index % 3 === 0,
		createdAt: at,
		updatedAt: at,
	}));
	// The island is the only place review text becomes DOM: serve it a page of payloads (the API
	// tests show the server stores and returns them unchanged).
	await page.route(`**/api/performances/${id}/reviews?**`, (route) =>
		route.fulfill({
			json: {
				summary: { average: 2.7, count: hostile.length, histogram: [30, 30, 30, 30, 30] },
				sort: 'newest',
				paging: { page: 1, perPage: hostile.length, total: hostile.length, pages: 1 },
				reviews: hostile,
				mine: null,
			},
		}),
	);
	await page.goto(path);
	const items = page.locator('cp-reviews [data-list] > li');
	await expect(items).toHaveCount(hostile.length);
	await page.locator('cp-reviews [data-list] details').evaluateAll((all) => {
		for (const details of all) (details as HTMLDetailsElement).open = true;
	});

	const rendered = await page.locator('cp-reviews [data-list]').evaluate((list) => ({
		tags: [...new Set([...list.querySelectorAll('*')].map((node) => node.tagName.toLowerCase()))],
		handlers: [...list.querySelectorAll('*')].flatMap((node) =>
			[...node.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
		),
		titles: [...list.querySelectorAll('li > h4')].map((node) => node.textContent),
		bodies: [...list.querySelectorAll('.review-text')].map((node) => node.textContent),
		names: [...list.querySelectorAll('li > p > span.fw-semibold')].map((node) => node.textContent),
	}));
	expect(rendered.tags.sort()).toEqual(['br', 'details', 'h4', 'li', 'p', 'span', 'summary']);
	expect(rendered.handlers).toEqual([]);
	expect(rendered.titles).toEqual(XSS_PAYLOADS);
	// Line breaks become <br>, which textContent leaves out.
	expect(rendered.bodies).toEqual(XSS_PAYLOADS.map((payload) => payload.replaceAll('\n', '')));
	expect(rendered.names).toEqual(XSS_PAYLOADS);
	expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
	expect(dialogs).toEqual([]);
});
