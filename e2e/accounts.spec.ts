/**
 * An account's whole life in the browser, against the real server: sign up → log out → log in →
 * edit the profile → change the password → delete the account. Along the way: the browser
 * checks speak Korean before anything is sent, the API's answers land beside the right field,
 * the header island follows the login state, and no page trips the CSP.
 *
 * Every request comes from 127.0.0.1, whose argon2 budget is 5 calls plus one per 30 s
 * (docs/SECURITY.md), so the flow makes exactly four (sign-up, log-in, password change, deletion);
 * wrong passwords and the like are covered by the API tests.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { watchCsp } from './site-helpers.ts';

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const email = `e2e.${run}@example.com`;
const username = `관객${run}`.slice(0, 20);
const firstPassword = '연극을 보러 가는 토요일 밤';
const secondPassword = '뮤지컬이 끝나고 걷는 길';

async function signedInAs(page: Page, name: string): Promise<void> {
	await expect(page.locator('cp-account-menu [data-username]')).toHaveText(name);
}

async function signedOut(page: Page): Promise<void> {
	await expect(page.locator('cp-account-menu [data-signed-out]')).toBeVisible();
	expect((await page.request.get('/api/me')).status()).toBe(401);
}

test('an account from sign-up to deletion', async ({ page }) => {
	const violations = watchCsp(page);

	// Sign up: the browser refuses what the API would refuse, in the API's words.
	await page.goto('/account/signup/');
	const signUp = page.getByRole('form', { name: '회원가입' });
	await expect(signUp.getByRole('button', { name: '가입하기' })).toBeEnabled();
	await signUp.getByLabel('이메일').fill('not-an-email');
	await signUp.getByLabel('비밀번호', { exact: true }).fill('short');
	await signUp.getByRole('button', { name: '가입하기' }).click();
	await expect(signUp.getByText('이메일 형식이 올바르지 않습니다.')).toBeVisible();
	await expect(signUp.getByText('비밀번호는 8자 이상이어야 합니다.')).toBeVisible();
	await expect(
		signUp.getByText('이용약관과 개인정보처리방침에 동의해야 가입할 수 있습니다.'),
	).toBeVisible();
	await expect(signUp.getByLabel('이메일')).toBeFocused();

	// A common password passes the browser's checks; the API's answer lands on the field.
	await signUp.getByLabel('이메일').fill(email);
	await signUp.getByLabel('닉네임').fill(username);
	await signUp.getByLabel('비밀번호', { exact: true }).fill('password123');
	await signUp.getByLabel('비밀번호 확인').fill('password123');
	await signUp.getByLabel(/이용약관/).check();
	await signUp.getByRole('button', { name: '가입하기' }).click();
	await expect(signUp.getByText(/너무 흔합니다/).first()).toBeVisible();

	await signUp.getByLabel('비밀번호', { exact: true }).fill(firstPassword);
	await signUp.getByLabel('비밀번호 확인').fill(firstPassword);
	await signUp.getByRole('button', { name: '가입하기' }).click();
	await expect(page).toHaveURL(/\/account\/$/);
	await expect(page.getByRole('heading', { level: 1, name: '내 프로필' })).toBeVisible();
	await expect(page.getByText(email)).toBeVisible();
	await signedInAs(page, username);

	// Log out from the header: the profile page, now signed out, sends the visitor to log in
	// (waited for, or the next navigation would race that redirect).
	await page.getByRole('button', { name: '로그아웃' }).click();
	await expect(page).toHaveURL(/\/account\/login\/\?next=%2Faccount%2F$/);
	await signedOut(page);

	// Log in, coming back to the page that asked for it.
	await page.goto('/account/login/?next=%2Faccount%2Fedit%2F');
	const login = page.getByRole('form', { name: '로그인' });
	await login.getByLabel('이메일').fill(email);
	await login.getByLabel('비밀번호').fill(firstPassword);
	await login.getByRole('button', { name: '로그인' }).click();
	await expect(page).toHaveURL(/\/account\/edit\/$/);
	await signedInAs(page, username);

	// Edit the profile: the form arrives filled in, and the profile page shows the change.
	const profile = page.getByRole('form', { name: '프로필 수정' });
	await expect(profile.getByLabel('닉네임')).toHaveValue(username);
	const renamed = `${username.slice(0, 17)}_새`;
	await profile.getByLabel('닉네임').fill(renamed);
	await profile.getByLabel(/성별/).selectOption('female');
	await profile.getByLabel(/생일/).fill('1993-09-21');
	await profile.getByRole('button', { name: '저장' }).click();
	await expect(profile.getByRole('status')).toHaveText('저장했습니다.');
	await page.goto('/account/');
	await expect(page.locator('[data-field="username"]')).toHaveText(renamed);
	await expect(page.locator('[data-field="gender"]')).toHaveText('여성');
	await expect(page.locator('[data-field="birthday"]')).toHaveText('1993년 9월 21일');

	// Change the password: a mistyped confirmation is caught before anything is sent.
	await page.goto('/account/edit/');
	const password = page.getByRole('form', { name: '비밀번호 변경' });
	await expect(password.getByRole('button', { name: '비밀번호 변경' })).toBeEnabled();
	await password.getByLabel('현재 비밀번호').fill(firstPassword);
	await password.getByLabel('새 비밀번호', { exact: true }).fill(secondPassword);
	await password.getByLabel('새 비밀번호 확인').fill(`${secondPassword}!`);
	await password.getByRole('button', { name: '비밀번호 변경' }).click();
	await expect(password.getByText('새 비밀번호가 서로 다릅니다.')).toBeVisible();
	await password.getByLabel('현재 비밀번호').fill(firstPassword);
	await password.getByLabel('새 비밀번호', { exact: true }).fill(secondPassword);
	await password.getByLabel('새 비밀번호 확인').fill(secondPassword);
	await password.getByRole('button', { name: '비밀번호 변경' }).click();
	await expect(password.getByRole('status')).toContainText('비밀번호를 바꿨습니다.');
	// This browser got a fresh session cookie and stays signed in.
	expect((await page.request.get('/api/me')).status()).toBe(200);

	// Download my data, then delete the account.
	const exported = await page.request.get('/api/profile/export');
	expect(exported.status()).toBe(200);
	expect((await exported.json()).user).toMatchObject({
		email,
		username: renamed,
		gender: 'female',
	});

	await page.goto('/account/delete/');
	const remove = page.getByRole('form', { name: '회원 탈퇴' });
	await remove.getByLabel('비밀번호 확인').fill(secondPassword);
	await remove.getByRole('button', { name: '탈퇴하기' }).click();
	await expect(
		remove.getByText('모든 기록이 지워진다는 데 동의해야 탈퇴할 수 있습니다.'),
	).toBeVisible();
	await remove.getByLabel(/되돌릴 수 없다/).check();
	await remove.getByRole('button', { name: '탈퇴하기' }).click();
	await expect(page).toHaveURL(/\/$/);
	await signedOut(page);
	expect(violations).toEqual([]);
});

test('account pages send visitors who are not signed in to the login page', async ({ page }) => {
	for (const path of ['/account/', '/account/edit/', '/account/delete/']) {
		await page.goto(path);
		await expect(page).toHaveURL(new RegExp(`/account/login/\\?next=${encodeURIComponent(path)}$`));
	}
});

test('the privacy notice and terms are linked from sign-up and the footer', async ({ page }) => {
	await page.goto('/account/signup/');
	await expect(
		page.getByRole('form', { name: '회원가입' }).getByRole('link', { name: '개인정보처리방침' }),
	).toHaveAttribute('href', '/privacy/');
	await page.getByRole('contentinfo').getByRole('link', { name: '이용약관' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '이용약관' })).toBeVisible();
	await page.getByRole('contentinfo').getByRole('link', { name: '개인정보처리방침' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '개인정보처리방침' })).toBeVisible();
	for (const collected of ['이메일', '성별, 생일', '별점과 후기, 관람일, 찜한 공연']) {
		await expect(page.getByRole('cell', { name: collected, exact: true })).toBeVisible();
	}
});

test('the account pages, errors shown, have no accessibility violations', async ({ page }) => {
	for (const path of ['/account/signup/', '/account/login/', '/privacy/', '/terms/']) {
		await page.goto(path);
		const form = page.locator('cp-account-form form');
		if ((await form.count()) > 0) {
			await expect(form.getByRole('button').last()).toBeEnabled();
			// Submitting empty shows every message: those states must be accessible too.
			await form.getByRole('button').last().click();
			await expect(form.locator('[aria-invalid="true"]').first()).toBeVisible();
		}
		const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
		expect(violations.map((violation) => `${path} ${violation.id}`)).toEqual([]);
	}
});
