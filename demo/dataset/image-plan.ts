/**
 * Which images a performance has: poster and intro-image paths in KOPIS's naming, their sizes
 * and formats, and the fixed few that are deliberately bad.
 */
import {
	DEMO_IMAGE_FAULTS,
	type DemoImage,
	type DemoImageFault,
	type DemoImageFormat,
	type DemoPerformance,
} from './model.ts';

/** Side of the decompression-bomb PNG: 400 megapixels, ten times sharp's usual 40 MP cap. */
export const BOMB_SIZE = 20_000;

import type { Rng } from './random.ts';

const POSTER_EXTENSIONS: readonly (readonly [string, number])[] = [
	['gif', 35],
	['jpg', 40],
	['png', 9],
	['jpeg', 6],
	['jfif', 6],
	['PNG', 4],
];
const POSTER_WIDTHS: readonly (readonly [number, number])[] = [
	[300, 3],
	[360, 2],
	[400, 3],
	[480, 2],
	[600, 2],
	[700, 1],
	[800, 1],
	[1000, 0.5],
];

/** The format an extension is served as (`.jfif` and `.jpeg` are JPEGs). */
export function formatOfExtension(extension: string): DemoImageFormat {
	const lower = extension.toLowerCase();
	return lower === 'gif' ? 'gif' : lower === 'png' ? 'png' : 'jpeg';
}

/** `2026-11-26 10:15:00` → `261126` and `101500`, as in KOPIS poster names. */
function stampParts(registeredAt: string): { day: string; time: string; compact: string } {
	const digits = registeredAt.replace(/\D/g, '');
	return { day: digits.slice(2, 8), time: digits.slice(8, 14), compact: digits.slice(0, 14) };
}

export function posterImage(rng: Rng, id: string, registeredAt: string): DemoImage {
	const extension = rng.weighted(POSTER_EXTENSIONS);
	const format = formatOfExtension(extension);
	// Palette formats cost far more to render; keep them to the smaller sizes.
	const width = Math.min(rng.weighted(POSTER_WIDTHS), format === 'jpeg' ? 1000 : 600);
	const ratio = rng.pick([1.4, Math.SQRT2, 1.5, 1.333]);
	const { day, time } = stampParts(registeredAt);
	return {
		path: `/upload/pfmPoster/PF_${id}_${day}_${time}.${extension}`,
		width,
		height: Math.round(width * ratio),
		format,
		fault: null,
		redirected: false,
	};
}

/** `styurl` images: named like `PF_PF273608_202509080558200860.jpg` (timestamp + 4 digits). */
export function introImages(rng: Rng, id: string, registeredAt: string): DemoImage[] {
	// Real intro images are tall detail pages; smaller and fewer ones (0.57 a show on average) keep
	// the first start's image step within its budget on two cores (bench/start.bench.ts).
	const count = rng.weighted([
		[0, 60],
		[1, 28],
		[2, 8],
		[3, 3],
		[4, 1],
	]);
	const { compact } = stampParts(registeredAt);
	return Array.from({ length: count }, (_, index) => {
		const extension = rng.weighted([
			['jpg', 16],
			['png', 2],
			['gif', 2],
		] as const);
		const format = formatOfExtension(extension);
		const width = format === 'jpeg' ? rng.pick([600, 640, 700]) : 600;
		const height = format === 'jpeg' ? rng.int(7, 11) * 100 : rng.int(7, 9) * 100;
		const suffix = String(rng.int(0, 9999)).padStart(4, '0');
		return {
			path: `/upload/pfmIntroImage/PF_${id}_${compact}${index}${suffix.slice(1)}.${extension}`,
			width,
			height,
			format,
			fault: null,
			redirected: false,
		};
	});
}

/**
 * Spreads one poster of each bad kind, one truncated intro image and two same-origin redirects
 * over the id range, so every dataset size has exactly these few.
 */
export function assignImageFaults(performances: DemoPerformance[]): void {
	const count = performances.length;
	const slots = DEMO_IMAGE_FAULTS.length + 3;
	DEMO_IMAGE_FAULTS.forEach((fault, index) => {
		const performance = performances[Math.floor((count * (index + 1)) / (slots + 1))];
		if (performance !== undefined) setFault(performance.poster, fault);
	});
	for (const position of [slots - 1, slots]) {
		const performance = performances[Math.floor((count * position) / (slots + 1))];
		if (performance !== undefined) performance.poster.redirected = true;
	}
	const withIntro = performances.find(
		(performance, index) => index > count / 2 && performance.introImages.length > 0,
	);
	const intro = withIntro?.introImages[0];
	if (intro !== undefined) setFault(intro, 'truncated');
}

/** Bad bodies have a fixed format (a bomb is a PNG, the rest JPEG-named), so the name says so. */
function setFault(image: DemoImage, fault: DemoImageFault): void {
	image.fault = fault;
	if (fault === 'redirect-foreign') return;
	image.format = fault === 'bomb' ? 'png' : 'jpeg';
	image.path = image.path.replace(/\.[^.]+$/, fault === 'bomb' ? '.png' : '.jpg');
	if (fault === 'bomb') {
		image.width = BOMB_SIZE;
		image.height = BOMB_SIZE;
	}
}
