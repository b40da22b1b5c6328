import { z } from '@hono/zod-openapi';
import { expect, test } from 'vitest';
import { EMAIL_PATTERN, isPastBirthday } from '../../core/account-fields.ts';
import { isCalendarDate } from '../../core/calendar.ts';
import { koreanToday } from '../../core/korean-today.ts';
import { isCommonPassword } from '../auth/common-passwords.ts';
import { Birthday, Email, NewPassword, Username } from './fields.ts';

test.each([
	[7, false],
	[8, true],
	[64, true],
	[256, true],
	[257, false],
])('accepts a %i-character new password: %s', (length, ok) => {
	const password = 'kq7v'.repeat(100).slice(0, length);
	expect(NewPassword.safeParse(password).success).toBe(ok);
});

test('keeps a password exactly as typed, spaces included', () => {
	expect(NewPassword.parse('  spaced out passphrase  ')).toBe('  spaced out passphrase  ');
});

test('refuses common passwords whatever their case', () => {
	for (const password of ['password', 'Password1', 'qwerty123', 'iloveyou', '12345678']) {
		const result = NewPassword.safeParse(password);
		expect(result.success, password).toBe(false);
		expect(result.error?.issues[0]?.message).toContain('너무 흔합니다');
	}
	expect(isCommonPassword('연극 보러 가는 날')).toBe(false);
});

test('refuses lone surrogates, which could not be hashed faithfully', () => {
	expect(NewPassword.safeParse('abcdefgh\uD800').success).toBe(false);
	expect(NewPassword.safeParse('abcdefgh😀').success).toBe(true);
});

test('normalises email to trimmed lower case and refuses malformed ones', () => {
	expect(Email.parse('  Reader@Example.COM ')).toBe('reader@example.com');
	for (const email of [
		'reader',
		'a@b',
		'a b@example.com',
		'a\n@example.com',
		`${'a'.repeat(250)}@example.com`,
	]) {
		expect(Email.safeParse(email).success, email).toBe(false);
	}
});

test('accepts Hangul usernames and refuses markup and spaces', () => {
	expect(Username.parse(' 연극좋아_2 ')).toBe('연극좋아_2');
	for (const username of ['a', 'x'.repeat(21), '<script>', 'a b', "o'neil", '']) {
		expect(Username.safeParse(username).success, username).toBe(false);
	}
});

test('checks birthdays against the calendar and the Korean date', () => {
	expect(Birthday.safeParse('2000-02-29').success).toBe(true);
	expect(Birthday.safeParse('2001-02-29').success).toBe(false);
	expect(Birthday.safeParse('2001-13-01').success).toBe(false);
	expect(Birthday.safeParse('20010101').success).toBe(false);
	expect(isCalendarDate('1999-12-31')).toBe(true);
	// 2025-05-01 16:00 UTC is already 2 May in Korea.
	const now = Date.UTC(2025, 4, 1, 16, 0);
	expect(koreanToday(now)).toBe('2025-05-02');
	expect(isPastBirthday('2025-05-01', now)).toBe(true);
	expect(isPastBirthday('2025-05-02', now)).toBe(false);
	expect(isPastBirthday('1899-12-31', now)).toBe(false);
});

test('checks email with zod’s own pattern, written out in core for the browser', () => {
	expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source);
	expect(EMAIL_PATTERN.flags).toBe(z.regexes.email.flags);
});
