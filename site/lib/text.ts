/** Cleaning of free text and URLs that come from KOPIS. */

const ENTITIES: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
};

/** Named (the few HTML uses in text) and numeric character references. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
		if (body.startsWith('#x') || body.startsWith('#X'))
			return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
		if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
		return ENTITIES[body.toLowerCase()] ?? entity;
	});
}

/**
 * KOPIS synopses (`sty`) are sometimes HTML. They are shown as plain text paragraphs: tags are
 * dropped (block tags become line breaks), entities decoded, and the page escapes the result.
 */
export function plainParagraphs(text: string | null): string[] {
	if (text === null) return [];
	const withBreaks = text
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, '\n')
		.replace(/<[^>]*>/g, ' ');
	return decodeEntities(withBreaks)
		.split(/\r?\n/)
		.map((line) => line.replace(/\s+/g, ' ').trim())
		.filter((line) => line !== '');
}

/** An absolute http(s) URL, or null for anything else (javascript:, data:, blanks, junk). */
export function safeHttpUrl(url: string | null): string | null {
	const trimmed = url?.trim() ?? '';
	if (trimmed === '') return null;
	try {
		const parsed = new URL(trimmed);
		return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
	} catch {
		return null;
	}
}

/** Blank-to-null with trimming, for optional KOPIS text fields. */
export function present(text: string | null | undefined): string | null {
	const trimmed = text?.trim() ?? '';
	return trimmed === '' ? null : trimmed;
}
