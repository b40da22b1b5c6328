/**
 * Browser-side: turns what a visitor types into a Pagefind query that matches our index.
 * Korean attaches particles to words (`김주현아트홀에서`, `레미제라블을`); the index holds the bare
 * words, and Pagefind matches prefixes, so a particle is dropped. The stem is always a prefix of
 * the typed word, so this only ever widens what matches.
 */
import { isHangulSyllable } from '../../../core/korean-particle.ts';

/** Longest first, so `에서는` wins over `는`. */
const PARTICLES = [
	'에서는',
	'으로는',
	'에서',
	'에게',
	'께서',
	'으로',
	'부터',
	'까지',
	'이랑',
	'하고',
	'처럼',
	'보다',
	'이나',
	'은',
	'는',
	'이',
	'가',
	'을',
	'를',
	'의',
	'와',
	'과',
	'로',
	'에',
	'도',
	'만',
	'랑',
	'나',
] as const;

/** A stem must keep at least two syllables: `별이` stays `별이`. */
const MIN_STEM = 2;

export function stripParticle(word: string): string {
	if (!isHangulSyllable(word.slice(-1))) return word;
	const length = [...word].length;
	for (const particle of PARTICLES) {
		if (word.endsWith(particle) && length - particle.length >= MIN_STEM) {
			return word.slice(0, -particle.length);
		}
	}
	return word;
}

const PARTICLE_SET: ReadonlySet<string> = new Set(PARTICLES);

/** The query to send to Pagefind; empty when nothing searchable was typed. */
export function normalizeQuery(input: string): string {
	return input
		.normalize('NFC')
		.split(/\s+/)
		.flatMap((token) => {
			const parts = token.split(/[^\p{L}\p{N}]+/u).filter((part) => part !== '');
			// `<레미제라블>을`: the particle belongs to the word before the punctuation.
			if (parts.length > 1 && PARTICLE_SET.has(parts.at(-1) ?? '')) parts.pop();
			return parts;
		})
		.map(stripParticle)
		.join(' ');
}
