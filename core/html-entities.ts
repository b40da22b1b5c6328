/**
 * Character references (`&amp;`, `&#54620;`, `&#xAD6D;`) decoded once, with a guard: a reference
 * to no character a string may hold (0, a UTF-16 surrogate, past U+10FFFF) stays as written
 * instead of throwing (String.fromCodePoint throws RangeError) or making a lone surrogate.
 */

/** The five references XML predefines; enough for attributes our own HTML writer escaped. */
export const XML_ENTITIES: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
};

/** XML's five and the few named references KOPIS's HTML synopses use. */
export const HTML_TEXT_ENTITIES: Readonly<Record<string, string>> = {
	...XML_ENTITIES,
	nbsp: ' ',
	middot: '·',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
};

const LAST_CODE_POINT = 0x10ffff;
const SURROGATE_FIRST = 0xd800;
const SURROGATE_LAST = 0xdfff;

/**
 * The character a numeric reference's body names (`#54620`, `#xAD6D`, `#XAD6D`), or null for a
 * number no text may hold: 0, a surrogate (U+D800–U+DFFF), or past U+10FFFF.
 */
export function numericReference(body: string): string | null {
	const hex = body[1] === 'x' || body[1] === 'X';
	const digits = body.slice(hex ? 2 : 1);
	if (!(hex ? /^[0-9a-f]+$/i : /^[0-9]+$/).test(digits)) return null;
	const codePoint = Number.parseInt(digits, hex ? 16 : 10);
	const valid =
		codePoint > 0 &&
		codePoint <= LAST_CODE_POINT &&
		(codePoint < SURROGATE_FIRST || codePoint > SURROGATE_LAST);
	return valid ? String.fromCodePoint(codePoint) : null;
}

const REFERENCE = /&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;

/**
 * Decodes numeric references and the named ones in `names` (matched in any case, `&AMP;` too) in
 * one pass, so a decoded `&` never starts another reference. Unknown names and invalid numbers
 * stay as written.
 */
export function decodeEntities(
	text: string,
	names: Readonly<Record<string, string>> = HTML_TEXT_ENTITIES,
): string {
	if (!text.includes('&')) return text;
	return text.replace(REFERENCE, (reference, body: string) => {
		const decoded = body.startsWith('#')
			? numericReference(body)
			: (names[body] ?? names[body.toLowerCase()]);
		return decoded ?? reference;
	});
}
