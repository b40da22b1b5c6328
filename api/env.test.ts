import { expect, test } from 'vitest';
import { parseSettings } from '../db/settings.ts';
import { appSettings, serverSettings } from './env.ts';

test('runs the local demo with no configuration', () => {
	const env = parseSettings(serverSettings, {});
	expect(env).toMatchObject({
		PORT: 4321,
		HOST: '127.0.0.1',
		SITE_URL: 'http://127.0.0.1:4321',
		NODE_ENV: 'development',
		DATABASE_URL: 'file:data/culturepedia.db',
		LOGIN_THROTTLE_IP_BURST: 5,
	});
	expect(appSettings(env)).toEqual({ siteOrigin: 'http://127.0.0.1:4321', secureCookies: false });
});

test('uses secure cookies in production and keeps only the origin of SITE_URL', () => {
	const env = parseSettings(serverSettings, {
		NODE_ENV: 'production',
		SITE_URL: 'https://culturepedia.kr/some/path',
		PORT: '8080',
	});
	expect(env.PORT).toBe(8080);
	expect(appSettings(env)).toEqual({ siteOrigin: 'https://culturepedia.kr', secureCookies: true });
});

test('refuses an http SITE_URL in production, a bad port and a non-http URL', () => {
	expect(() =>
		parseSettings(serverSettings, { NODE_ENV: 'production', SITE_URL: 'http://culturepedia.kr' }),
	).toThrow(/SITE_URL: must be https/);
	expect(() => parseSettings(serverSettings, { PORT: '70000' })).toThrow(/PORT/);
	expect(() => parseSettings(serverSettings, { SITE_URL: 'ftp://culturepedia.kr' })).toThrow(
		/SITE_URL/,
	);
});
