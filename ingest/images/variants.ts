/**
 * Turns downloaded bytes into responsive variants on disk, named by content hash, plus a tiny
 * placeholder. Decodes once: the source is decoded, oriented and shrunk to the largest width a
 * profile needs, and every variant is resized from that raw intermediate.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import type { ImageVariant } from '../../db/schema/index.ts';
import { ImageSourceError } from './download.ts';

export type ImageKind = 'poster' | 'intro';

export interface VariantProfile {
	/** Goes into file names, so changing any setting below needs a new tag (old files stay valid). */
	tag: string;
	widths: readonly number[];
	/**
	 * AVIF variants are added when the largest WebP variant has at least this many bytes; null:
	 * WebP only. Every variant set holds WebP at every width, and AVIF at all of them or none, so
	 * a page's `<picture>` never offers AVIF at fewer widths than WebP.
	 */
	avifFromBytes: number | null;
}

/**
 * Chosen for the first-start budget (≈3 min for the whole demo ingest, ~2,900 images, on 2 cores)
 * from CPU time measured here with sharp 0.35 (concurrency 1):
 * - per 1000×1400 photo-like poster at 400 px: WebP effort 4 ≈ 49 ms, effort 2 ≈ 32 ms for the
 *   same bytes; AVIF effort 1 ≈ 65 ms, effort 2 ≈ 118 ms, effort 3 ≈ 244 ms, within 3% of each
 *   other in size. AVIF effort 0 comes out larger than WebP, so it is never worth it.
 * - the demo's posters (flat, 300–1000 px, largest WebP variant 5–16 KB): all variants in WebP
 *   effort 2 ≈ 31 ms; adding AVIF effort 1 ≈ 113 ms, for ~15% fewer bytes (1–2 KB a view).
 *   AVIF on every image made the images step 288 CPU s (100 ms/image): over budget by itself.
 * So AVIF (effort 1) is encoded only where it pays: photographic posters, whose WebP passes
 * 16 KiB and where AVIF saves 35–45%. Real KOPIS posters mostly qualify; the demo's do not.
 *
 * Posters are what every list, card and detail page shows: 240/480 cover cards at 1x/2x and 800 a
 * ≤400 CSS px detail poster at 2x. Intro images are tall (real ones 900×5000+), text-heavy and
 * below the fold on one page only: WebP at two widths. Widths above the source's own are dropped
 * (no upscaling); the source width itself is kept when it is clearly larger.
 */
export const VARIANT_PROFILES: Record<ImageKind, VariantProfile> = {
	poster: { tag: 'p1', widths: [240, 480, 800], avifFromBytes: 16 * 1024 },
	intro: { tag: 'i1', widths: [480, 960], avifFromBytes: null },
};

const WEBP = { quality: 75, effort: 2 } as const;
const AVIF = { quality: 50, effort: 1 } as const;
/** 16 px wide, blurred, ~150 bytes as a data URL: enough for a colour wash while the image loads. */
const PLACEHOLDER_WIDTH = 16;

export interface EncodeOptions {
	mediaDir: string;
	/** sharp's limitInputPixels: refuses decompression bombs from the header, before decoding. */
	maxInputPixels: number;
}

export interface EncodedImage {
	width: number;
	height: number;
	variants: ImageVariant[];
	placeholder: string;
	/** Bytes written to disk by this call. */
	bytesOut: number;
}

/** The widths a source `sourceWidth` px wide gets under a profile. */
export function variantWidths(profile: VariantProfile, sourceWidth: number): number[] {
	const widths = profile.widths.filter((width) => width <= sourceWidth);
	const largest = widths.at(-1);
	// A 500 px source gets 240, 480 — not also a 500 barely different from 480.
	if (
		largest === undefined ||
		(sourceWidth > largest * 1.25 && largest < Math.max(...profile.widths))
	)
		widths.push(sourceWidth);
	return widths;
}

/** Where a variant lives under MEDIA_DIR: sharded by hash so no folder grows past a few thousand files. */
export function variantPath(
	sourceHash: string,
	profile: VariantProfile,
	width: number,
	format: string,
): string {
	return `images/${sourceHash.slice(0, 2)}/${sourceHash.slice(0, 32)}-${profile.tag}-${width}.${format}`;
}

