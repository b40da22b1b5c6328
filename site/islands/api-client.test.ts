/**
 * The islands' API client against real servers: the app itself for a visitor's "who am I", and a
 * node:http server for the answers the app gives rarely or never (a proxy's HTML 502, a body that
 * never ends, no answer at all). Node's fetch stands in for the browser's.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../api/testing.ts';
import {
	type ApiFailure,
	callApi,
	failureMessage,
	isSignedOut,
	onSignedOut,
	UNREACHABLE,
} from './api-client.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const routes = new Map<string, Handler>();
/** Requests whose connection closed before their answer was finished. */
const cutOff = new Set<string>();
let fake: Server;
let fakeUrl: string;
let app: TestApp;
let appServer: Server;
let appUrl: string;
let signedOut = 0;

function urlOf(server: Server): string {
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
	fake = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => {
			body += chunk.toString();
		});
		req.on('end', () => {
			const path = req.url ?? '';
			res.on('close', () => {
				if (!res.writableFinished) cutOff.add(path);
			});
			const handler = routes.get(path);
			if (handler === undefined) res.writeHead(404).end();
			else handler(req, res, body);
		});
	});
	await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
	fakeUrl = urlOf(fake);
	app = await createTestApp();
	appServer = serve({ fetch: app.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
	await new Promise<void>((resolve) => appServer.once('listening', resolve));
	appUrl = urlOf(appServer);
	onSignedOut(() => {
		signedOut += 1;
	});
});

afterAll(async () => {
	fake.closeAllConnections();
	appServer.closeAllConnections();
	await new Promise((resolve) => fake.close(resolve));
	await new Promise((resolve) => appServer.close(resolve));
	app.destroy();
});

function json(status: number, value: unknown): Handler {
	return (_req, res) => {
		res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
	};
}

test("reads the app's answers: a visitor's 401 from who-am-I signs out, health is data", async () => {
	const before = signedOut;
	const me = await callApi(`${appUrl}/api/me`);
	expect(me).toEqual({
		ok: false,
		status: 401,
		error: { code: 'unauthenticated', message: '로그인이 필요합니다.' },
	});
	expect(isSignedOut(me)).toBe(true);
	expect(signedOut).toBe(before + 1);
	const health = await callApi<{ status: string }>(`${appUrl}/api/health`);
	expect(health.ok && health.data.status).toBe('ok');
});

test('sends JSON with the method, asks for JSON, and keeps the error fields', async () => {
	let seen: { method?: string; type?: string; accept?: string; body?: string } = {};
	routes.set('/echo', (req, res, body) => {
		seen = {
			...(req.method === undefined ? {} : { method: req.method }),
			...(req.headers['content-type'] === undefined ? {} : { type: req.headers['content-type'] }),
			...(req.headers.accept === undefined ? {} : { accept: req.headers.accept }),
			body,
		};
		json(400, {
			error: {
				code: 'invalid_input',
				message: '별점을 골라 주세요.',
				fields: { rating: '별점을 골라 주세요.' },
			},
		})(req, res, body);
	});
	const result = await callApi(`${fakeUrl}/echo`, { method: 'PATCH', json: { rating: 4.5 } });
	expect(seen).toEqual({
		method: 'PATCH',
		type: 'application/json',
		accept: 'application/json',
		body: '{"rating":4.5}',
	});
	expect(result).toEqual({
		ok: false,
		status: 400,
		error: {
			code: 'invalid_input',
			message: '별점을 골라 주세요.',
			fields: { rating: '별점을 골라 주세요.' },
		},
	});
	expect(failureMessage(result as ApiFailure)).toBe('별점을 골라 주세요.');
});

test('answers 204 as data null, and a wrong password is no sign-out', async () => {
	routes.set('/gone', (_req, res) => res.writeHead(204).end());
	expect(await callApi(`${fakeUrl}/gone`, { method: 'DELETE' })).toEqual({
		ok: true,
		status: 204,
		data: null,
	});
	const before = signedOut;
	routes.set(
		'/login',
		json(401, { error: { code: 'invalid_credentials', message: '이메일 또는 비밀번호가…' } }),
	);
	const login = await callApi(`${fakeUrl}/login`, { method: 'POST', json: {} });
	expect(login.status).toBe(401);
	expect(isSignedOut(login)).toBe(false);
	expect(signedOut).toBe(before);
});

test('cancels a body it will not read, so the request ends at once', async () => {
	// A proxy's error page that keeps streaming: reading it would hold the request open.
	routes.set('/endless', (_req, res) => {
		res.writeHead(502, { 'Content-Type': 'text/html' });
		const timer = setInterval(() => res.write('<p>bad gateway</p>'), 20);
		res.on('close', () => clearInterval(timer));
	});
	const started = performance.now();
	const result = await callApi(`${fakeUrl}/endless`);
	expect(result).toEqual({ ok: false, status: 502, error: null });
	expect(failureMessage(result as ApiFailure)).toBe(
		'요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.',
	);
	expect(performance.now() - started).toBeLessThan(5_000);
	await expect.poll(() => cutOff.has('/endless')).toBe(true);
});

test('a success without its JSON is a failure, not data', async () => {
	routes.set('/broken', (_req, res) => {
		res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"user": ');
	});
	expect(await callApi(`${fakeUrl}/broken`)).toEqual({ ok: false, status: 200, error: null });
});

test('gives up after the timeout, and at once when the caller aborts', async () => {
	routes.set('/silent', () => {});
	const timedOut = await callApi(`${fakeUrl}/silent`, { timeoutMs: 100 });
	expect(timedOut).toEqual({ ok: false, status: 0, error: null });
	expect(failureMessage(timedOut as ApiFailure)).toBe(UNREACHABLE);
	await expect.poll(() => cutOff.has('/silent')).toBe(true);

	const caller = new AbortController();
	const pending = callApi(`${fakeUrl}/silent`, { signal: caller.signal });
	caller.abort();
	expect(await pending).toEqual({ ok: false, status: 0, error: null });
	const already = await callApi(`${fakeUrl}/silent`, { signal: caller.signal });
	expect(already).toEqual({ ok: false, status: 0, error: null });
});

test('answers status 0 when nothing listens', async () => {
	const closed = createServer();
	await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
	const url = urlOf(closed);
	await new Promise((resolve) => closed.close(resolve));
	expect(await callApi(`${url}/api/me`)).toEqual({ ok: false, status: 0, error: null });
});
