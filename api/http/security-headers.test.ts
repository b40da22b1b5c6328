import { Hono } from 'hono';
import { expect, test } from 'vitest';
import { securityHeaderEntries, securityHeaders } from './security-headers.ts';

function appWith(hsts: boolean): Hono {
	const app = new Hono();
	app.use('*', securityHeaders({ hsts }));
	app.get('/json', (c) => c.json({ ok: true }));
	// Static files and some libraries build their own Response, bypassing c.header().
	app.get('/raw', () => new Response('raw', { headers: { 'Content-Type': 'text/plain' } }));
	app.get('/fetched', async () => {
		const upstream = new Response('immutable');
		return new Response(upstream.body, { headers: Object.freeze(new Headers()) });
	});
	app.get('/error', () => {
		throw new Error('boom');
	});
	app.onError((_error, c) => c.text('failed', 500));
	return app;
}

test('adds every header to context, hand-built and error responses', async () => {
	const app = appWith(true);
	for (const path of ['/json', '/raw', '/fetched', '/error', '/missing']) {
		const res = await app.request(path);
		for (const [name, value] of securityHeaderEntries({ hsts: true })) {
			expect(res.headers.get(name), `${path} ${name}`).toBe(value);
		}
	}
});

test('sets the headers on a Node response that a handler writes to directly', async () => {
	const set = new Map<string, string>();
	const outgoing = {
		headersSent: false,
		setHeader: (name: string, value: string) => set.set(name, value),
	};
	await appWith(false).request('/json', {}, { outgoing });
	expect(Object.fromEntries(set)).toEqual(
		Object.fromEntries(securityHeaderEntries({ hsts: false })),
	);
});

test('sends HSTS for a year only when asked', () => {
	const names = (hsts: boolean) => securityHeaderEntries({ hsts }).map(([name]) => name);
	expect(names(false)).not.toContain('Strict-Transport-Security');
	expect(securityHeaderEntries({ hsts: true })).toContainEqual([
		'Strict-Transport-Security',
		'max-age=31536000; includeSubDomains',
	]);
});
