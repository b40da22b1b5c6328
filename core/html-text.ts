/**
 * KOPIS synopses (`sty`) are plain text or HTML. The product shows them as text, never as HTML:
 * the ingest turns them into text once, stores that, and pages only split it into paragraphs.
 * Tags become line breaks or nothing and character references are decoded, so `&amp;lt;` in the
 * HTML is the text `&lt;`, which a page must escape again to show.
 */
import { decodeEntities } from './html-entities.ts';

const BLOCK_END = /<\/(?:p|div|li|h[1-6]|tr|blockquote|section|article)\s*>/gi;
const BREAK = /<br\s*\/?>|<(?:p|div|li|h[1-6]|tr|blockquote|section|article)(?:\s[^<>]*)?>/gi;
/** Something that can only be a tag: `3 < 5` is text, `<p>` and `</b>` are not. */
const TAG = /<[a-z!/][^<>]*>/i;

/**
 * Plain text with `\n` line breaks, spaces collapsed within lines, blank runs collapsed to one blank
 * line; null when nothing is left. Text without any tag is taken as plain text, references and all.
 */
export function htmlToText(text: string | null): string | null {
	if (text === null) return null;
	let plain = text.replace(/\r\n?/g, '\n');
	if (TAG.test(plain)) {
		plain = decodeEntities(
			plain
				.replace(/<(script|style)[^<>]*>[\s\S]*?<\/\1\s*>/gi, '')
				.replace(/<!--[\s\S]*?-->/g, '')
				.replace(BREAK, '\n')
				.replace(BLOCK_END, '\n')
				.replace(/<[^<>]*>/g, ''),
		);
	}
	const lines = plain.split('\n').map((line) => line.replace(/[^\S\n]+/g, ' ').trim());
	const result = lines
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return result === '' ? null : result;
}
