import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DemoDataset, DemoImage, DemoImageFault } from '../dataset/generate.ts';
import { OVERSIZED_BYTES } from './posters.ts';
import type { KopisServer } from './server.ts';
import { startSmallDemoServer } from './testing.ts';

let dataset: DemoDataset;
let server: KopisServer;

beforeAll(async () => {
	({ dataset, server } = await startSmallDemoServer());
});
afterAll(() => server.close());

function images(): DemoImage[] {
	return dataset.performances.flatMap((p) => [p.poster, ...p.introImages]);
}

function withFault(fault: DemoImageFault): DemoImage {
	const image = images().find((candidate) => candidate.fault === fault);
	if (image === undefined) throw new Error(`no ${fault} image`);
	return image;
}

async function download(image: DemoImage, init?: RequestInit) {
	const response = await fetch(`${server.origin}${image.path}`, init);
	return { response, body: Buffer.from(await response.arrayBuffer()) };
}

describe('valid images', () => {
	test('decode with sharp at their stated size and format', async () => {
		const valid = images().filter((image) => image.fault === null);
		const sample = [
			...['jpeg', 'png', 'gif'].map((format) =>
				valid.find((i) => i.format === format && i.path.includes('pfmPoster')),
			),
			valid.find((i) => i.path.includes('pfmIntroImage')),
			valid.find((i) => i.path.endsWith('.jfif')),
		];
		for (const image of sample) {
			if (image === undefined) throw new Error('the small dataset lacks an image kind');
			const { response, body } = await download(image);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe(`image/${image.format}`);
			const { info } = await sharp(body).raw().toBuffer({ resolveWithObject: true });
			expect([info.width, info.height]).toEqual([image.width, image.height]);
			expect((await sharp(body).metadata()).format).toBe(image.format);
			expect(body.length).toBeLessThan(400_000);
		}
	});

	test('are the same bytes on every request and differ between images', async () => {
		const [a, b] = images().filter(
			(image) => image.fault === null && !image.redirected && image.format === 'jpeg',
		);
		if (a === undefined || b === undefined) throw new Error('too few images');
		const first = (await download(a)).body;
		expect((await download(a)).body.equals(first)).toBe(true);
		expect((await download(b)).body.equals(first)).toBe(false);
	});

	test('a redirected one sends a same-origin 302 first', async () => {
		const image = images().find((candidate) => candidate.redirected);
		if (image === undefined) throw new Error('no redirected image');
		const { response } = await download(image, { redirect: 'manual' });
		expect(response.status).toBe(302);
		expect(new URL(response.headers.get('location') ?? '').origin).toBe(server.origin);
		const followed = await download(image);
		expect((await sharp(followed.body).metadata()).width).toBe(image.width);
	});

	test('HEAD answers headers only, and unknown paths are 404', async () => {
		const image = images().find((candidate) => candidate.fault === null && !candidate.redirected);
		const head = await fetch(`${server.origin}${image?.path}`, { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
		expect(
			(await fetch(`${server.origin}/upload/pfmPoster/PF_PF000000_000000_000000.gif`)).status,
		).toBe(404);
	});
});

describe('bad images', () => {
	test('truncated is a JPEG that fails to decode', async () => {
		const { response, body } = await download(withFault('truncated'));
		expect(response.headers.get('content-type')).toBe('image/jpeg');
		expect(body.subarray(0, 2).toString('hex')).toBe('ffd8');
		await expect(sharp(body).toBuffer()).rejects.toThrow();
	});

	test('html is an HTML page labelled image/jpeg', async () => {
		const { response, body } = await download(withFault('html'));
		expect(response.headers.get('content-type')).toBe('image/jpeg');
		expect(body.toString('utf8')).toMatch(/^<!DOCTYPE html>/);
		await expect(sharp(body).metadata()).rejects.toThrow();
	});

	test('oversized exceeds 10 MB, declared or streamed', async () => {
		const declared = await download(withFault('oversized'));
		expect(Number(declared.response.headers.get('content-length'))).toBe(OVERSIZED_BYTES);
		expect(declared.body.length).toBeGreaterThan(10 * 1024 * 1024);
		const streamed = await download(withFault('oversized-chunked'));
		expect(streamed.response.headers.get('content-length')).toBeNull();
		expect(streamed.body.length).toBeGreaterThan(10 * 1024 * 1024);
	});

	test('bomb is a tiny PNG claiming 20000×20000 that a pixel limit refuses', async () => {
		const { response, body } = await download(withFault('bomb'));
		expect(response.headers.get('content-type')).toBe('image/png');
		expect(body.length).toBeLessThan(200_000);
		// Even sharp's default limit (268 MP) refuses it; only the header can be read without one.
		expect(await sharp(body, { limitInputPixels: false }).metadata()).toMatchObject({
			width: 20_000,
			height: 20_000,
		});
		await expect(sharp(body).toBuffer()).rejects.toThrow(/pixel limit/i);
		await expect(sharp(body, { limitInputPixels: 40_000_000 }).toBuffer()).rejects.toThrow(
			/pixel limit/i,
		);
	});

	test('redirect-foreign points at another host name on the same server', async () => {
		const { response } = await download(withFault('redirect-foreign'), { redirect: 'manual' });
		expect(response.status).toBe(302);
		const location = new URL(response.headers.get('location') ?? '');
		expect(location.hostname).toBe('localhost');
		expect(location.host).not.toBe(new URL(server.origin).host);
	});
});
