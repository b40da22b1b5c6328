/**
 * The API's one error shape, `{ error: { code, message, fields? } }`: `code` is stable English for
 * programs, `message` Korean for people, `fields` one Korean message per bad input. Handlers throw
 * `ApiError`; `renderError` (the app's onError) turns it, schema failures and framework errors into
 * that body, and anything else into a 500 that carries no detail.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { HasherBusyError } from '../auth/password.ts';
import type { Logger } from './log.ts';

export const ErrorBody = z
	.object({
		error: z.object({
			code: z.string().openapi({ example: 'invalid_input' }),
			message: z.string().openapi({ example: '비밀번호는 8자 이상이어야 합니다.' }),
			fields: z
				.record(z.string(), z.string())
				.optional()
				.openapi({ example: { password: '비밀번호는 8자 이상이어야 합니다.' } }),
		}),
	})
	.openapi('Error');
export type ErrorBody = z.infer<typeof ErrorBody>;

export type ErrorCode =
	| 'invalid_input'
	| 'malformed_json'
	| 'unsupported_media_type'
	| 'payload_too_large'
	| 'forbidden_origin'
	/** Someone else's object, e.g. another user's review. */
	| 'forbidden'
	| 'unauthenticated'
	| 'invalid_credentials'
	| 'wrong_password'
	| 'email_taken'
	| 'username_taken'
	/** One review per user and performance; a `Link: <…>; rel="edit"` header points at it. */
	| 'review_exists'
	| 'too_many_attempts'
	| 'server_busy'
	| 'not_found'
	| 'database_unavailable'
	| 'internal_error';

interface ApiErrorOptions extends ErrorOptions {
	fields?: Record<string, string>;
	headers?: Record<string, string>;
}

export class ApiError extends Error {
	override name = 'ApiError';
	readonly status: ContentfulStatusCode;
	readonly code: ErrorCode;
	readonly fields: Record<string, string> | undefined;
	readonly headers: Record<string, string> | undefined;

	constructor(
		status: ContentfulStatusCode,
		code: ErrorCode,
		message: string,
		options?: ApiErrorOptions,
	) {
		super(message, options);
		this.status = status;
		this.code = code;
		this.fields = options?.fields;
		this.headers = options?.headers;
	}

	/** One field's failure, e.g. a taken username: the message names the field. */
	static field(
		status: ContentfulStatusCode,
		code: ErrorCode,
		field: string,
		message: string,
	): ApiError {
		return new ApiError(status, code, message, { fields: { [field]: message } });
	}
}

export function unauthenticated(): ApiError {
	return new ApiError(401, 'unauthenticated', '로그인이 필요합니다.');
}

/** Longest unknown key echoed back, so a hostile body cannot make the answer large. */
const MAX_ECHOED_KEY = 40;

/**
 * Turns zod issues into `fields`. Each field schema carries its own Korean messages (see
 * accounts/fields.ts), so the issue message is already the one to show; only structural issues
 * (unknown keys, a body that is not an object) are worded here.
 */
export function validationError(error: ZodError): ApiError {
	const fields: Record<string, string> = {};
	let bodyMessage: string | null = null;
	for (const issue of error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				const shown = key.length > MAX_ECHOED_KEY ? `${key.slice(0, MAX_ECHOED_KEY)}…` : key;
				fields[key] ??= `'${shown}' 항목은 받을 수 없습니다.`;
			}
		} else if (issue.path.length === 0) {
			bodyMessage = '요청 본문은 JSON 객체여야 합니다.';
		} else {
			// Only the first message per field: one clear reason reads better than a list.
			fields[String(issue.path[0])] ??= issue.message;
		}
	}
	const messages = Object.values(fields);
	if (bodyMessage !== null) messages.unshift(bodyMessage);
	return new ApiError(400, 'invalid_input', messages.join(' '), {
		...(Object.keys(fields).length > 0 ? { fields } : {}),
	});
}

/** Framework errors (body limit, media type gate, JSON parser) mapped to our codes. */
function fromHttpException(error: HTTPException): ApiError {
	switch (error.status) {
		case 400:
			return new ApiError(400, 'malformed_json', '요청 본문이 올바른 JSON이 아닙니다.');
		case 413:
			return new ApiError(413, 'payload_too_large', '요청 본문이 너무 큽니다.');
		case 415:
			return new ApiError(
				415,
				'unsupported_media_type',
				'요청 본문은 application/json 형식이어야 합니다.',
			);
		default:
			return new ApiError(
				error.status >= 500 ? 500 : (error.status as ContentfulStatusCode),
				'internal_error',
				'요청을 처리하지 못했습니다.',
			);
	}
}

export function errorResponse(c: Context, error: ApiError): Response {
	if (error.headers !== undefined) {
		for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
	}
	const body: ErrorBody = {
		error: {
			code: error.code,
			message: error.message,
			...(error.fields === undefined ? {} : { fields: error.fields }),
		},
	};
	return c.json(body, error.status);
}

/**
 * What is safe to log about an unexpected error: its class and the driver's code (e.g.
 * `SQLITE_BUSY`) from the cause chain; never the message, which can quote SQL or user values.
 */
export function errorSummary(error: unknown): { error: string; code: string | null } {
	let code: string | null = null;
	for (let cause: unknown = error; cause instanceof Error && code === null; cause = cause.cause) {
		if ('code' in cause && typeof cause.code === 'string') code = cause.code;
	}
	const name = error instanceof Error ? error.constructor.name : typeof error;
	return { error: name, code };
}

/**
 * The app's onError. Unexpected errors are logged by name and code only: a driver message can
 * quote SQL or values, and the response never carries a stack.
 */
export function renderError(log: Logger): (error: Error, c: Context) => Response {
	return (error, c) => {
		if (error instanceof ApiError) return errorResponse(c, error);
		if (error instanceof HTTPException) return errorResponse(c, fromHttpException(error));
		if (error instanceof HasherBusyError) {
			// Shed load instead of queueing argon2 work (memory and latency stay bounded).
			return errorResponse(
				c,
				new ApiError(
					503,
					'server_busy',
					'요청이 많아 잠시 처리할 수 없습니다. 잠시 후 다시 시도해 주세요.',
					{
						headers: { 'Retry-After': '1' },
					},
				),
			);
		}
		log({
			level: 'error',
			event: 'request_failed',
			method: c.req.method,
			// The route pattern, not the URL: a path can carry user data.
			path: routePath(c),
			...errorSummary(error),
		});
		return errorResponse(
			c,
			new ApiError(
				500,
				'internal_error',
				'일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
			),
		);
	};
}

export function renderNotFound(c: Context): Response {
	return errorResponse(c, new ApiError(404, 'not_found', '요청한 주소를 찾을 수 없습니다.'));
}
