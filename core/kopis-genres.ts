/**
 * KOPIS's genre codes (docs/kopis/API.md §7.1) and every label KOPIS has written for them. KOPIS
 * returns labels (`genrenm`, box office `cate`), never codes, so these are the only way from a
 * record to a filterable code. What a part adds to a genre (URL slug, demo share, hashtags) it
 * keeps itself, keyed by GenreCode.
 */

/** The current scheme (since the 2022 reclassification), in KOPIS's order: code → `genrenm`. */
export const GENRE_LABELS = {
	AAAA: '연극',
	BBBC: '무용',
	BBBE: '대중무용',
	CCCA: '서양음악(클래식)',
	CCCC: '한국음악(국악)',
	CCCD: '대중음악',
	EEEA: '복합',
	EEEB: '서커스/마술',
	GGGA: '뮤지컬',
} as const;

export type GenreCode = keyof typeof GENRE_LABELS;

export const GENRE_CODES = Object.keys(GENRE_LABELS) as readonly GenreCode[];

export function isGenreCode(code: string): code is GenreCode {
	return Object.hasOwn(GENRE_LABELS, code);
}

/** 복합 (mixed/other): where a label we do not know is filed, its own label kept beside it. */
export const FALLBACK_GENRE_CODE: GenreCode = 'EEEA';

/**
 * The pre-2022 codes onto the current ones (AAAB 뮤지컬, BBBA 무용, CCCB 오페라); AAAA, CCCA,
 * CCCC and EEEA kept their codes. Still printed in the 공통코드 PDF on data.go.kr.
 */
const LEGACY_CODES = new Map<string, GenreCode>([
	['AAAB', 'GGGA'],
	['BBBA', 'BBBC'],
	['CCCB', 'CCCA'],
]);

/** The current code for a current or pre-2022 code; null for anything else. */
export function currentGenreCode(code: string): GenreCode | null {
	return isGenreCode(code) ? code : (LEGACY_CODES.get(code) ?? null);
}

/**
 * Every label seen for each code, spaces removed: the current ones, the documented variant
 * `무용(서양/한국무용)`, and the pre-2022 labels still found in older records and box office
 * (클래식, 오페라, 국악, 서양무용, 한국무용…), mapped onto the current codes.
 */
const CODE_BY_LABEL = new Map<string, GenreCode>([
	...GENRE_CODES.map((code): [string, GenreCode] => [compact(GENRE_LABELS[code]), code]),
	['무용(서양/한국무용)', 'BBBC'],
	['서양/한국무용', 'BBBC'],
	['서양무용', 'BBBC'],
	['한국무용', 'BBBC'],
	['무용(서양무용)', 'BBBC'],
	['무용(한국무용)', 'BBBC'],
	['발레', 'BBBC'],
	['클래식', 'CCCA'],
	['서양음악', 'CCCA'],
	['오페라', 'CCCA'],
	['클래식/오페라', 'CCCA'],
	['국악', 'CCCC'],
	['한국음악', 'CCCC'],
	['대중음악(콘서트)', 'CCCD'],
	['콘서트', 'CCCD'],
	['복합장르', 'EEEA'],
	['기타', 'EEEA'],
	['서커스', 'EEEB'],
	['마술', 'EEEB'],
	['서커스·마술', 'EEEB'],
]);

/** Full-width brackets and stray spaces (`서양음악 （클래식）`) count as the plain label. */
function compact(label: string): string {
	return label.normalize('NFKC').replace(/\s+/g, '');
}

/** The genre code for a KOPIS label, or null when the label is not one we know. */
export function findGenreCode(label: string): GenreCode | null {
	return CODE_BY_LABEL.get(compact(label)) ?? null;
}

/** The genre code for a KOPIS label; an unknown label is filed under 복합 (EEEA). */
export function genreCodeFromLabel(label: string): GenreCode {
	return findGenreCode(label) ?? FALLBACK_GENRE_CODE;
}
