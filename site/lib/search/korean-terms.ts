/**
 * Extra index words that let Pagefind match Korean inside words. Pagefind splits on spaces and
 * matches word *prefixes*, so indexing every suffix of a Korean word makes any substring of it a
 * prefix of some indexed word: `아트홀` then finds `김주현아트홀`, `레미` finds `뮤지컬레미제라블`.
 * Word pairs are also indexed joined, so `오페라의유령` finds `오페라의 유령` and the reverse.
 * The cost is about L²/2 characters per word of L characters; words are short in Korean.
 */

/** Suffixes shorter than this would match almost everything (one syllable). */
const MIN_SUFFIX = 2;
/** Longer runs (rare: unspaced long titles) only get suffixes from their first characters. */
const MAX_WORD = 24;

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/** Letters and digits; everything else (brackets, commas, `·`) separates words. */
export function words(text: string): string[] {
	return text
		.normalize('NFC')
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word !== '');
}

function suffixes(word: string, into: Set<string>): void {
	const chars = [...word].slice(0, MAX_WORD);
	for (let start = 1; start <= chars.length - MIN_SUFFIX; start += 1) {
		into.add(chars.slice(start).join(''));
	}
}

/**
 * The extra words for a page's titles and names, without the words the page already has.
 * Only words containing Hangul get suffixes: Latin search already works word by word.
 */
export function koreanSearchTerms(texts: readonly string[]): string[] {
	const original = new Set<string>();
	const extra = new Set<string>();
	for (const text of texts) {
		const parts = words(text);
		for (const word of parts) original.add(word.toLowerCase());
		parts.forEach((word, index) => {
			if (!HANGUL.test(word)) return;
			suffixes(word, extra);
			const next = parts[index + 1];
			if (next !== undefined && HANGUL.test(next)) {
				const joined = word + next;
				extra.add(joined);
				suffixes(joined, extra);
			}
		});
	}
	return [...extra].filter((term) => !original.has(term.toLowerCase()));
}
