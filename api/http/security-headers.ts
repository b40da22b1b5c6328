/**
 * Security headers for every response of the one server: the API, the pre-rendered pages, media.
 * Hono's secureHeaders() defaults HSTS to 180 days and has no CSP; docs/SECURITY.md asks for a year
 * and a CSP with object-src, base-uri and frame-ancestors 'none'.
 */
import type { ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/** HSTS max-age: one year, the minimum docs/SECURITY.md accepts (Hono's default is 180 days). */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * No inline script or style anywhere (astro.config.mjs never inlines Astro's bundles, islands set
 * no style attributes), so both are 'self' only; 'wasm-unsafe-eval' lets Pagefind instantiate its
 * WebAssembly search index and allows no JavaScript eval. Posters and placeholders may be data: URLs.
 */
function contentSecurityPolicy(upgradeInsecure: boolean): string {
	const directives = [
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"form-action 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"frame-ancestors 'none'",
	];
	// Only over HTTPS: on plain-http localhost it would send every subresource to a closed port.
	if (upgradeInsecure) directives.push('upgrade-insecure-requests');
	return directives.join('; ');
}

/** The exact header set, exported so tests and the route inventory check against one source. */
export function securityHeaderEntries(options: { hsts: boolean }): [string, string][] {
	const entries: [string, string][] = [
		['Content-Security-Policy', contentSecurityPolicy(options.hsts)],
		['X-Content-Type-Options', 'nosniff'],
		['X-Frame-Options', 'DENY'],
		['Referrer-Policy', 'strict-origin-when-cross-origin'],
		['Cross-Origin-Opener-Policy', 'same-origin'],
		['Cross-Origin-Resource-Policy', 'same-origin'],
		['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
	];
	if (options.hsts) {
		entries.push([
			'Strict-Transport-Security',
			`max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
		]);
	}
	return entries;
}

interface NodeBindings {
	outgoing?: ServerResponse;
}

export function securityHeaders(options: { hsts: boolean }): MiddlewareHandler {
	const entries = securityHeaderEntries(options);
	return async function applySecurityHeaders(c, next) {
		for (const [name, value] of entries) c.header(name, value);
		// A handler that writes to the Node response itself (Astro's middleware-mode handler)
		// bypasses Hono's headers; headers set here are merged into its writeHead.
		const outgoing = (c.env as NodeBindings | undefined)?.outgoing;
		if (outgoing !== undefined && !outgoing.headersSent) {
			for (const [name, value] of entries) outgoing.setHeader(name, value);
		}
		await next();
		// A Response built without the context (`new Response(...)`) replaces the prepared headers.
		if (!c.res.headers.has('Content-Security-Policy')) {
			for (const [name, value] of entries) c.header(name, value);
		}
	};
}
