/**
 * Demo posters and intro images, drawn with sharp from SVG (shapes, gradients and Latin text
 * only: the machine may lack Korean fonts), deterministic per path, plus the deliberately bad
 * bodies the image pipeline must survive. Rendered images are cached in memory up to a budget.
 */
import { promisify } from 'node:util';
import { constants, crc32, deflate } from 'node:zlib';
import sharp from 'sharp';
import { BOMB_SIZE } from '../dataset/image-plan.ts';
import type { DemoImage } from '../dataset/model.ts';
import { hashOf, unitOf } from '../dataset/random.ts';

const deflateAsync = promisify(deflate);

/** Past the 10 MB cap an image download should enforce. */
export const OVERSIZED_BYTES = 11 * 1024 * 1024;

export const CONTENT_TYPES = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif' } as const;

function colour(key: string, salt: string, lightness: number): string {
	return `hsl(${Math.floor(unitOf(key, salt) * 360)},${45 + Math.floor(unitOf(key, salt, 's') * 40)}%,${lightness}%)`;
}

function posterSvg(image: DemoImage, label: string): string {
	const { width: w, height: h, path } = image;
	const shapes: string[] = [];
	const count = 3 + (hashOf(path, 'count') % 5);
	for (let index = 0; index < count; index += 1) {
		const x = Math.round(unitOf(path, 'x', index) * w);
		const y = Math.round(unitOf(path, 'y', index) * h);
		const size = Math.round((0.1 + unitOf(path, 'r', index) * 0.3) * w);
		const fill = colour(path, `shape${index}`, 55 + (index % 3) * 10);
		shapes.push(
			index % 2 === 0
				? `<circle cx="${x}" cy="${y}" r="${size}" fill="${fill}" opacity="0.75"/>`
				: `<rect x="${x - size}" y="${y - size / 2}" width="${size * 2}" height="${size}" fill="${fill}" opacity="0.6" transform="rotate(${Math.round(unitOf(path, 'a', index) * 90) - 45} ${x} ${y})"/>`,
		);
	}
	const font = Math.round(w / 11);
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="${unitOf(path, 'gx').toFixed(2)}" y2="1"><stop offset="0" stop-color="${colour(path, 'top', 35)}"/><stop offset="1" stop-color="${colour(path, 'bottom', 15)}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}<rect x="0" y="${Math.round(h * 0.72)}" width="${w}" height="${Math.round(h * 0.16)}" fill="#000" opacity="0.45"/><text x="${Math.round(w * 0.07)}" y="${Math.round(h * 0.8)}" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="${font}" fill="#fff">${label}</text><text x="${Math.round(w * 0.07)}" y="${Math.round(h * 0.86)}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(font / 2)}" fill="#eee">CULTUREPEDIA DEMO</text></svg>`;
}

function introSvg(image: DemoImage, label: string): string {
	const { width: w, height: h, path } = image;
	const lines: string[] = [];
	for (let y = Math.round(h * 0.45); y < h - 40; y += 36) {
		const length = Math.round(w * (0.5 + unitOf(path, 'line', y) * 0.4));
		lines.push(
			`<rect x="40" y="${y}" width="${length}" height="14" fill="#9aa0a6" opacity="0.7"/>`,
		);
	}
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#fafafa"/><rect width="${w}" height="${Math.round(h * 0.12)}" fill="${colour(path, 'head', 40)}"/><rect x="40" y="${Math.round(h * 0.16)}" width="${w - 80}" height="${Math.round(h * 0.25)}" fill="${colour(path, 'photo', 70)}"/><circle cx="${Math.round(w * 0.7)}" cy="${Math.round(h * 0.28)}" r="${Math.round(w * 0.08)}" fill="${colour(path, 'sun', 85)}"/>${lines.join('')}<text x="40" y="${Math.round(h * 0.08)}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(w / 16)}" fill="#fff">${label}</text></svg>`;
}

