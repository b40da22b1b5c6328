/**
 * Cross-site request forgery guard for every state-changing request, log-in and sign-up included.
 * Hono's csrf() only checks form content types and lets JSON through; SameSite=Lax alone leaves
 * sibling subdomains ("same-site") able to post. So: the Origin must be exactly the site's, and a
 * browser that says the request is not same-origin is believed.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError, errorResponse } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSameOriginRequest(
	headers: { get(name: string): string | null },
	siteOrigin: string,
): boolean {
	// A missing Origin, `null` (sandboxed frames, some redirects) or any other origin is refused.
	if (headers.get('Origin') !== siteOrigin) return false;
	const fetchSite = headers.get('Sec-Fetch-Site');
	return fetchSite === null || fetchSite === 'same-origin';
}

export function sameOriginOnly(siteOrigin: string): MiddlewareHandler {
	const origin = new URL(siteOrigin).origin;
	return async function requireSameOrigin(c, next) {
		if (SAFE_METHODS.has(c.req.method) || isSameOriginRequest(c.req.raw.headers, origin)) {
			await next();
			return;
		}
		return errorResponse(
			c,
			new ApiError(403, 'forbidden_origin', '이 사이트에서 보낸 요청만 처리할 수 있습니다.'),
		);
	};
}
