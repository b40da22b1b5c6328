/**
 * KOPIS pads and spaces names inconsistently (`김 철수 `, `김  철수`) and may send decomposed
 * Hangul: names, titles and tags are compared in one form, so the person pages and the
 * recommendations' "same cast" group the same spellings.
 */

/** NFC, trimmed, inner whitespace collapsed to one space. */
export function normalizeName(name: string): string {
	return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}
