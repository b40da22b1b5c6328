/**
 * A synopsis (`sty`) may be plain text or HTML. The site renders it as text, never as HTML, so tags
 * become line breaks or nothing, and the few entities KOPIS's HTML uses are decoded.
 */

const BLOCK_END = /<\/(?:p|div|li|h[1-6]|tr|blockquote|section|article)\s*>/gi;
const BREAK = /<br\s*\/?>|<(?:p|div|li|h[1-6]|tr|blockquote|section|article)(?:\s[^<>]*)?>/gi;
const HTML_ENTITIES: Readonly<Record<string, string>> = {
	nbsp: ' ',
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	middot: '·',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
};

/** Plain text with `\n` line breaks; blank lines collapsed to one; null when nothing is left. */
export function htmlToText(text: string | null): string | null {
	if (text === null) return null;
	let plain = text.replace(/\r\n?/g, '\n');
	if (/<[a-z!/][^<>]*>/i.test(plain)) {
		plain = plain
			.replace(/<(script|style)[^<>]*>[\s\S]*?<\/\1\s*>/gi, '')
			.replace(/<!--[\s\S]*?-->/g, '')
			.replace(BREAK, '\n')
			.replace(BLOCK_END, '\n')
			.replace(/<[^<>]*>/g, '')
			.replace(/&([a-z]+|#\d{1,7}|#x[0-9a-f]{1,6});/gi, decodeHtmlEntity);
	}
	const lines = plain.split('\n').map((line) => line.replace(/[^\S\n]+/g, ' ').trim());
	const result = lines
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return result === '' ? null : result;
}

function decodeHtmlEntity(match: string, name: string): string {
	if (name.startsWith('#')) {
		const codePoint =
			name[1] === 'x' || name[1] === 'X'
				? Number.parseInt(name.slice(2), 16)
				: Number.parseInt(name.slice(1), 10);
		const valid =
			codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
		return valid ? String.fromCodePoint(codePoint) : match;
	}
	return HTML_ENTITIES[name.toLowerCase()] ?? match;
}
