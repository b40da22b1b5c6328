/**
 * Log in, log out, "who am I". An unknown email and a wrong password get the same status, body
 * and (through a dummy argon2 verify) the same time, so the form cannot tell who has an account.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import { currentPassword, Email, UserBody } from '../accounts/fields.ts';
import { ApiError } from '../http/errors.ts';
import {
	createRouter,
	errorResponses,
	jsonRequest,
	jsonResponse,
	SESSION_SECURITY,
	UNSAFE_REQUEST_ERRORS,
} from '../http/openapi.ts';
import { type Services, startSession } from '../services.ts';
import { requireAuth, requireSession } from './middleware.ts';
import { guardAccount, guardAddress, recordFailure } from './password-guard.ts';

export const LoginRequest = z
	.strictObject({ email: Email, password: currentPassword('비밀번호') })
	.openapi('LoginRequest');
export type LoginRequest = z.input<typeof LoginRequest>;

const login = createRoute({
	method: 'post',
	path: '/sessions',
	tags: ['sessions'],
	summary: '로그인 (새 세션 쿠키 발급, 요청에 있던 세션은 폐기)',
	request: { body: jsonRequest(LoginRequest) },
	responses: {
		200: jsonResponse(UserBody, '로그인됨; Set-Cookie로 세션 쿠키'),
		...errorResponses(400, 401, 429, 503, ...UNSAFE_REQUEST_ERRORS),
	},
});

const logout = createRoute({
	method: 'delete',
	path: '/sessions/current',
	tags: ['sessions'],
	summary: '로그아웃 (서버에서 세션 무효화, 쿠키 삭제); 로그인하지 않았어도 204',
	responses: {
		204: { description: '로그아웃됨' },
		...errorResponses(...UNSAFE_REQUEST_ERRORS),
	},
});

const me = createRoute({
	method: 'get',
	path: '/me',
	tags: ['sessions'],
	summary: '현재 로그인한 사용자',
	security: SESSION_SECURITY,
	middleware: [requireSession] as const,
	responses: {
		200: jsonResponse(UserBody, '로그인한 사용자'),
		...errorResponses(401),
	},
});

const INVALID_CREDENTIALS = '이메일 또는 비밀번호가 올바르지 않습니다.';

export function sessionRoutes(services: Services) {
	const { db, passwords, throttle, log } = services;
	const findByEmail = db
		.select({
			id: users.id,
			username: users.username,
			email: users.email,
			passwordHash: users.passwordHash,
		})
		.from(users)
		.where(eq(users.email, sql.placeholder('email')))
		.prepare();

	return createRouter()
		.openapi(login, async (c) => {
			const { email, password } = c.req.valid('json');
			guardAccount(services, email);
			guardAddress(services, c);
			const user = (await findByEmail.all({ email }))[0];
			const matches =
				user === undefined
					? await passwords.verifyDummy(password)
					: await passwords.verify(user.passwordHash, password);
			if (user === undefined || !matches) {
				recordFailure(services, email);
				log({
					level: 'warn',
					event: 'login_failed',
					userId: user?.id ?? null,
					reason: user === undefined ? 'unknown_email' : 'wrong_password',
				});
				throw new ApiError(401, 'invalid_credentials', INVALID_CREDENTIALS);
			}
			throttle.recordSuccess(email);
			if (passwords.needsRehash(user.passwordHash)) {
				// Parameters were raised since this hash was made: upgrade it while we have the password.
				const passwordHash = await passwords.hash(password);
				await db
					.update(users)
					.set({ passwordHash, updatedAt: new Date(services.now()) })
					.where(eq(users.id, user.id));
			}
			await startSession(services, c, user.id);
			log({ level: 'info', event: 'login', userId: user.id });
			return c.json({ user: { id: user.id, username: user.username, email: user.email } }, 200);
		})
		.openapi(logout, async (c) => {
			const auth = c.get('auth');
			if (auth !== null) {
				await services.sessions.invalidate(auth.session.id);
				log({ level: 'info', event: 'logout', userId: auth.user.id });
			}
			c.header('Set-Cookie', services.cookie.blank());
			return c.body(null, 204);
		})
		.openapi(me, (c) => c.json({ user: requireAuth(c).user }, 200));
}
