/**
 * Sample posters for the seeded catalogue: a few images in the variants the image pipeline
 * writes (AVIF, WebP, JPEG at three widths), shared by many performances so seeding stays fast.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ImageVariant } from '../../db/schema/catalog.ts';

export interface SamplePoster {
	width: number;
	height: number;
	variants: ImageVariant[];
	placeholder: string;
}

const WIDTHS = [240, 480, 960] as const;
/** KOPIS posters are portrait, about 5:7. */
const RATIO = 1.4;
const COLOURS = ['#8e2c48', '#1f5f8b', '#2e7d5b', '#b3541e', '#5b3f8c', '#7a6a1f'] as const;

function svgPoster(colour: string, index: number): Buffer {
	const width = 960;
	const height = Math.round(width * RATIO);
	return Buffer.from(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
			<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
				<stop offset="0" stop-color="${colour}"/><stop offset="1" stop-color="#111"/>
			</linearGradient></defs>
			<rect width="100%" height="100%" fill="url(#g)"/>
			<circle cx="${300 + index * 60}" cy="${500 + index * 40}" r="${180 + index * 10}" fill="#fff" fill-opacity="0.18"/>
			<rect x="80" y="${height - 320}" width="800" height="40" fill="#fff" fill-opacity="0.6"/>
			<rect x="80" y="${height - 250}" width="520" height="24" fill="#fff" fill-opacity="0.4"/>
		</svg>`,
	);
}

/** Writes `count` posters under `mediaDir/posters/` and returns their pipeline-style records. */
export async function writeSamplePosters(mediaDir: string, count: number): Promise<SamplePoster[]> {
	const dir = join(mediaDir, 'posters');
	await mkdir(dir, { recursive: true });
	const posters: SamplePoster[] = [];
	for (let index = 0; index < count; index += 1) {
		const colour = COLOURS[index % COLOURS.length] ?? '#333';
		const source = sharp(svgPoster(colour, index));
		const variants: ImageVariant[] = [];
		for (const width of WIDTHS) {
			const height = Math.round(width * RATIO);
			const resized = source.clone().resize(width, height);
			const outputs: [ImageVariant['format'], Promise<Buffer>][] = [
				['avif', resized.clone().avif({ effort: 0, quality: 45 }).toBuffer()],
				['webp', resized.clone().webp({ quality: 70 }).toBuffer()],
				['jpeg', resized.clone().jpeg({ quality: 75, mozjpeg: true }).toBuffer()],
			];
			for (const [format, output] of outputs) {
				const bytes = await output;
				const path = `posters/sample-${index}-${width}.${format === 'jpeg' ? 'jpg' : format}`;
				await writeFile(join(mediaDir, path), bytes);
				variants.push({ format, width, height, path, bytes: bytes.length });
			}
		}
		const tiny = await source.clone().resize(12, 17).blur(1).webp({ quality: 30 }).toBuffer();
		posters.push({
			width: 960,
			height: Math.round(960 * RATIO),
			variants,
			placeholder: `data:image/webp;base64,${tiny.toString('base64')}`,
		});
	}
	return posters;
}
