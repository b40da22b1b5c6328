/** The site's genres: KOPIS's codes and labels (core/kopis-genres.ts) with our URL slugs. */
import { currentGenreCode, GENRE_LABELS, type GenreCode } from '../../core/kopis-genres.ts';

export interface Genre {
	code: string;
	slug: string;
	name: string;
}

/** URL slugs, in the order the site lists genres. */
const SLUGS: Readonly<Record<GenreCode, string>> = {
	GGGA: 'musical',
	AAAA: 'theater',
	CCCA: 'classical',
	CCCC: 'gugak',
	CCCD: 'popular-music',
	BBBC: 'dance',
	BBBE: 'popular-dance',
	EEEB: 'circus-magic',
	EEEA: 'mixed',
};

export const GENRES: readonly Genre[] = (Object.keys(SLUGS) as GenreCode[]).map((code) => ({
	code,
	slug: SLUGS[code],
	name: GENRE_LABELS[code],
}));

const byCode = new Map(GENRES.map((genre) => [genre.code, genre]));

/**
 * Our genre for a KOPIS code, a pre-2022 one under its current code. An unknown code (a future
 * reclassification) still gets a page, named by the label KOPIS sent with it.
 */
export function genreOf(code: string, kopisName: string): Genre {
	return (
		byCode.get(currentGenreCode(code) ?? code) ?? {
			code,
			slug: code.toLowerCase(),
			name: kopisName,
		}
	);
}

/** Orders genres as in GENRES, unknown codes last by name. */
export function compareGenres(a: Genre, b: Genre): number {
	const rank = (genre: Genre): number => {
		const index = GENRES.findIndex((known) => known.code === genre.code);
		return index === -1 ? GENRES.length : index;
	};
	return rank(a) - rank(b) || a.name.localeCompare(b.name, 'ko');
}
