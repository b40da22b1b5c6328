import { expect, test } from 'vitest';
import { createSessionCookie } from './cookie.ts';
import { generateSessionToken } from './session.ts';

const NOW = Date.UTC(2025, 4, 1);
const token = generateSessionToken();

test('sets the production cookie with exactly the docs/SECURITY.md attributes', () => {
	const cookie = createSessionCookie(true);
	expect(cookie.serialize(token, NOW + 30 * 86_400_000, NOW)).toBe(
		`__Host-session=${token}; Max-Age=2592000; Path=/; HttpOnly; Secure; SameSite=Lax`,
	);
	expect(cookie.blank()).toBe('__Host-session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax');
});

test('drops Secure and the __Host- prefix only for plain-http development', () => {
	const cookie = createSessionCookie(false);
	expect(cookie.serialize(token, NOW + 1000, NOW)).toBe(
		`session=${token}; Max-Age=1; Path=/; HttpOnly; SameSite=Lax`,
	);
});

test('reads the token among other cookies', () => {
	const cookie = createSessionCookie(true);
	expect(cookie.read(`theme=dark; __Host-session=${token}; lang=ko`)).toBe(token);
	expect(cookie.read(`__Host-session=${token}`)).toBe(token);
});

test.each([
	['no header', undefined],
	['empty', ''],
	['another cookie only', 'session=abc'],
	['empty value', '__Host-session='],
	['too short', `__Host-session=${token.slice(1)}`],
	['upper case', `__Host-session=${token.toUpperCase()}`],
	['quoted', `__Host-session="${token}"`],
	['percent-encoded junk', '__Host-session=%E0%A4%A'],
	['sql', "__Host-session=' OR 1=1 --"],
	['huge', `__Host-session=${'a'.repeat(10_000)}`],
	['unicode', '__Host-session=세션토큰'],
])('treats a malformed cookie (%s) as no cookie', (_name, header) => {
	expect(createSessionCookie(true).read(header)).toBeNull();
});

test('uses only the first cookie of its name', () => {
	const other = generateSessionToken();
	const cookie = createSessionCookie(true);
	expect(cookie.read(`__Host-session=${token}; __Host-session=${other}`)).toBe(token);
	expect(cookie.read(`__Host-session=junk; __Host-session=${other}`)).toBeNull();
});
