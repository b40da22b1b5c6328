/**
 * Email and username are unique. The pre-check gives both fields' messages at once; the database's
 * unique indexes are the real guard, and a race that slips past the pre-check is turned into the
 * same 409 instead of a 500.
 */
import { and, eq, ne, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { ApiError } from '../http/errors.ts';

export const EMAIL_TAKEN = '이미 가입된 이메일입니다.';
export const USERNAME_TAKEN = '이미 쓰이는 닉네임입니다.';

interface Candidate {
	email?: string;
	username?: string;
	/** The user being edited, whose own values are no conflict. */
	exceptUserId?: string;
}

function conflictError(email: boolean, username: boolean): ApiError {
	const fields: Record<string, string> = {};
	if (email) fields.email = EMAIL_TAKEN;
	if (username) fields.username = USERNAME_TAKEN;
	return new ApiError(
		409,
		email ? 'email_taken' : 'username_taken',
		Object.values(fields).join(' '),
		{
			fields,
		},
	);
}

export async function assertAvailable(db: Database, candidate: Candidate): Promise<void> {
	const matches: SQL[] = [];
	if (candidate.email !== undefined) matches.push(eq(users.email, candidate.email));
	if (candidate.username !== undefined) matches.push(eq(users.username, candidate.username));
	if (matches.length === 0) return;
	const taken = await db
		.select({ email: users.email, username: users.username })
		.from(users)
		.where(
			and(
				or(...matches),
				candidate.exceptUserId === undefined ? undefined : ne(users.id, candidate.exceptUserId),
			),
		)
		.limit(2);
	const email = taken.some((row) => row.email === candidate.email);
	const username = taken.some((row) => row.username === candidate.username);
	if (email || username) throw conflictError(email, username);
}

/** Re-throws a unique-index violation on users as the matching 409; other errors unchanged. */
export function rethrowConflict(error: unknown): never {
	for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
		if (/UNIQUE constraint failed: users\.email/.test(cause.message)) {
			throw conflictError(true, false);
		}
		if (/UNIQUE constraint failed: users\.username/.test(cause.message)) {
			throw conflictError(false, true);
		}
	}
	throw error;
}
