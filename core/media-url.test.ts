import { expect, test } from 'vitest';
import { mediaUrl, type SizedVariant, smallestVariantAtLeast } from './media-url.ts';

test('serves media paths under /media/ with each segment encoded', () => {
	expect(mediaUrl('images/a b/p.webp')).toBe('/media/images/a%20b/p.webp');
	expect(mediaUrl('images/ab/p-240.webp')).toBe('/media/images/ab/p-240.webp');
	expect(mediaUrl('images/#?/%.jpg')).toBe('/media/images/%23%3F/%25.jpg');
	expect(mediaUrl('images/공연/포스터.jpg')).toBe(
		`/media/images/${encodeURIComponent('공연')}/${encodeURIComponent('포스터')}.jpg`,
	);
});

const variants: SizedVariant[] = [
	{ format: 'webp', width: 480, path: 'w480' },
	{ format: 'avif', width: 240, path: 'a240' },
	{ format: 'webp', width: 240, path: 'w240' },
	{ format: 'jpeg', width: 960, path: 'j960' },
	{ format: 'webp', width: 120, path: 'w120' },
];

test('takes the smallest variant wide enough, in the first format that has one', () => {
	expect(smallestVariantAtLeast(variants, ['webp', 'jpeg'], 160)?.path).toBe('w240');
	expect(smallestVariantAtLeast(variants, ['webp', 'jpeg'], 240)?.path).toBe('w240');
	expect(smallestVariantAtLeast(variants, ['webp', 'jpeg'], 241)?.path).toBe('w480');
	expect(smallestVariantAtLeast(variants, ['jpeg', 'webp'], 160)?.path).toBe('j960');
});

test('falls back to the widest when none is wide enough, and to the next format when empty', () => {
	expect(smallestVariantAtLeast(variants, ['webp'], 2000)?.path).toBe('w480');
	expect(smallestVariantAtLeast(variants, ['png', 'avif'], 160)?.path).toBe('a240');
	expect(smallestVariantAtLeast(variants, ['png'], 160)).toBeNull();
	expect(smallestVariantAtLeast([] as SizedVariant[], ['webp'], 160)).toBeNull();
});
