/**
 * The account fields' rules: limits, patterns, the Korean messages and the checks, defined once.
 * api/account-fields.ts builds the request schemas (and the OpenAPI document) from them; the
 * account forms check with checkAccountField before sending, so both give the same message for
 * the same input. What only the server can know (common passwords, taken emails and usernames)
 * stays in the API. Every message names its field, because it is shown beside the input.
 */
import { addDays, EARLIEST_PLAUSIBLE_DAY, ISO_DATE_PATTERN, isCalendarDate } from './calendar.ts';
import type { TextField } from './field-rules.ts';
import { firstProblem } from './field-rules.ts';
import { GENDER_MESSAGE, isGender } from './gender.ts';
import { withParticle } from './korean-particle.ts';
import { koreanToday } from './korean-today.ts';

export const PASSWORD_MIN_LENGTH = 8;
/** Long passphrases are welcome; past this the request is refused rather than hashed. */
export const PASSWORD_MAX_LENGTH = 256;
export const USERNAME_MIN_LENGTH = 2;
export const USERNAME_MAX_LENGTH = 20;
/** RFC 5321's practical limit for an address. */
export const EMAIL_MAX_LENGTH = 254;
export const USERNAME_PATTERN = /^[\p{L}\p{N}_.-]+$/u;
/**
 * zod's email pattern (z.regexes.email), written out so the browser needs no zod; the OpenAPI
 * document shows this source, so it is kept exactly as zod writes it.
 */
export const EMAIL_PATTERN =
	// biome-ignore lint/complexity/noUselessEscapeInRegex: zod's source byte for byte (see above).
	/^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
export const EARLIEST_BIRTHDAY = EARLIEST_PLAUSIBLE_DAY;

/** `이메일을 입력해 주세요.`: an empty field. */
export function missingMessage(label: string): string {
	return `${withParticle(label, '을/를')} 입력해 주세요.`;
}

/** What the API says when a field is there but is not a string (the forms always send strings). */
export function notTextMessage(label: string): string {
	return `${withParticle(label, '은/는')} 문자열이어야 합니다.`;
}

/** Trimmed and lower-cased before the uniqueness check, so `A@x.com ` and `a@x.com` are one. */
export const EMAIL: TextField = {
	steps: ['trim', 'lowercase'],
	rules: [
		{ kind: 'minLength', length: 1, message: missingMessage('이메일') },
		{
			kind: 'maxLength',
			length: EMAIL_MAX_LENGTH,
			message: `이메일은 ${EMAIL_MAX_LENGTH}자 이하여야 합니다.`,
		},
		{ kind: 'pattern', pattern: EMAIL_PATTERN, message: '이메일 형식이 올바르지 않습니다.' },
	],
};

export const USERNAME: TextField = {
	steps: ['trim', 'nfc'],
	rules: [
		{ kind: 'minLength', length: 1, message: missingMessage('닉네임') },
		{
			kind: 'minLength',
			length: USERNAME_MIN_LENGTH,
			message: `닉네임은 ${USERNAME_MIN_LENGTH}자 이상이어야 합니다.`,
		},
		{
			kind: 'maxLength',
			length: USERNAME_MAX_LENGTH,
			message: `닉네임은 ${USERNAME_MAX_LENGTH}자 이하여야 합니다.`,
		},
		{
			kind: 'pattern',
			pattern: USERNAME_PATTERN,
			message: '닉네임에는 글자, 숫자, 밑줄(_), 마침표(.), 하이픈(-)만 쓸 수 있습니다.',
		},
	],
};

/**
 * A new password: never trimmed, no composition rules (docs/SECURITY.md); the API adds "not
 * common".
 */
export function newPasswordField(label: string): TextField {
	const subject = withParticle(label, '은/는');
	return {
		steps: [],
		rules: [
			{ kind: 'minLength', length: 1, message: missingMessage(label) },
			{
				kind: 'minLength',
				length: PASSWORD_MIN_LENGTH,
				message: `${subject} ${PASSWORD_MIN_LENGTH}자 이상이어야 합니다.`,
			},
			{
				kind: 'maxLength',
				length: PASSWORD_MAX_LENGTH,
				message: `${subject} ${PASSWORD_MAX_LENGTH}자 이하여야 합니다.`,
			},
			// Lone UTF-16 surrogates cannot be stored or hashed faithfully (they become U+FFFD).
			{
				kind: 'check',
				test: (value) => value.isWellFormed(),
				message: `${label}에 쓸 수 없는 문자가 있습니다.`,
			},
		],
	};
}

/** A password being checked: only bounded, so the answer never tells which rule it breaks. */
export function enteredPasswordField(label: string): TextField {
	return {
		steps: [],
		rules: [
			{ kind: 'minLength', length: 1, message: missingMessage(label) },
			{
				kind: 'maxLength',
				length: PASSWORD_MAX_LENGTH,
				message: `${withParticle(label, '은/는')} ${PASSWORD_MAX_LENGTH}자 이하여야 합니다.`,
			},
		],
	};
}

export const BIRTHDAY_NOT_TEXT = '생일은 YYYY-MM-DD 형식의 문자열이어야 합니다.';

/** Only the format and the calendar; "in the past" needs the clock (isPastBirthday). */
export const BIRTHDAY: TextField = {
	steps: [],
	rules: [
		{ kind: 'pattern', pattern: ISO_DATE_PATTERN, message: '생일은 YYYY-MM-DD 형식이어야 합니다.' },
		{ kind: 'check', test: isCalendarDate, message: '생일이 달력에 없는 날짜입니다.' },
	],
};

export const BIRTHDAY_NOT_PAST = `생일은 ${EARLIEST_BIRTHDAY} 이후의 지난 날짜여야 합니다.`;

/** From EARLIEST_BIRTHDAY to yesterday in Korea, at the moment `now`. */
export function isPastBirthday(value: string, now: number): boolean {
	return value >= EARLIEST_BIRTHDAY && value < koreanToday(now);
}

/** The latest birthday accepted at `now`: yesterday in Korea (the date input's `max`). */
export function latestBirthday(now: number): string {
	return addDays(koreanToday(now), -1);
}

/** The account forms' fields; the three passwords differ in label and in the rules that apply. */
export type AccountFieldName =
	| 'email'
	| 'username'
	| 'password'
	| 'newPassword'
	| 'currentPassword'
	| 'loginPassword'
	| 'gender'
	| 'birthday';

/**
 * The message the API gives for this value of a form field (before what only the server knows),
 * or null. Empty optional fields (gender, birthday) are fine: the forms leave them out or send
 * null.
 */
export function checkAccountField(
	field: AccountFieldName,
	value: string,
	now: number,
): string | null {
	switch (field) {
		case 'email':
			return firstProblem(EMAIL, value);
		case 'username':
			return firstProblem(USERNAME, value);
		case 'password':
			return firstProblem(newPasswordField('비밀번호'), value);
		case 'newPassword':
			return firstProblem(newPasswordField('새 비밀번호'), value);
		case 'currentPassword':
			return firstProblem(enteredPasswordField('현재 비밀번호'), value);
		case 'loginPassword':
			return firstProblem(enteredPasswordField('비밀번호'), value);
		case 'gender':
			return value === '' || isGender(value) ? null : GENDER_MESSAGE;
		case 'birthday':
			if (value === '') return null;
			return (
				firstProblem(BIRTHDAY, value) ?? (isPastBirthday(value, now) ? null : BIRTHDAY_NOT_PAST)
			);
	}
}
