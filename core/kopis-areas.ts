/**
 * KOPIS's sido regions (docs/kopis/API.md §7.4): the two-digit `signgucode`, the short label of a
 * venue's `sidonm` and the box office's `area`, and the full names of a performance's `area` and
 * of road addresses. KOPIS returns names, never codes, so findArea is the one way from a record
 * to a code, for the ingest and the site alike. What a part adds to a region (URL slug, demo
 * phone prefix and sigungu) it keeps itself, keyed by AreaCode.
 */

export interface KopisArea {
	/** KOPIS `signgucode`. */
	code: string;
	/** Short label of venue lists and box office (`서울`). */
	short: string;
	/** Full names: the one KOPIS writes in a performance's `area` first, then older forms. */
	names: readonly string[];
}

/** In KOPIS's order. 강원 moved to 51 in 2023; 전북 keeps 45 (KOPIS still writes 전라북도 in 2025). */
export const AREAS = [
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
] as const satisfies readonly KopisArea[];

export type AreaCode = (typeof AREAS)[number]['code'];

/**
 * Codes KOPIS has sent for a region that now has another: 강원 was 42 before its 2023 special
 * self-governing province; 52 is 전북's national code since 2024, while KOPIS keeps 45.
 */
const OLD_CODES = new Map<string, AreaCode>([
	['42', '51'],
	['52', '45'],
]);

const AREA_BY_CODE = new Map<string, KopisArea>(AREAS.map((area) => [area.code, area]));

const AREA_BY_NAME = new Map<string, KopisArea>(
	AREAS.flatMap((area) =>
		[area.short, ...area.names].map((name): [string, KopisArea] => [name, area]),
	),
);

/** The area of a current or old `signgucode` (42 → 강원 51, 52 → 전북 45); null for any other. */
export function areaOfCode(code: string | null): KopisArea | null {
	if (code === null) return null;
	return AREA_BY_CODE.get(OLD_CODES.get(code) ?? code) ?? null;
}

/**
 * The area for a sido name, full (`서울특별시`, `강원특별자치도`, `전라북도`) or short (`서울`).
 * Only the first word counts, so a road address (`서울특별시 송파구 …`) works too, and a longer
 * word (`서울특별시청`) does not. Null for anything else, e.g. an overseas venue.
 */
export function findArea(name: string | null): KopisArea | null {
	if (name === null) return null;
	const [first = ''] = name.normalize('NFKC').trim().split(/\s+/);
	return AREA_BY_NAME.get(first) ?? null;
}

/** The two-digit KOPIS `signgucode` for a sido name (see findArea); null when unknown. */
export function areaCodeFromName(name: string | null): string | null {
	return findArea(name)?.code ?? null;
}
