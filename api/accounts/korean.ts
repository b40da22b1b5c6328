/**
 * Korean particles depend on the last syllable of the word before them: 이메일을 but 비밀번호를.
 * Messages name their field, so they pick the particle here instead of writing "을(를)".
 */
type ParticlePair = '을/를' | '은/는' | '이/가';

function hasFinalConsonant(word: string): boolean {
	const code = word.charCodeAt(word.length - 1);
	// Precomposed Hangul syllables: 28 possible finals per vowel, index 0 means none.
	if (code < 0xac00 || code > 0xd7a3) return false;
	return (code - 0xac00) % 28 !== 0;
}

/** `withParticle('이메일', '을/를')` → `이메일을`. */
export function withParticle(word: string, pair: ParticlePair): string {
	const [afterConsonant, afterVowel] = pair.split('/') as [string, string];
	return word + (hasFinalConsonant(word) ? afterConsonant : afterVowel);
}
