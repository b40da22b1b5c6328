/**
 * The browser's account checks (core's checkAccountField) against the API's schemas built from the
 * same rules: for each input the browser can judge, both must give the same Korean message (or
 * both none).
 */
import { expect, test } from 'vitest';
import { z } from 'zod';
import {
	Birthday,
	currentPassword,
	Email,
	Gender,
	NewPassword,
	newPassword,
	Username,
} from '../../../api/accounts/fields.ts';
import { validationError } from '../../../api/http/errors.ts';
import {
	BIRTHDAY_NOT_PAST,
	checkAccountField as checkField,
	type AccountFieldName as FieldName,
	isPastBirthday,
	latestBirthday,
} from '../../../core/account-fields.ts';
import { safeNextPath } from './rules.ts';

const NOW = Date.UTC(2025, 4, 1, 16, 0); // 2 May 2025 in Korea

/** The API's message for one field, as the error body's `fields` carries it. */
function apiMessage(schema: z.ZodType, value: string): string | null {
	const result = z.strictObject({ field: schema }).safeParse({ field: value });
	if (result.success) return null;
	return validationError(result.error).fields?.field ?? null;
}

const cases: [FieldName, z.ZodType, string[]][] = [
	[
		'email',
		Email,
		[
			'',
			' ',
			'reader@example.com',
			' Reader@Example.com ',
			'reader',
			'a@b',
			'a b@example.com',
			`${'a'.repeat(250)}@example.com`,
			'a..b@example.com',
			'.a@example.com',
			'한글@example.com',
		],
	],
	[
		'username',
		Username,
		[
			'',
			' ',
			'a',
			'연극',
			' 연극좋아_2 ',
			'x'.repeat(20),
			'x'.repeat(21),
			'<b>',
			'a b',
			'name!',
			'ㅎㅎ',
			'🎭🎭',
		],
	],
	[
		'password',
		NewPassword,
		[
			'',
			'short',
			'kq7vkq7',
			'kq7vkq7v',
			'x'.repeat(256),
			'x'.repeat(257),
			'abcdefgh\uD800',
			'  spaced out  ',
		],
	],
	['newPassword', newPassword('새 비밀번호'), ['', 'kq7vkq7', 'kq7vkq7v', 'x'.repeat(257)]],
	[
		'currentPassword',
		currentPassword('현재 비밀번호'),
		['', 'x', 'x'.repeat(256), 'x'.repeat(257)],
	],
	['loginPassword', currentPassword('비밀번호'), ['', 'x', 'x'.repeat(257)]],
	['gender', Gender, ['female', 'male', 'other', 'robot']],
	[
		'birthday',
		Birthday,
		[
			'1990-02-30',
			'1990-13-01',
			'19900101',
			'2000-02-29',
			'1899-12-31',
			'1900-01-01',
			'2025-05-01',
			'2025-05-02',
			'2030-01-01',
		],
	],
];

test.each(cases)('gives the API’s messages for %s', (field, schema, values) => {
	for (const value of values) {
		let expected = apiMessage(schema, value);
		// The API checks "in the past" with its clock after the schema (assertPastBirthday).
		if (field === 'birthday' && expected === null && !isPastBirthday(value, NOW)) {
			expected = BIRTHDAY_NOT_PAST;
		}
		expect(checkField(field, value, NOW), JSON.stringify(value)).toBe(expected);
	}
});

test('offers yesterday in Korea as the latest birthday', () => {
	expect(latestBirthday(NOW)).toBe('2025-05-01');
	expect(checkField('birthday', latestBirthday(NOW), NOW)).toBeNull();
});

test('returns only to paths on this site after logging in', () => {
	expect(safeNextPath('/performances/PF1234/')).toBe('/performances/PF1234/');
	for (const next of [
		null,
		'',
		'https://evil.example/',
		'//evil.example/',
		'/\\evil.example',
		'javascript:alert(1)',
	]) {
		expect(safeNextPath(next)).toBe('/account/');
	}
});
