/**
 * Browser-side checks for the account forms, mirroring api/account-fields.ts (the site takes only
 * types from the API, so the rules are restated here). rules.test.ts feeds the same inputs to both
 * and expects the same Korean message, so the two cannot drift. What only the server can know
 * (common passwords, taken emails and usernames) comes back from the API in the same shape.
 */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const USERNAME_MIN_LENGTH = 2;
export const USERNAME_MAX_LENGTH = 20;
export const EMAIL_MAX_LENGTH = 254;
export const EARLIEST_BIRTHDAY = '1900-01-01';
/** zod's email pattern, which the API applies after trimming and lower-casing. */
const EMAIL_PATTERN =
	/^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const USERNAME_PATTERN = /^[\p{L}\p{N}_.-]+$/u;

export type FieldName =
	| 'email'
	| 'username'
	| 'password'
	| 'newPassword'
	| 'currentPassword'
	| 'loginPassword'
	| 'gender'
	| 'birthday';

function hasFinalConsonant(word: string): boolean {
	const code = word.charCodeAt(word.length - 1);
	return code >= 0xac00 && code <= 0xd7a3 && (code - 0xac00) % 28 !== 0;
}

function object(label: string): string {
	return label + (hasFinalConsonant(label) ? '을' : '를');
}

function topic(label: string): string {
	return label + (hasFinalConsonant(label) ? '은' : '는');
}

const KST_OFFSET_MS = 9 * 60 * 60_000;

/** Today's date in Korea as `YYYY-MM-DD`, the API's "today" for birthdays. */
export function koreanToday(now: number = Date.now()): string {
	return new Date(now + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The latest birthday the API accepts: yesterday in Korea (for the date input's `max`). */
export function latestBirthday(now: number = Date.now()): string {
	return koreanToday(now - 24 * 60 * 60_000);
}

function isCalendarDate(value: string): boolean {
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function checkNewPassword(label: string, value: string): string | null {
	if (value === '') return `${object(label)} 입력해 주세요.`;
	if (value.length < PASSWORD_MIN_LENGTH) {
		return `${topic(label)} ${PASSWORD_MIN_LENGTH}자 이상이어야 합니다.`;
	}
	if (value.length > PASSWORD_MAX_LENGTH) {
		return `${topic(label)} ${PASSWORD_MAX_LENGTH}자 이하여야 합니다.`;
	}
	if (!value.isWellFormed()) return `${label}에 쓸 수 없는 문자가 있습니다.`;
	return null;
}

function checkEnteredPassword(label: string, value: string): string | null {
	if (value === '') return `${object(label)} 입력해 주세요.`;
	if (value.length > PASSWORD_MAX_LENGTH) {
		return `${topic(label)} ${PASSWORD_MAX_LENGTH}자 이하여야 합니다.`;
	}
	return null;
}

/**
 * The message the API would give for this value, or null when the browser finds nothing wrong.
 * Empty optional fields (gender, birthday) are fine: the forms leave them out or send null.
 */
export function checkField(
	field: FieldName,
	value: string,
	now: number = Date.now(),
): string | null {
	switch (field) {
		case 'email': {
			const email = value.trim().toLowerCase();
			if (email === '') return '이메일을 입력해 주세요.';
			if (email.length > EMAIL_MAX_LENGTH) return `이메일은 ${EMAIL_MAX_LENGTH}자 이하여야 합니다.`;
			return EMAIL_PATTERN.test(email) ? null : '이메일 형식이 올바르지 않습니다.';
		}
		case 'username': {
			const username = value.trim().normalize('NFC');
			if (username === '') return '닉네임을 입력해 주세요.';
			if (username.length < USERNAME_MIN_LENGTH) {
				return `닉네임은 ${USERNAME_MIN_LENGTH}자 이상이어야 합니다.`;
			}
			if (username.length > USERNAME_MAX_LENGTH) {
				return `닉네임은 ${USERNAME_MAX_LENGTH}자 이하여야 합니다.`;
			}
			return USERNAME_PATTERN.test(username)
				? null
				: '닉네임에는 글자, 숫자, 밑줄(_), 마침표(.), 하이픈(-)만 쓸 수 있습니다.';
		}
		case 'password':
			return checkNewPassword('비밀번호', value);
		case 'newPassword':
			return checkNewPassword('새 비밀번호', value);
		case 'currentPassword':
			return checkEnteredPassword('현재 비밀번호', value);
		case 'loginPassword':
			return checkEnteredPassword('비밀번호', value);
		case 'gender':
			return value === '' || ['female', 'male', 'other'].includes(value)
				? null
				: '성별은 female, male, other 중 하나여야 합니다.';
		case 'birthday':
			if (value === '') return null;
			if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return '생일은 YYYY-MM-DD 형식이어야 합니다.';
			if (!isCalendarDate(value)) return '생일이 달력에 없는 날짜입니다.';
			return value >= EARLIEST_BIRTHDAY && value < koreanToday(now)
				? null
				: `생일은 ${EARLIEST_BIRTHDAY} 이후의 지난 날짜여야 합니다.`;
	}
}

/** A path on this site to return to after logging in; anything else goes to the profile. */
export function safeNextPath(next: string | null): string {
	if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
		return '/account/';
	}
	return next;
}
