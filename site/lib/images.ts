/**
 * Turns what the image pipeline wrote (`performance_images`) into the attributes of a responsive
 * `<picture>`: AVIF and WebP sources, a widely supported fallback, intrinsic size and placeholder.
 * Only processed images are used: KOPIS's own URLs are plain HTTP on another host, which the
 * site's CSP (img-src 'self') and mixed-content rules would block anyway.
 */
import { mediaUrl, smallestVariantAtLeast } from '../../core/media-url.ts';
import type { ImageVariant, performanceImages } from '../../db/schema/catalog.ts';

type ImageRow = typeof performanceImages.$inferSelect;

export interface PictureSource {
	type: string;
	srcset: string;
}

export interface Picture {
	sources: PictureSource[];
	src: string;
	srcset: string;
	width: number;
	height: number;
	/** Tiny blurred `data:` image shown until the real one arrives. */
	placeholder: string | null;
	/** The smallest variant, enough for list thumbnails. */
	thumbnail: string;
}

const MIME: Readonly<Record<ImageVariant['format'], string>> = {
	avif: 'image/avif',
	webp: 'image/webp',
	jpeg: 'image/jpeg',
};

function srcsetOf(variants: readonly ImageVariant[]): string {
	return variants.map((variant) => `${mediaUrl(variant.path)} ${variant.width}w`).join(', ');
}

/** The picture for a processed image, or null when it is not ready or has no variants. */
export function pictureOf(row: ImageRow): Picture | null {
	if (row.status !== 'ready' || row.variants.length === 0) return null;
	const byFormat = (format: ImageVariant['format']): ImageVariant[] =>
		row.variants.filter((variant) => variant.format === format).sort((a, b) => a.width - b.width);
	// The <img> fallback must be one every browser decodes: JPEG, else WebP (all current browsers).
	const fallbackFormat = (['jpeg', 'webp', 'avif'] as const).find(
		(format) => byFormat(format).length > 0,
	);
	if (fallbackFormat === undefined) return null;
	const fallback = byFormat(fallbackFormat);
	const largest = fallback.at(-1);
	const smallest = fallback[0];
	if (largest === undefined || smallest === undefined) return null;
	const sources = (['avif', 'webp'] as const)
		.filter((format) => format !== fallbackFormat && byFormat(format).length > 0)
		.map((format) => ({ type: MIME[format], srcset: srcsetOf(byFormat(format)) }));
	// The middle width is the best single `src` for browsers that ignore srcset.
	const middle = fallback[Math.floor((fallback.length - 1) / 2)] ?? smallest;
	return {
		sources,
		src: mediaUrl(middle.path),
		srcset: srcsetOf(fallback),
		width: row.width ?? largest.width,
		height: row.height ?? largest.height,
		placeholder: row.placeholder,
		thumbnail: mediaUrl(smallest.path),
	};
}

/** The smallest variant at least `minWidth` wide (or the largest), e.g. for search thumbnails. */
export function variantUrl(row: ImageRow, minWidth: number): string | null {
	if (row.status !== 'ready') return null;
	const chosen = smallestVariantAtLeast(row.variants, ['webp', 'jpeg', 'avif'], minWidth);
	return chosen === null ? null : mediaUrl(chosen.path);
}

/** The best image for Open Graph and JSON-LD: the largest JPEG (what every crawler reads). */
export function shareImageUrl(row: ImageRow): string | null {
	if (row.status !== 'ready') return null;
	const order: ImageVariant['format'][] = ['jpeg', 'webp', 'avif'];
	for (const format of order) {
		const largest = row.variants
			.filter((variant) => variant.format === format)
			.sort((a, b) => b.width - a.width)[0];
		if (largest !== undefined) return mediaUrl(largest.path);
	}
	return null;
}
