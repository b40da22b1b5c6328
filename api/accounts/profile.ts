/**
 * The signed-in user's own account: view, edit, change the password, download the data, delete.
 * Every route acts on the session's user only; no route takes a user id, so there is no one else's
 * data to reach. Password re-entry is throttled like a log-in (a stolen session cannot guess it).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.ts';
import { type Auth, requireAuth, requireSession } from '../auth/middleware.ts';
import { guardAccount, guardAddress, recordFailure } from '../auth/password-guard.ts';
import { ApiError, unauthenticated } from '../http/errors.ts';
import {
	createRouter,
	errorResponses,
	jsonRequest,
	jsonResponse,
	SESSION_SECURITY,
	UNSAFE_REQUEST_ERRORS,
} from '../http/openapi.ts';
import { type Services, startSession } from '../services.ts';
import { assertAvailable, rethrowConflict } from './conflicts.ts';
import { DataExport, exportUserData } from './data-export.ts';
import { Birthday, currentPassword, Gender, newPassword, Username } from './fields.ts';
import { loadProfile, Profile, ProfileBody } from './profile-data.ts';
import { assertPastBirthday } from './sign-up.ts';

export const ProfileUpdate = z
	.strictObject({
		username: Username.optional(),
		gender: Gender.nullable().optional(),
		birthday: Birthday.nullable().optional(),
	})
	.openapi('ProfileUpdate');
export type ProfileUpdate = z.input<typeof ProfileUpdate>;

export const PasswordChange = z
	.strictObject({
		currentPassword: currentPassword('현재 비밀번호'),
		newPassword: newPassword('새 비밀번호'),
	})
	.openapi('PasswordChange');
export type PasswordChange = z.input<typeof PasswordChange>;

export const AccountDeletion = z
	.strictObject({ password: currentPassword('비밀번호') })
	.openapi('AccountDeletion');
export type AccountDeletion = z.input<typeof AccountDeletion>;

const ProfileUpdated = z.object({ profile: Profile }).openapi('ProfileUpdated');

const tags = ['profile'];

const getProfile = createRoute({
	method: 'get',
	path: '/profile',
	tags,
	summary: '내 정보: 계정 요약 (관람 기록은 /profile/history, 찜은 /favorites)',
	security: SESSION_SECURITY,
	middleware: [requireSession] as const,
	responses: { 200: jsonResponse(ProfileBody, '내 정보'), ...errorResponses(401) },
});

const updateProfile = createRoute({
	method: 'patch',
	path: '/profile',
	tags,
	summary: '닉네임, 성별, 생일 수정 (null은 지움)',
	security: SESSION_SECURITY,
	middleware: [requireSession] as const,
	request: { body: jsonRequest(ProfileUpdate) },
	responses: {
		200: jsonResponse(ProfileUpdated, '수정됨'),
		...errorResponses(400, 401, 409, ...UNSAFE_REQUEST_ERRORS),
	},
});

const changePassword = createRoute({
	method: 'put',
	path: '/profile/password',
	tags,
	summary: '비밀번호 변경: 다른 모든 세션이 끝나고 이 브라우저는 새 세션 쿠키를 받음',
	security: SESSION_SECURITY,
	middleware: [requireSession] as const,
	request: { body: jsonRequest(PasswordChange) },
	responses: {
		204: { description: '변경됨; Set-Cookie로 새 세션 쿠키' },
		...errorResponses(400, 401, 429, 503, ...UNSAFE_REQUEST_ERRORS),
	},
});

const deleteAccount = createRoute({
	method: 'delete',
	path: '/profile',
	tags,
	summary: '회원 탈퇴: 계정, 세션, 리뷰, 찜이 지워짐 (비밀번호 재입력)',
	security: SESSION_SECURITY,
	middleware: [requireSession] as const,
	request: { body: jsonRequest(AccountDeletion) },
	responses: {
		204: { description: '탈퇴됨; 쿠키 삭제' },
		...errorResponses(400, 401, 429, 503, ...UNSAFE_REQUEST_ERRORS),
	},
});

const exportData = createRoute({
	method: 'get',
	path: '/profile/export',
	tags,
	summary: '내 데이터 내려받기: 저장된 모든 정보 (비밀번호 해시 제외) JSON',
	security: SESSION_SECURITY,
	middleware: [requireSession] as const,
	responses: { 200: jsonResponse(DataExport, '내 데이터 (첨부 파일)'), ...errorResponses(401) },
});

export function profileRoutes(services: Services) {
	const { db, passwords, throttle, log, now } = services;
	const findHash = db
		.select({ passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, sql.placeholder('id')))
		.prepare();

	/** Re-entered password check, counted against the account like a log-in attempt. */
	async function confirmPassword(
		c: Parameters<typeof requireAuth>[0],
		auth: Auth,
		password: string,
		field: string,
	): Promise<void> {
		const account = auth.user.email;
		guardAccount(services, account);
		guardAddress(services, c);
		const row = (await findHash.all({ id: auth.user.id }))[0];
		if (row === undefined) throw unauthenticated();
		if (!(await passwords.verify(row.passwordHash, password))) {
			recordFailure(services, account);
			log({ level: 'warn', event: 'password_confirmation_failed', userId: auth.user.id });
			throw ApiError.field(403, 'wrong_password', field, '비밀번호가 올바르지 않습니다.');
		}
		throttle.recordSuccess(account);
	}

	return createRouter()
		.openapi(getProfile, async (c) => {
			const profile = await loadProfile(db, requireAuth(c).user.id);
			if (profile === null) throw unauthenticated();
			return c.json({ profile }, 200);
		})
		.openapi(updateProfile, async (c) => {
			const { user } = requireAuth(c);
			const update = c.req.valid('json');
			assertPastBirthday(update.birthday, now());
			if (update.username !== undefined) {
				await assertAvailable(db, { username: update.username, exceptUserId: user.id });
			}
			await db
				.update(users)
				.set({
					...(update.username === undefined ? {} : { username: update.username }),
					...(update.gender === undefined ? {} : { gender: update.gender }),
					...(update.birthday === undefined ? {} : { birthday: update.birthday }),
					updatedAt: new Date(now()),
				})
				.where(eq(users.id, user.id))
				.catch(rethrowConflict);
			const profile = await loadProfile(db, user.id);
			if (profile === null) throw unauthenticated();
			log({
				level: 'info',
				event: 'profile_updated',
				userId: user.id,
				fields: Object.keys(update),
			});
			return c.json({ profile }, 200);
		})
		.openapi(changePassword, async (c) => {
			const auth = requireAuth(c);
			const body = c.req.valid('json');
			await confirmPassword(c, auth, body.currentPassword, 'currentPassword');
			const passwordHash = await passwords.hash(body.newPassword);
			// One transaction: the new hash and the end of every session, including this one
			// (its cookie is replaced below), so a stolen cookie dies with the old password.
			await db.batch([
				db
					.update(users)
					.set({ passwordHash, updatedAt: new Date(now()) })
					.where(eq(users.id, auth.user.id)),
				db.delete(sessions).where(eq(sessions.userId, auth.user.id)),
			]);
			c.set('auth', null);
			await startSession(services, c, auth.user.id);
			log({ level: 'info', event: 'password_changed', userId: auth.user.id });
			return c.body(null, 204);
		})
		.openapi(deleteAccount, async (c) => {
			const auth = requireAuth(c);
			await confirmPassword(c, auth, c.req.valid('json').password, 'password');
			// Sessions, reviews and favorites go with the row (ON DELETE CASCADE); secure_delete
			// zeroes the freed bytes.
			const result = await db.delete(users).where(eq(users.id, auth.user.id));
			// A concurrent deletion got there first: this request no longer has an account.
			if (result.rowsAffected === 0) throw unauthenticated();
			await copyErasureToDatabaseFile(services);
			throttle.recordSuccess(auth.user.email);
			c.header('Set-Cookie', services.cookie.blank());
			log({ level: 'info', event: 'account_deleted', userId: auth.user.id });
			return c.body(null, 204);
		})
		.openapi(exportData, async (c) => {
			const data = await exportUserData(db, requireAuth(c).user.id, now());
			if (data === null) throw unauthenticated();
			c.header('Content-Disposition', 'attachment; filename="culturepedia-my-data.json"');
			return c.json(data, 200);
		});
}

/**
 * Under WAL the zeroed pages sit in the -wal file while the main file still holds the old ones
 * until a checkpoint. A passive checkpoint copies them now without waiting on readers; remote
 * servers refuse the pragma, which is fine (they checkpoint on their own).
 */
async function copyErasureToDatabaseFile(services: Services): Promise<void> {
	try {
		await services.db.run(sql`PRAGMA wal_checkpoint(PASSIVE)`);
	} catch {
		// Best effort: the deletion itself is committed.
	}
}
