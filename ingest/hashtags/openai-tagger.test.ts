import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { ImageVariant } from '../../db/schema/index.ts';
import { posterDataUrl, textInputs } from './openai-tagger.ts';

test('sends synopsis text without HTML, entities or runs of spaces, cut to a bounded length', () => {
	const inputs = textInputs({
		title: ' 햄릿 ',
		genreName: '연극',
		synopsis: `<p>덴마크의&nbsp;왕자 &amp; 그의   <b>복수</b></p>\n<br/>${'가'.repeat(5000)}`,
	});
	expect(inputs.title).toBe('햄릿');
	expect(inputs.synopsis.startsWith('덴마크의 왕자 & 그의 복수 가가')).toBe(true);
	expect(inputs.synopsis).toHaveLength(1500);
	expect(textInputs({ title: 'a', genreName: 'b', synopsis: ' ' }).synopsis).toBe('');
	expect(textInputs({ title: 'a', genreName: 'b', synopsis: null }).synopsis).toBe('');
});

test('reads the largest WebP variant that fits the API low-detail size', async () => {
	const mediaDir = mkdtempSync(join(tmpdir(), 'culturepedia-media-'));
	try {
		const variant = (format: ImageVariant['format'], width: number): ImageVariant => {
			const path = `${format}-${width}`;
			writeFileSync(join(mediaDir, path), path);
			return { format, width, height: width, path, bytes: path.length };
		};
		const variants = [
			variant('avif', 480),
			variant('webp', 240),
			variant('webp', 800),
			variant('webp', 480),
		];
		const url = await posterDataUrl(mediaDir, variants);
		expect(Buffer.from(url.replace('data:image/webp;base64,', ''), 'base64').toString()).toBe(
			'webp-480',
		);
		const large = await posterDataUrl(mediaDir, [variant('webp', 800), variant('webp', 1200)]);
		expect(large).toBe(`data:image/webp;base64,${Buffer.from('webp-800').toString('base64')}`);
		await expect(posterDataUrl(mediaDir, [variant('avif', 240)])).rejects.toThrow(
			'no WebP variant',
		);
	} finally {
		rmSync(mediaDir, { recursive: true, force: true });
	}
});
