import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ImageSourceError } from './download.ts';
import { makeBombPng, makeImage, sha256Hex } from './testing.ts';
import {
	type EncodeOptions,
	encodeVariants,
	madeWith,
	VARIANT_PROFILES,
	variantsExist,
	variantWidths,
} from './variants.ts';

let mediaDir: string;
let options: EncodeOptions;
beforeEach(() => {
	mediaDir = mkdtempSync(join(tmpdir(), 'culturepedia-media-'));
	options = { mediaDir, maxInputPixels: 40e6 };
});
afterEach(() => {
	rmSync(mediaDir, { recursive: true, force: true });
});

async function encode(bytes: Buffer, kind: 'poster' | 'intro' = 'poster') {
	return encodeVariants(
		bytes,
		'http://test/a.jpg',
		sha256Hex(bytes),
		VARIANT_PROFILES[kind],
		options,
	);
}

test('picks widths up to the source, keeping the source width only when clearly larger', () => {
	const poster = VARIANT_PROFILES.poster;
	expect(variantWidths(poster, 1000)).toEqual([240, 480, 800]);
	expect(variantWidths(poster, 800)).toEqual([240, 480, 800]);
	expect(variantWidths(poster, 700)).toEqual([240, 480, 700]);
	expect(variantWidths(poster, 500)).toEqual([240, 480]);
	expect(variantWidths(poster, 300)).toEqual([240]);
	expect(variantWidths(poster, 320)).toEqual([240, 320]);
	expect(variantWidths(poster, 120)).toEqual([120]);
	expect(variantWidths(VARIANT_PROFILES.intro, 860)).toEqual([480, 860]);
});

test('writes AVIF and WebP poster variants named by content hash, with sizes and a placeholder', async () => {
	const source = await makeImage(1000, 1400);
	const hash = sha256Hex(source.bytes);
	const encoded = await encode(source.bytes);

	expect([encoded.width, encoded.height]).toEqual([1000, 1400]);
	expect(encoded.variants.map((v) => `${v.format}@${v.width}x${v.height}`)).toEqual([
		'webp@240x336',
		'webp@480x672',
		'webp@800x1120',
		'avif@240x336',
		'avif@480x672',
		'avif@800x1120',
	]);
	for (const variant of encoded.variants) {
		expect(variant.path).toBe(
			`images/${hash.slice(0, 2)}/${hash.slice(0, 32)}-p1-${variant.width}.${variant.format}`,
		);
		const file = join(mediaDir, variant.path);
		expect(statSync(file).size).toBe(variant.bytes);
		const metadata = await sharp(file).metadata();
		expect([metadata.format, metadata.width]).toEqual([
			variant.format === 'avif' ? 'heif' : 'webp',
			variant.width,
		]);
	}
	expect(encoded.bytesOut).toBe(encoded.variants.reduce((sum, v) => sum + v.bytes, 0));
	expect(encoded.placeholder).toMatch(/^data:image\/webp;base64,/);
	expect(encoded.placeholder.length).toBeLessThan(600);
	// No temporary files left behind.
	expect(readdirSync(join(mediaDir, 'images', hash.slice(0, 2)))).toHaveLength(6);
	expect(madeWith(VARIANT_PROFILES.poster, encoded.variants)).toBe(true);
	expect(madeWith(VARIANT_PROFILES.intro, encoded.variants)).toBe(false);
	expect(await variantsExist(mediaDir, encoded.variants)).toBe(true);
});

test('never upscales a small poster', async () => {
	const encoded = await encode((await makeImage(200, 280, 'png')).bytes);
	expect(encoded.variants.map((v) => [v.format, v.width, v.height])).toEqual([['webp', 200, 280]]);
});

test('gives a flat poster WebP only, where AVIF would save a kilobyte for three times the CPU', async () => {
	const flat = await sharp({ create: { width: 700, height: 980, channels: 3, background: '#a33' } })
		.composite([{ input: (await makeImage(300, 300, 'png')).bytes, top: 100, left: 100 }])
		.png()
		.toBuffer();
	const encoded = await encode(flat);
	expect(encoded.variants.map((v) => `${v.format}${v.width}`)).toEqual([
		'webp240',
		'webp480',
		'webp700',
	]);
	expect(Math.max(...encoded.variants.map((v) => v.bytes))).toBeLessThan(
		VARIANT_PROFILES.poster.avifFromBytes ?? 0,
	);
});

test('gives intro images WebP only, and shrinks very tall strips under the WebP limit', async () => {
	const strip = await sharp({
		create: { width: 800, height: 20_000, channels: 3, background: '#345678' },
	})
		.jpeg()
		.toBuffer();
	const encoded = await encode(strip, 'intro');
	expect([encoded.width, encoded.height]).toEqual([800, 20_000]);
	// 800×20000 fits 16383 px tall at 655 px wide.
	expect(encoded.variants.map((v) => [v.format, v.width, v.height])).toEqual([
		['webp', 480, 12_006],
		['webp', 655, 16_383],
	]);
});

test('applies EXIF orientation to the stored size and the variants', async () => {
	const landscape = await makeImage(600, 400);
	const rotated = await sharp(landscape.bytes).withMetadata({ orientation: 6 }).jpeg().toBuffer();
	const encoded = await encode(rotated);
	expect([encoded.width, encoded.height]).toEqual([400, 600]);
	expect(encoded.variants[0]).toMatchObject({ width: 240, height: 360 });
});

test('reads grey, transparent, 16-bit and animated sources', async () => {
	const grey = await sharp((await makeImage(300, 300)).bytes)
		.greyscale()
		.jpeg()
		.toBuffer();
	const rgba = await sharp((await makeImage(300, 300, 'png')).bytes)
		.ensureAlpha(0.5)
		.png()
		.toBuffer();
	const deep = await sharp((await makeImage(300, 300, 'png')).bytes)
		.toColourspace('rgb16')
		.png()
		.toBuffer();
	const gif = (await makeImage(300, 300, 'gif')).bytes;
	for (const bytes of [grey, rgba, deep, gif]) {
		const encoded = await encode(bytes);
		expect(encoded.variants.map((v) => `${v.format}${v.width}`)).toEqual(['webp240']);
		const stats = await sharp(join(mediaDir, encoded.variants[0]?.path ?? '')).stats();
		// A misread 16-bit buffer comes out as stripes of noise; a correct one keeps the picture's mean.
		expect(stats.channels[0]?.mean).toBeGreaterThan(20);
	}
});

test('refuses a truncated file as unreadable, not transient', async () => {
	const whole = (await makeImage(400, 560)).bytes;
	const error = await encode(whole.subarray(0, whole.length / 2)).catch(
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(ImageSourceError);
	expect((error as ImageSourceError).message).toContain('not a readable image');
	expect((error as ImageSourceError).transient).toBe(false);
});

test('refuses a decompression bomb from its header', async () => {
	const started = performance.now();
	const error = await encode(makeBombPng(50_000, 50_000)).catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(ImageSourceError);
	expect((error as ImageSourceError).message).toMatch(/pixel limit/i);
	// Refused from the header: decoding 2.5 gigapixels would take minutes and gigabytes.
	expect(performance.now() - started).toBeLessThan(5_000);
	expect(readdirSync(mediaDir)).toEqual([]);
});

test('refuses formats sharp can read but posters never are', async () => {
	const tiff = await sharp((await makeImage(100, 100)).bytes)
		.tiff()
		.toBuffer();
	const error = await encode(tiff).catch((caught: unknown) => caught);
	expect((error as ImageSourceError).message).toContain('unsupported format tiff');
});
