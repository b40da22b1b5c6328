/** KOPIS sido codes (API.md §7.4) with URL slugs, short labels and the full names KOPIS writes. */
export interface Region {
	code: string;
	slug: string;
	name: string;
}

interface RegionEntry extends Region {
	/** Every full name KOPIS has used for it (`area`), e.g. both 강원도 and 강원특별자치도. */
	fullNames: readonly string[];
}

const REGIONS: readonly RegionEntry[] = [
	{ code: '11', slug: 'seoul', name: '서울', fullNames: ['서울특별시'] },
	{ code: '41', slug: 'gyeonggi', name: '경기', fullNames: ['경기도'] },
	{ code: '28', slug: 'incheon', name: '인천', fullNames: ['인천광역시'] },
	{ code: '26', slug: 'busan', name: '부산', fullNames: ['부산광역시'] },
	{ code: '27', slug: 'daegu', name: '대구', fullNames: ['대구광역시'] },
	{ code: '29', slug: 'gwangju', name: '광주', fullNames: ['광주광역시'] },
	{ code: '30', slug: 'daejeon', name: '대전', fullNames: ['대전광역시'] },
	{ code: '31', slug: 'ulsan', name: '울산', fullNames: ['울산광역시'] },
	{ code: '36', slug: 'sejong', name: '세종', fullNames: ['세종특별자치시'] },
	{ code: '51', slug: 'gangwon', name: '강원', fullNames: ['강원특별자치도', '강원도'] },
	{ code: '43', slug: 'chungbuk', name: '충북', fullNames: ['충청북도'] },
	{ code: '44', slug: 'chungnam', name: '충남', fullNames: ['충청남도'] },
	{ code: '45', slug: 'jeonbuk', name: '전북', fullNames: ['전라북도', '전북특별자치도'] },
	{ code: '46', slug: 'jeonnam', name: '전남', fullNames: ['전라남도'] },
	{ code: '47', slug: 'gyeongbuk', name: '경북', fullNames: ['경상북도'] },
	{ code: '48', slug: 'gyeongnam', name: '경남', fullNames: ['경상남도'] },
	{ code: '50', slug: 'jeju', name: '제주', fullNames: ['제주특별자치도'] },
];

/** Old codes KOPIS still sends in places: 강원 was 42 before 2023, 전북 is 52 nationally. */
const CODE_ALIASES: Readonly<Record<string, string>> = { '42': '51', '52': '45' };

function toRegion({ code, slug, name }: RegionEntry): Region {
	return { code, slug, name };
}

export const ALL_REGIONS: readonly Region[] = REGIONS.map(toRegion);

/**
 * The region of a performance or venue from its code, else from KOPIS's full or short name;
 * null for overseas venues and unreadable labels.
 */
export function regionOf(code: string | null, label: string | null): Region | null {
	if (code !== null) {
		const canonical = CODE_ALIASES[code] ?? code;
		const entry = REGIONS.find((region) => region.code === canonical);
		if (entry !== undefined) return toRegion(entry);
	}
	const text = label?.trim() ?? '';
	if (text === '') return null;
	const entry = REGIONS.find(
		(region) =>
			region.name === text || region.fullNames.some((fullName) => text.startsWith(fullName)),
	);
	return entry === undefined ? null : toRegion(entry);
}

export function regionBySlug(slug: string): Region | null {
	const entry = REGIONS.find((region) => region.slug === slug);
	return entry === undefined ? null : toRegion(entry);
}
