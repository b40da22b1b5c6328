import { describe, expect, test } from 'vitest';
import {
	BIRTHDAY_NOT_PAST,
	checkAccountField,
	isPastBirthday,
	latestBirthday,
} from './account-fields.ts';
import { GENDER_MESSAGE, GENDERS } from './gender.ts';

/** 2025-05-01 16:00 UTC: already 2 May in Korea. */
const NOW = Date.UTC(2025, 4, 1, 16, 0);

describe('email', () => {
	test('is checked trimmed and lower-cased', () => {
		expect(checkAccountField('email', '  Reader@Example.COM ', NOW)).toBeNull();
		expect(checkAccountField('email', '   ', NOW)).toBe('이메일을 입력해 주세요.');
	});

	test('names the first rule broken: length before shape', () => {
		expect(checkAccountField('email', `${'a'.repeat(250)}@example.com`, NOW)).toBe(
			'이메일은 254자 이하여야 합니다.',
		);
		for (const email of [
			'reader',
			'a@b',
			'a b@example.com',
			'.a@example.com',
			'한글@example.com',
		]) {
			expect(checkAccountField('email', email, NOW), email).toBe(
				'이메일 형식이 올바르지 않습니다.',
			);
		}
	});
});

describe('username', () => {
	test('counts characters after trimming and NFC', () => {
		// 연극 in decomposed jamo is 6 code units, 2 once composed.
		expect(checkAccountField('username', ' \u110b\u1167\u11ab\u1100\u1173\u11a8 ', NOW)).toBeNull();
		expect(checkAccountField('username', 'a', NOW)).toBe('닉네임은 2자 이상이어야 합니다.');
		expect(checkAccountField('username', 'x'.repeat(20), NOW)).toBeNull();
		expect(checkAccountField('username', 'x'.repeat(21), NOW)).toBe(
			'닉네임은 20자 이하여야 합니다.',
		);
	});

	test('takes letters, digits, _ . - only', () => {
		expect(checkAccountField('username', '연극좋아_2.x-y', NOW)).toBeNull();
		for (const name of ['<b>', 'a b', 'name!', '🎭🎭']) {
			expect(checkAccountField('username', name, NOW), name).toBe(
				'닉네임에는 글자, 숫자, 밑줄(_), 마침표(.), 하이픈(-)만 쓸 수 있습니다.',
			);
		}
	});
});

describe('passwords', () => {
	test('a new password is 8 to 256 characters as typed, spaces included', () => {
		expect(checkAccountField('password', '', NOW)).toBe('비밀번호를 입력해 주세요.');
		expect(checkAccountField('password', 'x'.repeat(7), NOW)).toBe(
			'비밀번호는 8자 이상이어야 합니다.',
		);
		expect(checkAccountField('password', '  spaced  ', NOW)).toBeNull();
		expect(checkAccountField('password', 'x'.repeat(256), NOW)).toBeNull();
		expect(checkAccountField('newPassword', 'x'.repeat(257), NOW)).toBe(
			'새 비밀번호는 256자 이하여야 합니다.',
		);
	});

	test('a lone surrogate is refused, a pair (an emoji) is fine', () => {
		expect(checkAccountField('password', 'abcdefgh\ud800', NOW)).toBe(
			'비밀번호에 쓸 수 없는 문자가 있습니다.',
		);
		expect(checkAccountField('password', 'abcdefg\udfff', NOW)).toBe(
			'비밀번호에 쓸 수 없는 문자가 있습니다.',
		);
		expect(checkAccountField('password', 'abcdefgh😀', NOW)).toBeNull();
	});

	test('an entered password is only bounded', () => {
		expect(checkAccountField('loginPassword', 'x', NOW)).toBeNull();
		expect(checkAccountField('currentPassword', '', NOW)).toBe('현재 비밀번호를 입력해 주세요.');
		expect(checkAccountField('currentPassword', 'x'.repeat(257), NOW)).toBe(
			'현재 비밀번호는 256자 이하여야 합니다.',
		);
	});
});

test('gender is one of three values, or left empty', () => {
	for (const gender of ['', ...GENDERS])
		expect(checkAccountField('gender', gender, NOW)).toBeNull();
	expect(checkAccountField('gender', 'robot', NOW)).toBe(GENDER_MESSAGE);
});

describe('birthday', () => {
	test('is a calendar day, leap days included', () => {
		expect(checkAccountField('birthday', '', NOW)).toBeNull();
		expect(checkAccountField('birthday', '2000-02-29', NOW)).toBeNull();
		expect(checkAccountField('birthday', '2001-02-29', NOW)).toBe('생일이 달력에 없는 날짜입니다.');
		expect(checkAccountField('birthday', '19900101', NOW)).toBe(
			'생일은 YYYY-MM-DD 형식이어야 합니다.',
		);
	});

	test('is from 1900-01-01 to yesterday in Korea', () => {
		expect(checkAccountField('birthday', '1900-01-01', NOW)).toBeNull();
		expect(checkAccountField('birthday', '1899-12-31', NOW)).toBe(BIRTHDAY_NOT_PAST);
		expect(checkAccountField('birthday', '2025-05-01', NOW)).toBeNull();
		expect(checkAccountField('birthday', '2025-05-02', NOW)).toBe(BIRTHDAY_NOT_PAST);
	});

	test('yesterday turns with the Korean day, at 15:00 UTC', () => {
		const before = Date.parse('2025-05-01T14:59:59Z');
		const after = Date.parse('2025-05-01T15:00:00Z');
		expect(latestBirthday(before)).toBe('2025-04-30');
		expect(latestBirthday(after)).toBe('2025-05-01');
		expect(isPastBirthday('2025-05-01', before)).toBe(false);
		expect(isPastBirthday('2025-05-01', after)).toBe(true);
		// 1 March in Korea: yesterday is the leap day.
		expect(latestBirthday(Date.parse('2028-02-29T15:00:00Z'))).toBe('2028-02-29');
	});
});
