/** KOPIS genre codes (API.md §7.1, the 2022 scheme) with our URL slugs and display names. */
export interface Genre {
	code: string;
	slug: string;
	name: string;
}

export const GENRES: readonly Genre[] = [
	{ code: 'GGGA', slug: 'musical', name: '뮤지컬' },
	{ code: 'AAAA', slug: 'theater', name: '연극' },
	{ code: 'CCCA', slug: 'classical', name: '서양음악(클래식)' },
	{ code: 'CCCC', slug: 'gugak', name: '한국음악(국악)' },
	{ code: 'CCCD', slug: 'popular-music', name: '대중음악' },
	{ code: 'BBBC', slug: 'dance', name: '무용' },
	{ code: 'BBBE', slug: 'popular-dance', name: '대중무용' },
	{ code: 'EEEB', slug: 'circus-magic', name: '서커스/마술' },
	{ code: 'EEEA', slug: 'mixed', name: '복합' },
];

const byCode = new Map(GENRES.map((genre) => [genre.code, genre]));

/**
 * Our genre for a KOPIS code. An unknown code (a future reclassification) still gets a page,
 * named by the label KOPIS sent with it.
 */
export function genreOf(code: string, kopisName: string): Genre {
	return byCode.get(code) ?? { code, slug: code.toLowerCase(), name: kopisName };
}

/** Orders genres as in GENRES, unknown codes last by name. */
export function compareGenres(a: Genre, b: Genre): number {
	const rank = (genre: Genre): number => {
		const index = GENRES.findIndex((known) => known.code === genre.code);
		return index === -1 ? GENRES.length : index;
	};
	return rank(a) - rank(b) || a.name.localeCompare(b.name, 'ko');
}
