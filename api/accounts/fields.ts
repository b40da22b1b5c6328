/**
 * Account field schemas: the one source for request validation, the OpenAPI document and the
 * types the site imports, built from core/account-fields.ts (limits, patterns, messages), which
 * the account forms check with too. Only what the server alone knows is added here: common
 * passwords. Messages are shown as is beside the input (and joined into the error's summary).
 */
import { z } from '@hono/zod-openapi';
import {
	BIRTHDAY,
	BIRTHDAY_NOT_TEXT,
	EMAIL,
	enteredPasswordField,
	missingMessage,
	newPasswordField,
	notTextMessage,
	PASSWORD_MIN_LENGTH,
	USERNAME,
} from '../../core/account-fields.ts';
import { GENDER_LABELS, GENDER_MESSAGE, GENDERS } from '../../core/gender.ts';
import { withParticle } from '../../core/korean-particle.ts';
import { isCommonPassword } from '../auth/common-passwords.ts';
import { textSchema } from '../text-schema.ts';

/** Missing and non-string values, which the forms never send, worded per field. */
function notText(label: string): (issue: { input: unknown }) => string {
	return (issue) => (issue.input === undefined ? missingMessage(label) : notTextMessage(label));
}

export const Email = textSchema(EMAIL, notText('이메일')).openapi({
	format: 'email',
	example: 'reader@example.com',
});

export const Username = textSchema(USERNAME, notText('닉네임')).openapi({ example: '연극좋아' });

/** A new password: the shared rules, then refused when common (docs/SECURITY.md). */
export function newPassword(label: string) {
	return textSchema(newPasswordField(label), notText(label))
		.refine((value) => !isCommonPassword(value), {
			error: `${withParticle(label, '이/가')} 너무 흔합니다. 추측하기 어려운 다른 비밀번호를 써 주세요.`,
		})
		.openapi({ format: 'password', minLength: PASSWORD_MIN_LENGTH });
}

export const NewPassword = newPassword('비밀번호');

/** A password being checked: only bounded, so the answer never tells which rule it breaks. */
export function currentPassword(label: string) {
	return textSchema(enteredPasswordField(label), notText(label)).openapi({ format: 'password' });
}

export const Gender = z.enum(GENDERS, { error: GENDER_MESSAGE }).openapi({
	description: GENDERS.map((gender) => `${GENDER_LABELS[gender]} ${gender}`).join(', '),
});

/** Only the format and the calendar here; "in the past" needs the clock (see isPastBirthday). */
export const Birthday = textSchema(BIRTHDAY, () => BIRTHDAY_NOT_TEXT).openapi({
	format: 'date',
	example: '1990-05-17',
});

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
