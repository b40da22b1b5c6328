/**
 * Account field schemas: the one source for validation, the OpenAPI document and the types the
 * site imports. Every message names its field in Korean, because it is shown as is beside the
 * input (and joined into the error's summary).
 */
import { z } from '@hono/zod-openapi';
import { isCommonPassword } from '../auth/common-passwords.ts';
import { withParticle } from './korean.ts';

export const PASSWORD_MIN_LENGTH = 8;
/** Long passphrases are welcome; past this the request is refused rather than hashed. */
export const PASSWORD_MAX_LENGTH = 256;
export const USERNAME_MIN_LENGTH = 2;
export const USERNAME_MAX_LENGTH = 20;
/** RFC 5321's practical limit for an address. */
export const EMAIL_MAX_LENGTH = 254;
export const USERNAME_PATTERN = /^[\p{L}\p{N}_.-]+$/u;
export const GENDERS = ['female', 'male', 'other'] as const;

function required(label: string): (issue: { input: unknown }) => string {
	return (issue) =>
		issue.input === undefined
			? `${withParticle(label, '을/를')} 입력해 주세요.`
			: `${withParticle(label, '은/는')} 문자열이어야 합니다.`;
}

/** Lone UTF-16 surrogates cannot be stored or hashed faithfully (they become U+FFFD). */
function wellFormed(label: string) {
	return [
		(value: string) => value.isWellFormed(),
		{ error: `${label}에 쓸 수 없는 문자가 있습니다.` },
	] as const;
}

/** Trimmed and lower-cased before the uniqueness check, so `A@x.com ` and `a@x.com` are one. */
export const Email = z
	.string({ error: required('이메일') })
	.trim()
	.toLowerCase()
	.min(1, { error: '이메일을 입력해 주세요.' })
	.max(EMAIL_MAX_LENGTH, { error: `이메일은 ${EMAIL_MAX_LENGTH}자 이하여야 합니다.` })
	.regex(z.regexes.email, { error: '이메일 형식이 올바르지 않습니다.' })
	.openapi({ format: 'email', example: 'reader@example.com' });

export const Username = z
	.string({ error: required('닉네임') })
	.trim()
	.normalize('NFC')
	.min(1, { error: '닉네임을 입력해 주세요.' })
	.min(USERNAME_MIN_LENGTH, { error: `닉네임은 ${USERNAME_MIN_LENGTH}자 이상이어야 합니다.` })
	.max(USERNAME_MAX_LENGTH, { error: `닉네임은 ${USERNAME_MAX_LENGTH}자 이하여야 합니다.` })
	.regex(USERNAME_PATTERN, {
		error: '닉네임에는 글자, 숫자, 밑줄(_), 마침표(.), 하이픈(-)만 쓸 수 있습니다.',
	})
	.openapi({ example: '연극좋아' });

/** A new password: never trimmed, no composition rules, refused when common (SECURITY.md). */
export function newPassword(label: string) {
	const subject = withParticle(label, '은/는');
	return z
		.string({ error: required(label) })
		.min(1, { error: `${withParticle(label, '을/를')} 입력해 주세요.` })
		.min(PASSWORD_MIN_LENGTH, { error: `${subject} ${PASSWORD_MIN_LENGTH}자 이상이어야 합니다.` })
		.max(PASSWORD_MAX_LENGTH, { error: `${subject} ${PASSWORD_MAX_LENGTH}자 이하여야 합니다.` })
		.refine(...wellFormed(label))
		.refine((value) => !isCommonPassword(value), {
			error: `${withParticle(label, '이/가')} 너무 흔합니다. 추측하기 어려운 다른 비밀번호를 써 주세요.`,
		})
		.openapi({ format: 'password', minLength: PASSWORD_MIN_LENGTH });
}

export const NewPassword = newPassword('비밀번호');

/** A password being checked: only bounded, so the answer never tells which rule it breaks. */
export function currentPassword(label: string) {
	return z
		.string({ error: required(label) })
		.min(1, { error: `${withParticle(label, '을/를')} 입력해 주세요.` })
		.max(PASSWORD_MAX_LENGTH, {
			error: `${withParticle(label, '은/는')} ${PASSWORD_MAX_LENGTH}자 이하여야 합니다.`,
		})
		.openapi({ format: 'password' });
}

export const Gender = z
	.enum(GENDERS, { error: '성별은 female, male, other 중 하나여야 합니다.' })
	.openapi({ description: '여성 female, 남성 male, 기타 other' });

/** Only the format and the calendar here; "in the past" needs the clock (see isPastBirthday). */
export const Birthday = z
	.string({ error: '생일은 YYYY-MM-DD 형식의 문자열이어야 합니다.' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '생일은 YYYY-MM-DD 형식이어야 합니다.' })
	.refine(isCalendarDate, { error: '생일이 달력에 없는 날짜입니다.' })
	.openapi({ format: 'date', example: '1990-05-17' });

export function isCalendarDate(value: string): boolean {
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const KST_OFFSET_MS = 9 * 60 * 60_000;
/** Older birthdays are typing mistakes. */
export const EARLIEST_BIRTHDAY = '1900-01-01';

/** Today's date in Korea, where the site's users live, as `YYYY-MM-DD`. */
export function koreanToday(now: number): string {
	return new Date(now + KST_OFFSET_MS).toISOString().slice(0, 10);
}

export function isPastBirthday(value: string, now: number): boolean {
	return value >= EARLIEST_BIRTHDAY && value < koreanToday(now);
}

export const BIRTHDAY_NOT_PAST = `생일은 ${EARLIEST_BIRTHDAY} 이후의 지난 날짜여야 합니다.`;

/** What "who am I", sign-up and log-in answer; the header island reads it. */
export const User = z
	.object({
		id: z.string(),
		username: z.string(),
		email: z.string(),
	})
	.openapi('User');
export type User = z.infer<typeof User>;

export const UserBody = z.object({ user: User }).openapi('UserBody');
export type UserBody = z.infer<typeof UserBody>;