/** Writes then renames, so a crash never leaves a half-written file under a final name. */
async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
	await mkdir(dirname(path), { recursive: true });
	const temporary = `${path}.${randomUUID()}.tmp`;
	try {
		await writeFile(temporary, data);
		await rename(temporary, path);
	} catch (error) {
		await rm(temporary, { force: true });
		throw error;
	}
}

/** True when the variants were made with the profile's current settings. */
export function madeWith(profile: VariantProfile, variants: readonly ImageVariant[]): boolean {
	return (
		variants.length > 0 && variants.every((variant) => variant.path.includes(`-${profile.tag}-`))
	);
}

/** True when every variant file is still on disk (MEDIA_DIR may have been wiped or moved). */
export async function variantsExist(
	mediaDir: string,
	variants: readonly ImageVariant[],
): Promise<boolean> {
	const found = await Promise.all(
		variants.map((variant) =>
			stat(join(mediaDir, variant.path)).then(
				(stats) => stats.size === variant.bytes,
				() => false,
			),
		),
	);
	return variants.length > 0 && found.every(Boolean);
}

/** WebP and AVIF stop at 16383 px a side. */
export const MAX_SIDE = 16_383;
export const DECODABLE_FORMATS = new Set(['jpeg', 'png', 'gif', 'webp', 'heif']);

export async function placeholderDataUrl(image: Sharp): Promise<string> {
	const bytes = await image
		.resize({ width: PLACEHOLDER_WIDTH })
		.blur(1)
		.webp({ quality: 40 })
		.toBuffer();
	return `data:image/webp;base64,${bytes.toString('base64')}`;
}

export async function encodeVariants(
	bytes: Uint8Array,
	sourceUrl: string,
	sourceHash: string,
	profile: VariantProfile,
	options: EncodeOptions,
): Promise<EncodedImage> {
	const topWidth = Math.max(...profile.widths);
	let decoded: { data: Buffer; info: OutputInfo };
	let source: { width: number; height: number };
	try {
		// failOn 'error': a truncated or corrupt file is refused rather than half-grey; the pixel
		// limit is checked from the header before any pixel is decoded.
		const input = sharp(bytes, { failOn: 'error', limitInputPixels: options.maxInputPixels });
		const metadata = await input.metadata();
		if (!DECODABLE_FORMATS.has(metadata.format)) {
			throw new Error(`unsupported format ${metadata.format}`);
		}
		// The source's size after EXIF orientation: what pages put in width/height for the ratio.
		source = metadata.autoOrient;
		decoded = await input
			.autoOrient()
			// Very tall intro strips are shrunk to fit the formats' limit.
			.resize({ width: topWidth, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
			.toColourspace('srgb')
			.raw({ depth: 'uchar' })
			.toBuffer({ resolveWithObject: true });
	} catch (cause) {
		const detail = cause instanceof Error ? cause.message : String(cause);
		throw new ImageSourceError(sourceUrl, `not a readable image (${detail})`, false, { cause });
	}
	const { data, info } = decoded;
	const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
	const fromRaw = (width: number): Sharp => sharp(data, raw).resize({ width });

	const variants: ImageVariant[] = [];
	let bytesOut = 0;
	// One at a time within an image: the caller runs several images at once, which keeps both
	// cores busy without holding every variant of every image in memory.
	async function write(width: number, format: 'webp' | 'avif'): Promise<ImageVariant> {
		const pipeline = fromRaw(width);
		const output = await (format === 'avif' ? pipeline.avif(AVIF) : pipeline.webp(WEBP))
			.toBuffer({ resolveWithObject: true })
			.catch((cause: unknown) => {
				throw new ImageSourceError(sourceUrl, `could not be encoded as ${format}`, false, {
					cause,
				});
			});
		const path = variantPath(sourceHash, profile, width, format);
		await writeAtomically(join(options.mediaDir, path), output.data);
		bytesOut += output.data.byteLength;
		const variant = {
			format,
			width: output.info.width,
			height: output.info.height,
			path,
			bytes: output.data.byteLength,
		};
		variants.push(variant);
		return variant;
	}
	const widths = variantWidths(profile, info.width);
	let largestWebp = 0;
	for (const width of widths) largestWebp = (await write(width, 'webp')).bytes;
	if (profile.avifFromBytes !== null && largestWebp >= profile.avifFromBytes) {
		for (const width of widths) await write(width, 'avif');
	}
	return {
		width: source.width,
		height: source.height,
		variants,
		placeholder: await placeholderDataUrl(sharp(data, raw)),
		bytesOut,
	};
}
