/** Sign-up: creates the account and logs it in. */
import { createRoute, z } from '@hono/zod-openapi';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { BIRTHDAY_NOT_PAST, isPastBirthday } from '../../core/account-fields.ts';
import { users } from '../../db/schema/index.ts';
import { guardAddress } from '../auth/password-guard.ts';
import { ApiError } from '../http/errors.ts';
import {
	createRouter,
	errorResponses,
	jsonRequest,
	jsonResponse,
	UNSAFE_REQUEST_ERRORS,
} from '../http/openapi.ts';
import { type Services, startSession } from '../services.ts';
import { assertAvailable, rethrowConflict } from './conflicts.ts';
import { Birthday, Email, Gender, NewPassword, UserBody, Username } from './fields.ts';

export const SignUpRequest = z
	.strictObject({
		email: Email,
		username: Username,
		password: NewPassword,
		gender: Gender.optional(),
		birthday: Birthday.optional(),
	})
	.openapi('SignUpRequest');
export type SignUpRequest = z.input<typeof SignUpRequest>;

const signUp = createRoute({
	method: 'post',
	path: '/accounts',
	tags: ['accounts'],
	summary: '회원 가입 (가입 후 바로 로그인)',
	request: { body: jsonRequest(SignUpRequest) },
	responses: {
		201: jsonResponse(UserBody, '가입됨; Set-Cookie로 세션 쿠키'),
		...errorResponses(400, 409, 429, 503, ...UNSAFE_REQUEST_ERRORS),
	},
});

/** Random, unguessable user id (120 bits): never the row number, which would count sign-ups. */
export function generateUserId(): string {
	const bytes = new Uint8Array(15);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** Refuses a birthday that is not a past date; the schema only knows the calendar. */
export function assertPastBirthday(birthday: string | null | undefined, now: number): void {
	if (typeof birthday === 'string' && !isPastBirthday(birthday, now)) {
		throw ApiError.field(400, 'invalid_input', 'birthday', BIRTHDAY_NOT_PAST);
	}
}

export function signUpRoutes(services: Services) {
	const { db, passwords, log, now } = services;

	return createRouter().openapi(signUp, async (c) => {
		const body = c.req.valid('json');
		assertPastBirthday(body.birthday, now());
		// Before the availability check too: it tells whether an email is registered.
		guardAddress(services, c);
		await assertAvailable(db, { email: body.email, username: body.username });
		const passwordHash = await passwords.hash(body.password);
		const at = new Date(now());
		const user = {
			id: generateUserId(),
			email: body.email,
			username: body.username,
			passwordHash,
			gender: body.gender ?? null,
			birthday: body.birthday ?? null,
			createdAt: at,
			updatedAt: at,
		};
		await db.insert(users).values(user).catch(rethrowConflict);
		await startSession(services, c, user.id);
		log({ level: 'info', event: 'signup', userId: user.id });
		return c.json({ user: { id: user.id, username: user.username, email: user.email } }, 201);
	});
}