/** A valid image exactly `image.width` × `image.height` in `image.format`. */
export async function renderDemoImage(image: DemoImage, label: string): Promise<Buffer> {
	const isIntro = image.path.includes('/pfmIntroImage/');
	const svg = isIntro ? introSvg(image, label) : posterSvg(image, label);
	const pipeline = sharp(Buffer.from(svg));
	switch (image.format) {
		case 'jpeg':
			return pipeline.jpeg({ quality: 70 }).toBuffer();
		case 'png':
			return pipeline.png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer();
		case 'gif':
			// Few colours, no dithering: a flat poster stays small and fast to encode.
			return pipeline.gif({ effort: 1, colours: 16, dither: 0 }).toBuffer();
	}
}

/** A JPEG cut off halfway: the header reads, decoding fails. */
export async function truncatedJpeg(image: DemoImage, label: string): Promise<Buffer> {
	const whole = await renderDemoImage({ ...image, format: 'jpeg' }, label);
	return whole.subarray(0, Math.floor(whole.length / 2));
}

/** What a misconfigured image host sends with `Content-Type: image/jpeg`. */
export const HTML_INSTEAD_OF_IMAGE = Buffer.from(
	'<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>',
);

let oversized: Buffer | null = null;

/** A real JPEG start padded past 10 MB. */
export async function oversizedBody(): Promise<Buffer> {
	if (oversized === null) {
		const head = await renderDemoImage(
			{
				path: '/oversized',
				width: 200,
				height: 280,
				format: 'jpeg',
				fault: null,
				redirected: false,
			},
			'BIG',
		);
		oversized = Buffer.concat([head, Buffer.alloc(OVERSIZED_BYTES - head.length)]);
	}
	return oversized;
}

let bomb: Promise<Buffer> | null = null;

function pngChunk(type: string, data: Buffer): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'ascii');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(data, crc32(Buffer.from(type, 'ascii'))), 0);
	return Buffer.concat([head, data, crc]);
}

/**
 * A 20000×20000 1-bit grey PNG of zeros: a few tens of kilobytes that claim 400 megapixels
 * (≈1.2 GB as RGB). Built by hand so making it never allocates the pixels.
 */
export function decompressionBomb(): Promise<Buffer> {
	bomb ??= (async () => {
		const header = Buffer.alloc(13);
		header.writeUInt32BE(BOMB_SIZE, 0);
		header.writeUInt32BE(BOMB_SIZE, 4);
		header.writeUInt8(1, 8); // bit depth
		header.writeUInt8(0, 9); // greyscale
		const rowBytes = 1 + Math.ceil(BOMB_SIZE / 8); // filter byte + packed pixels
		// Run-length strategy: as small as level 9 on zeros, about ten times faster.
		const pixels = await deflateAsync(Buffer.alloc(rowBytes * BOMB_SIZE), {
			level: 1,
			strategy: constants.Z_RLE,
		});
		return Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			pngChunk('IHDR', header),
			pngChunk('IDAT', pixels),
			pngChunk('IEND', Buffer.alloc(0)),
		]);
	})();
	return bomb;
}

export interface ImageCache {
	get(key: string, render: () => Promise<Buffer>): Promise<Buffer>;
	readonly bytes: number;
}

/** Keeps rendered images up to `maxBytes`, dropping the least recently used; renders each once. */
export function createImageCache(maxBytes: number): ImageCache {
	const entries = new Map<string, Buffer>();
	const pending = new Map<string, Promise<Buffer>>();
	let bytes = 0;
	return {
		get bytes() {
			return bytes;
		},
		async get(key, render) {
			const hit = entries.get(key);
			if (hit !== undefined) {
				entries.delete(key);
				entries.set(key, hit);
				return hit;
			}
			const inFlight = pending.get(key);
			if (inFlight !== undefined) return inFlight;
			const promise = render().finally(() => pending.delete(key));
			pending.set(key, promise);
			const body = await promise;
			entries.set(key, body);
			bytes += body.length;
			for (const [oldKey, oldBody] of entries) {
				if (bytes <= maxBytes) break;
				entries.delete(oldKey);
				bytes -= oldBody.length;
			}
			return body;
		},
	};
}
