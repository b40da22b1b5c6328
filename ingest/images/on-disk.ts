/**
 * Variants already on disk for these bytes. File names carry the content hash, so when the rows
 * that described them are gone (a sync that recreated a performance's image rows, a database
 * rebuilt beside a kept MEDIA_DIR) the files are found again and nothing is encoded.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ImageVariant } from '../../db/schema/index.ts';
import type { ReadyImage } from './rows.ts';
import {
	DECODABLE_FORMATS,
	type EncodeOptions,
	MAX_SIDE,
	placeholderDataUrl,
	type VariantProfile,
	variantPath,
	variantWidths,
} from './variants.ts';

async function findVariant(
	sourceHash: string,
	profile: VariantProfile,
	width: number,
	format: 'webp' | 'avif',
	mediaDir: string,
): Promise<ImageVariant | null> {
	const path = variantPath(sourceHash, profile, width, format);
	const file = join(mediaDir, path);
	try {
		const [stats, metadata] = await Promise.all([stat(file), sharp(file).metadata()]);
		return { format, width: metadata.width, height: metadata.height, path, bytes: stats.size };
	} catch {
		return null;
	}
}

/** Null unless every variant the profile calls for is on disk; then only the header is read. */
export async function findVariantsOnDisk(
	bytes: Uint8Array,
	sourceHash: string,
	profile: VariantProfile,
	options: EncodeOptions,
): Promise<ReadyImage | null> {
	const input = { failOn: 'error', limitInputPixels: options.maxInputPixels } as const;
	const metadata = await sharp(bytes, input)
		.metadata()
		.catch(() => null);
	// Unreadable sources go on to the encoder, which says why.
	if (metadata === null || !DECODABLE_FORMATS.has(metadata.format)) return null;
	const { width, height } = metadata.autoOrient;
	// The intermediate's width as encodeVariants computes it. Should sharp round a pixel
	// differently, no name matches and the image is simply encoded.
	const scale = Math.min(1, Math.max(...profile.widths) / width, MAX_SIDE / height);
	const widths = variantWidths(profile, Math.round(width * scale));
	const find = (format: 'webp' | 'avif') =>
		Promise.all(
			widths.map((variantWidth) =>
				findVariant(sourceHash, profile, variantWidth, format, options.mediaDir),
			),
		);
	const webp = await find('webp');
	const largest = webp.at(-1);
	if (largest === undefined || largest === null || webp.includes(null)) return null;
	const variants = webp.filter((variant) => variant !== null);
	if (profile.avifFromBytes !== null && largest.bytes >= profile.avifFromBytes) {
		const avif = await find('avif');
		if (avif.includes(null)) return null;
		variants.push(...avif.filter((variant) => variant !== null));
	}
	const placeholder = await placeholderDataUrl(sharp(bytes, input).autoOrient()).catch(() => null);
	return placeholder === null ? null : { width, height, variants, placeholder };
}
