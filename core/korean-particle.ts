/**
 * Korean particles depend on the sound the word before them ends in: 이메일을 but 비밀번호를,
 * '레미제라블'과 but '맘마미아'와. Messages and sentences that name a word pick the particle here
 * instead of writing "을(를)".
 */

/** Precomposed Hangul syllables, U+AC00 가 to U+D7A3 힣. */
const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;
/** Each initial-and-vowel pair comes with 28 finals; index 0 is "no final consonant". */
const FINALS = 28;

/** Digits whose Korean reading ends in a consonant: 영, 일, 삼, 육, 칠, 팔. */
const DIGITS_WITH_FINAL = '013678';

export type ParticlePair = '을/를' | '은/는' | '이/가' | '과/와';

/** True for one precomposed Hangul syllable (`가`…`힣`); jamo like `ㅎ` are not syllables. */
export function isHangulSyllable(char: string): boolean {
	if (char.length !== 1) return false;
	const code = char.charCodeAt(0);
	return code >= FIRST_SYLLABLE && code <= LAST_SYLLABLE;
}

/**
 * True when the word ends in a consonant sound: a Hangul syllable with a final (받침) or a digit
 * read with one. Anything else (a vowel ending, Latin, punctuation, nothing) counts as a vowel.
 */
export function endsInConsonant(word: string): boolean {
	const last = word.slice(-1);
	if (last !== '' && DIGITS_WITH_FINAL.includes(last)) return true;
	if (!isHangulSyllable(last)) return false;
	return (last.charCodeAt(0) - FIRST_SYLLABLE) % FINALS !== 0;
}

/** `particle('이메일', '을/를')` → `을`. */
export function particle(word: string, pair: ParticlePair): string {
	const [afterConsonant, afterVowel] = pair.split('/') as [string, string];
	return endsInConsonant(word) ? afterConsonant : afterVowel;
}

/** `withParticle('이메일', '을/를')` → `이메일을`. */
export function withParticle(word: string, pair: ParticlePair): string {
	return word + particle(word, pair);
}
