import { expect, test } from 'vitest';
import { mediaUrl } from '../../core/media-url.ts';
import type { ImageRow } from './catalog.ts';
import { pictureOf, shareImageUrl, variantUrl } from './images.ts';

function row(overrides: Partial<ImageRow>): ImageRow {
	return {
		performanceId: 'PF1',
		kind: 'poster',
		position: 0,
		sourceUrl: 'http://www.kopis.or.kr/upload/pfmPoster/PF_PF1.jpg',
		status: 'ready',
		sourceHash: null,
		sourceBytes: null,
		width: 720,
		height: 1080,
		variants: [
			{ format: 'webp', width: 480, height: 720, path: 'images/a/p-480.webp', bytes: 1 },
			{ format: 'avif', width: 240, height: 360, path: 'images/a/p-240.avif', bytes: 1 },
			{ format: 'webp', width: 240, height: 360, path: 'images/a/p-240.webp', bytes: 1 },
			{ format: 'avif', width: 480, height: 720, path: 'images/a/p-480.avif', bytes: 1 },
		],
		placeholder: 'data:image/webp;base64,AAAA',
		error: null,
		processedAt: null,
		...overrides,
	};
}

test('offers AVIF as a source and WebP as the image when there is no JPEG', () => {
	const picture = pictureOf(row({}));
	expect(picture?.sources).toEqual([
		{
			type: 'image/avif',
			srcset: '/media/images/a/p-240.avif 240w, /media/images/a/p-480.avif 480w',
		},
	]);
	expect(picture?.srcset).toBe('/media/images/a/p-240.webp 240w, /media/images/a/p-480.webp 480w');
	expect(picture).toMatchObject({
		width: 720,
		height: 1080,
		placeholder: 'data:image/webp;base64,AAAA',
	});
});

test('uses nothing that the pipeline has not finished', () => {
	expect(pictureOf(row({ status: 'pending' }))).toBeNull();
	expect(pictureOf(row({ variants: [] }))).toBeNull();
	expect(variantUrl(row({ status: 'failed' }), 160)).toBeNull();
});

test('picks a small variant for thumbnails and the largest for sharing', () => {
	expect(variantUrl(row({}), 160)).toBe('/media/images/a/p-240.webp');
	expect(shareImageUrl(row({}))).toBe('/media/images/a/p-480.webp');
	expect(mediaUrl('images/a b/p.webp')).toBe('/media/images/a%20b/p.webp');
});
