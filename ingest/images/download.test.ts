import { afterEach, beforeEach, expect, test } from 'vitest';
import {
	type DownloadOptions,
	downloadImage,
	ImageSourceError,
	looksLikeImage,
} from './download.ts';
import { type GeneratedImage, type ImageServer, makeImage, startImageServer } from './testing.ts';

let server: ImageServer;
let options: DownloadOptions;
let jpeg: GeneratedImage;

beforeEach(async () => {
	server = await startImageServer();
	options = { allowedHosts: [server.host], maxBytes: 200_000, timeoutMs: 2_000, fetch };
	jpeg ??= await makeImage(120, 160);
});
afterEach(async () => {
	await server.close();
});

async function refusal(
	url: string,
	override: Partial<DownloadOptions> = {},
): Promise<ImageSourceError> {
	const error = await downloadImage(url, { ...options, ...override }).catch(
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(ImageSourceError);
	return error as ImageSourceError;
}

test('returns the bytes of an image on an allowed host', async () => {
	server.serve('/upload/pfmPoster/PF_1.jpg', jpeg);
	const image = await downloadImage(`${server.origin}/upload/pfmPoster/PF_1.jpg `, options);
	expect(Buffer.from(image.bytes).equals(jpeg.bytes)).toBe(true);
	expect(image.url).toBe(`${server.origin}/upload/pfmPoster/PF_1.jpg`);
});

test('refuses a host off the allowlist without requesting it', async () => {
	server.serve('/a.jpg', jpeg);
	const error = await refusal(`http://localhost:${server.host.split(':')[1]}/a.jpg`);
	expect(error.message).toContain('not on the allowlist');
	expect(error.transient).toBe(false);
	expect(server.requests).toEqual([]);
});

test('refuses schemes other than http and https, and credentials in the URL', async () => {
	expect((await refusal('file:///etc/passwd')).message).toContain('scheme file:');
	expect((await refusal(`http://user:secret@${server.host}/a.jpg`)).message).toContain(
		'credentials',
	);
	expect(server.requests).toEqual([]);
});

test('follows a redirect that stays on allowed hosts', async () => {
	server.serve('/new.jpg', jpeg);
	server.route('/old.jpg', (_request, response) => {
		response.writeHead(301, { location: '/new.jpg' }).end();
	});
	const image = await downloadImage(`${server.origin}/old.jpg`, options);
	expect(image.url).toBe(`${server.origin}/new.jpg`);
	expect(server.requests).toEqual(['/old.jpg', '/new.jpg']);
});

test('refuses a redirect to a host off the allowlist before following it', async () => {
	server.route('/bounce.jpg', (_request, response) => {
		response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
	});
	const error = await refusal(`${server.origin}/bounce.jpg`);
	expect(error.message).toContain('host 169.254.169.254 is not on the allowlist');
});

test('refuses an endless redirect loop', async () => {
	server.route('/loop.jpg', (_request, response) => {
		response.writeHead(302, { location: '/loop.jpg' }).end();
	});
	expect((await refusal(`${server.origin}/loop.jpg`)).message).toContain('redirects');
	expect(server.requests).toHaveLength(6);
});

test('refuses a body over the byte cap, declared or streamed', async () => {
	server.serve('/declared.jpg', jpeg);
	const declared = await refusal(`${server.origin}/declared.jpg`, { maxBytes: 1000 });
	expect(declared.message).toContain('too large');
	server.route('/chunked.jpg', (_request, response) => {
		// No Content-Length: the cap must hold while streaming.
		response.writeHead(200, { 'content-type': 'image/jpeg' });
		response.write(jpeg.bytes.subarray(0, 800));
		response.end(jpeg.bytes.subarray(800));
	});
	const streamed = await refusal(`${server.origin}/chunked.jpg`, { maxBytes: 1000 });
	expect(streamed.message).toContain('over the cap of 1000 bytes');
	expect(streamed.transient).toBe(false);
});

test('refuses a page, an SVG and image-typed bytes that are no image', async () => {
	server.route('/page.jpg', (_request, response) => {
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html></html>');
	});
	server.route('/vector.svg', (_request, response) => {
		response.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg/>');
	});
	server.serve('/fake.jpg', {
		bytes: Buffer.from('<html>error</html>'),
		contentType: 'image/jpeg',
	});
	expect((await refusal(`${server.origin}/page.jpg`)).message).toContain(
		'text/html is not an image',
	);
	expect((await refusal(`${server.origin}/vector.svg`)).message).toContain('image/svg+xml');
	expect((await refusal(`${server.origin}/fake.jpg`)).message).toContain('is not an image');
});

test('accepts an untyped body only when its bytes are an image', async () => {
	server.serve('/untyped.jpg', { bytes: jpeg.bytes, contentType: 'application/octet-stream' });
	const image = await downloadImage(`${server.origin}/untyped.jpg`, options);
	expect(image.bytes.byteLength).toBe(jpeg.bytes.byteLength);
});

test('calls 404 permanent and 503 or a stalled server transient', async () => {
	server.route('/busy.jpg', (_request, response) => {
		response.writeHead(503).end();
	});
	server.route('/stall.jpg', (_request, response) => {
		response.writeHead(200, { 'content-type': 'image/jpeg' });
		response.write(jpeg.bytes.subarray(0, 10));
	});
	expect((await refusal(`${server.origin}/missing.jpg`)).transient).toBe(false);
	const busy = await refusal(`${server.origin}/busy.jpg`);
	expect([busy.message, busy.transient]).toEqual([
		`image ${server.origin}/busy.jpg: HTTP 503`,
		true,
	]);
	const stalled = await refusal(`${server.origin}/stall.jpg`, { timeoutMs: 300 });
	expect([stalled.message, stalled.transient]).toEqual([
		`image ${server.origin}/stall.jpg: timed out`,
		true,
	]);
});

test('sends again once when the connection drops before an answer, then calls it transient', async () => {
	let drops = 1;
	server.route('/flaky.jpg', (request, response) => {
		if (drops > 0) {
			drops -= 1;
			request.socket.destroy();
			return;
		}
		response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg.bytes);
	});
	server.route('/dead.jpg', (request) => {
		request.socket.destroy();
	});
	const image = await downloadImage(`${server.origin}/flaky.jpg`, options);
	expect(image.bytes.byteLength).toBe(jpeg.bytes.length);
	const dead = await refusal(`${server.origin}/dead.jpg`);
	expect(dead.message).toMatch(/could not be fetched \((UND_ERR_SOCKET|ECONNRESET)\)$/);
	expect(dead.transient).toBe(true);
	expect(server.requests.filter((path) => path === '/dead.jpg')).toHaveLength(2);
});

test('recognises image signatures', async () => {
	for (const format of ['jpeg', 'png', 'gif', 'webp'] as const) {
		expect(looksLikeImage((await makeImage(8, 8, format)).bytes)).toBe(true);
	}
	expect(looksLikeImage(Buffer.from('GIF'))).toBe(false);
	expect(looksLikeImage(Buffer.from('%PDF-1.7'))).toBe(false);
	expect(looksLikeImage(new Uint8Array())).toBe(false);
});
