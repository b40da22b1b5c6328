/** Free text and URLs from KOPIS, as the pages show them. */

/**
 * The stored synopsis as paragraphs, one a line. It is text already (the ingest turned KOPIS's
 * HTML into text once, core/html-text.ts): nothing here decodes or strips, so `&lt;` in it is
 * shown as `&lt;`, and the page escapes whatever it holds.
 */
export function paragraphs(text: string | null): string[] {
	if (text === null) return [];
	return text
		.split(/\r\n?|\n/)
		.map((line) => line.trim())
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
