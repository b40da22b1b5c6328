/**
 * Pieces every route module shares so the OpenAPI document and the validation stay one thing:
 * routers whose schema failures become our error body, JSON request bodies, and error responses.
 */
import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from '../auth/middleware.ts';
import { ErrorBody, validationError } from './errors.ts';

/** A router whose request-schema failures throw our 400 (rendered by the app's onError). */
export function createRouter(): OpenAPIHono<AppEnv> {
	return new OpenAPIHono<AppEnv>({
		defaultHook: (result) => {
			if (!result.success) throw validationError(result.error);
		},
	});
}

export function jsonRequest<T extends z.ZodType>(schema: T) {
	return {
		required: true,
		content: { 'application/json': { schema } },
	} as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
	return { description, content: { 'application/json': { schema } } } as const;
}

const ERROR_DESCRIPTIONS = {
	400: '입력값 오류 (`invalid_input`, `malformed_json`)',
	401: '로그인 필요 또는 잘못된 자격 증명',
	403: '다른 사이트에서 온 요청(`forbidden_origin`) 또는 비밀번호 불일치(`wrong_password`)',
	409: '이미 쓰이는 이메일 또는 닉네임',
	413: '요청 본문이 너무 큼',
	415: '요청 본문이 JSON이 아님',
	429: '시도가 너무 많음 (Retry-After 헤더)',
	503: '잠시 처리할 수 없음 (Retry-After 헤더)',
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** The error responses a route can give, all in the one error shape. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
	const responses = {} as Record<S, ReturnType<typeof jsonResponse<typeof ErrorBody>>>;
	for (const status of statuses) {
		responses[status] = jsonResponse(ErrorBody, ERROR_DESCRIPTIONS[status]);
	}
	return responses;
}

/** Every state-changing route can be refused for its Origin or its body before validation. */
export const UNSAFE_REQUEST_ERRORS = [403, 413, 415] as const;

/** OpenAPI security requirement for routes that need the session cookie. */
export const SESSION_SECURITY = [{ session: [] }];
