/**
 * KOPIS code tables (API.md §7): genres by label, sido codes by name. KOPIS returns labels, never
 * codes, so these are the only way from a record to a filterable code.
 */

export interface Genre {
	code: string;
	/** The current label KOPIS writes in `genrenm`. */
	label: string;
}

/** The current scheme (since the 2022 reclassification), in KOPIS's order. */
export const GENRES: readonly Genre[] = [
	{ code: 'AAAA', label: '연극' },
	{ code: 'BBBC', label: '무용' },
	{ code: 'BBBE', label: '대중무용' },
	{ code: 'CCCA', label: '서양음악(클래식)' },
	{ code: 'CCCC', label: '한국음악(국악)' },
	{ code: 'CCCD', label: '대중음악' },
	{ code: 'EEEA', label: '복합' },
	{ code: 'EEEB', label: '서커스/마술' },
	{ code: 'GGGA', label: '뮤지컬' },
];

/** 복합 (mixed/other): where a label we do not know is filed, its own label kept beside it. */
export const FALLBACK_GENRE_CODE = 'EEEA';

/**
 * Every label seen for each code, spaces removed: current ones, the documented variant
 * `무용(서양/한국무용)`, and the pre-2022 labels still found in older records and box office
 * (클래식, 오페라, 국악, 서양무용, 한국무용…), mapped onto the current codes.
 */
const GENRE_BY_LABEL = new Map<string, string>([
	...GENRES.map((genre): [string, string] => [compact(genre.label), genre.code]),
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

function compact(label: string): string {
	return label.normalize('NFKC').replace(/\s+/g, '');
}

/** The genre code for a KOPIS label, or null when the label is not one we know. */
export function findGenreCode(label: string): string | null {
	return GENRE_BY_LABEL.get(compact(label)) ?? null;
}

/** The genre code for a KOPIS label; an unknown label is filed under 복합 (EEEA). */
export function genreCodeFromLabel(label: string): string {
	return findGenreCode(label) ?? FALLBACK_GENRE_CODE;
}

export interface Area {
	/** KOPIS `signgucode`. */
	code: string;
	/** Short label used by the venue list and box office (`서울`). */
	short: string;
	/** Full names KOPIS and addresses use, current first. */
	names: readonly string[];
}

/** API.md §7.4. 강원 moved to 51 in 2023; 전북 keeps 45 (KOPIS still writes 전라북도 in 2025). */
export const AREAS: readonly Area[] = [
	{ code: '11', short: '서울', names: ['서울특별시', '서울시'] },
	{ code: '26', short: '부산', names: ['부산광역시', '부산시'] },
	{ code: '27', short: '대구', names: ['대구광역시', '대구시'] },
	{ code: '28', short: '인천', names: ['인천광역시', '인천시'] },
	// No `광주시` alias: that is also a city in 경기도.
	{ code: '29', short: '광주', names: ['광주광역시'] },
	{ code: '30', short: '대전', names: ['대전광역시', '대전시'] },
	{ code: '31', short: '울산', names: ['울산광역시', '울산시'] },
	{ code: '36', short: '세종', names: ['세종특별자치시', '세종시'] },
	{ code: '41', short: '경기', names: ['경기도'] },
	{ code: '51', short: '강원', names: ['강원특별자치도', '강원도'] },
	{ code: '43', short: '충북', names: ['충청북도'] },
	{ code: '44', short: '충남', names: ['충청남도'] },
	{ code: '45', short: '전북', names: ['전라북도', '전북특별자치도'] },
	{ code: '46', short: '전남', names: ['전라남도'] },
	{ code: '47', short: '경북', names: ['경상북도'] },
	{ code: '48', short: '경남', names: ['경상남도'] },
	{ code: '50', short: '제주', names: ['제주특별자치도', '제주도'] },
];

const AREA_BY_NAME = new Map<string, Area>(
	AREAS.flatMap((area) => [area.short, ...area.names].map((name): [string, Area] => [name, area])),
);

/**
 * The area for a sido name, full (`서울특별시`, `강원특별자치도`, `전라북도`) or short (`서울`).
 * Only the first word counts, so a road address (`서울특별시 송파구 …`) works too. Null for
 * anything else, e.g. an overseas venue.
 */
export function findArea(name: string | null): Area | null {
	if (name === null) return null;
	const [first = ''] = name.normalize('NFKC').trim().split(/\s+/);
	return AREA_BY_NAME.get(first) ?? null;
}

/** The two-digit KOPIS `signgucode` for a sido name (see findArea); null when unknown. */
export function areaCodeFromName(name: string | null): string | null {
	return findArea(name)?.code ?? null;
}
