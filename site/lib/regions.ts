/** The site's regions: KOPIS's sido codes and names (core/kopis-areas.ts) with our URL slugs. */
import { type AreaCode, areaOfCode, findArea, type KopisArea } from '../../core/kopis-areas.ts';

export interface Region {
	code: string;
	slug: string;
	/** KOPIS's short label (`서울`). */
	name: string;
}

/**
 * URL slugs, in the order the site lists regions (pairs, not an object: an object would list
 * its numeric keys in numeric order).
 */
const SLUGS = [
	['11', 'seoul'],
	['41', 'gyeonggi'],
	['28', 'incheon'],
	['26', 'busan'],
	['27', 'daegu'],
	['29', 'gwangju'],
	['30', 'daejeon'],
	['31', 'ulsan'],
	['36', 'sejong'],
	['51', 'gangwon'],
	['43', 'chungbuk'],
	['44', 'chungnam'],
	['45', 'jeonbuk'],
	['46', 'jeonnam'],
	['47', 'gyeongbuk'],
	['48', 'gyeongnam'],
	['50', 'jeju'],
] as const satisfies readonly (readonly [AreaCode, string])[];

export const ALL_REGIONS: readonly Region[] = SLUGS.map(([code, slug]) => {
	const area = areaOfCode(code);
	if (area === null) throw new Error(`KOPIS has no sido ${code}`);
	return { code, slug, name: area.short };
});

const BY_CODE = new Map(ALL_REGIONS.map((region) => [region.code, region]));

function regionOfArea(area: KopisArea | null): Region | null {
	return area === null ? null : (BY_CODE.get(area.code) ?? null);
}

/**
 * The region of a performance or venue from its code (old codes included), else from KOPIS's
 * full or short name by the ingest's rule (findArea); null for overseas venues and unreadable
 * labels.
 */
export function regionOf(code: string | null, label: string | null): Region | null {
	return regionOfArea(areaOfCode(code)) ?? regionOfArea(findArea(label));
}

export function regionBySlug(slug: string): Region | null {
	return ALL_REGIONS.find((region) => region.slug === slug) ?? null;
}
