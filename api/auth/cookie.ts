/**
 * The session cookie. In production it is `__Host-session`: the prefix makes the browser insist on
 * Secure, Path=/ and no Domain, so a sibling subdomain cannot plant or overwrite it. Plain-http
 * development cannot set Secure, so there it is `session` with the same other attributes.
 */
import { TOKEN_PATTERN } from './session.ts';

export interface SessionCookie {
	readonly name: string;
	/** `Set-Cookie` value carrying a token until `expiresAt` (ms). */
	serialize(token: string, expiresAt: number, now: number): string;
	/** `Set-Cookie` value that removes the cookie. */
	blank(): string;
	/** The token from a `Cookie` header, or null when absent or not token-shaped. */
	read(cookieHeader: string | undefined): string | null;
}

export function createSessionCookie(secure: boolean): SessionCookie {
	const name = secure ? '__Host-session' : 'session';
	const attributes = `; Path=/; HttpOnly${secure ? '; Secure' : ''}; SameSite=Lax`;
	const prefix = `${name}=`;
	return {
		name,
		serialize(token, expiresAt, now) {
			const maxAge = Math.max(0, Math.floor((expiresAt - now) / 1000));
			return `${prefix}${token}; Max-Age=${maxAge}${attributes}`;
		},
		blank() {
			return `${prefix}; Max-Age=0${attributes}`;
		},
		read(cookieHeader) {
			if (cookieHeader === undefined) return null;
			// Only the first cookie of that name counts: a browser sends the most specific first,
			// and the __Host- prefix keeps others from adding a second one in production.
			for (const part of cookieHeader.split(';')) {
				const pair = part.trimStart();
				if (pair.startsWith(prefix)) {
					const value = pair.slice(prefix.length).trimEnd();
					return TOKEN_PATTERN.test(value) ? value : null;
				}
			}
			return null;
		},
	};
}
