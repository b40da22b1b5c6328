/**
 * The 17 sido regions with KOPIS's codes and names (core/kopis-areas.ts), each with a few real
 * sigungu and their approximate centres, so demo venues get plausible addresses and coordinates.
 */
import { AREAS, type AreaCode } from '../../core/kopis-areas.ts';

export interface Sigungu {
	/** First four digits of the administrative code (KOPIS `signgucodesub`). */
	code: string;
	name: string;
	latitude: number;
	longitude: number;
}

export interface Region {
	/** KOPIS `signgucode`. */
	code: string;
	/** Full name as KOPIS writes it in performance `area` (`서울특별시`, still `전라북도`). */
	name: string;
	/** Short label as in venue `sidonm` and box-office `area` (`서울`). */
	short: string;
	/** Landline area code for venue phone numbers. */
	phonePrefix: string;
	/** Share of venues beyond the one every region gets; Seoul-heavy like KOPIS. */
	weight: number;
	sigungu: readonly Sigungu[];
}

function gu(code: string, name: string, latitude: number, longitude: number): Sigungu {
	return { code, name, latitude, longitude };
}

/** What the demo adds to each KOPIS sido. */
const DEMO_FACTS: Readonly<Record<AreaCode, Omit<Region, 'code' | 'name' | 'short'>>> = {
	'11': {
		phonePrefix: '02',
		weight: 42,
		sigungu: [
			gu('1111', '종로구', 37.5735, 126.979),
			gu('1114', '중구', 37.5641, 126.9979),
			gu('1117', '용산구', 37.5326, 126.9905),
			gu('1120', '성동구', 37.5634, 127.0369),
			gu('1121', '광진구', 37.5385, 127.0823),
			gu('1123', '동대문구', 37.5744, 127.0396),
			gu('1129', '성북구', 37.5894, 127.0167),
			gu('1135', '노원구', 37.6542, 127.0568),
			gu('1138', '은평구', 37.6027, 126.9291),
			gu('1141', '서대문구', 37.5791, 126.9368),
			gu('1144', '마포구', 37.5663, 126.9019),
			gu('1147', '양천구', 37.517, 126.8665),
			gu('1150', '강서구', 37.5509, 126.8495),
			gu('1153', '구로구', 37.4954, 126.8874),
			gu('1156', '영등포구', 37.5264, 126.8962),
			gu('1159', '동작구', 37.5124, 126.9393),
			gu('1162', '관악구', 37.4784, 126.9516),
			gu('1165', '서초구', 37.4837, 127.0324),
			gu('1168', '강남구', 37.5172, 127.0473),
			gu('1171', '송파구', 37.5145, 127.1059),
			gu('1174', '강동구', 37.5301, 127.1238),
		],
	},
	'26': {
		phonePrefix: '051',
		weight: 6,
		sigungu: [
			gu('2611', '중구', 35.1063, 129.0323),
			gu('2623', '부산진구', 35.1629, 129.0531),
			gu('2626', '동래구', 35.2049, 129.0837),
			gu('2629', '남구', 35.1366, 129.0843),
			gu('2635', '해운대구', 35.1631, 129.1635),
			gu('2641', '금정구', 35.243, 129.0921),
			gu('2650', '수영구', 35.1455, 129.113),
		],
	},
	'27': {
		phonePrefix: '053',
		weight: 4,
		sigungu: [
			gu('2711', '중구', 35.8694, 128.6062),
			gu('2714', '동구', 35.8867, 128.6357),
			gu('2723', '북구', 35.8858, 128.5828),
			gu('2726', '수성구', 35.8582, 128.6306),
			gu('2729', '달서구', 35.8299, 128.5327),
		],
	},
	'28': {
		phonePrefix: '032',
		weight: 4,
		sigungu: [
			gu('2811', '중구', 37.4736, 126.6216),
			gu('2817', '미추홀구', 37.4635, 126.6502),
			gu('2818', '연수구', 37.4101, 126.6782),
			gu('2820', '남동구', 37.4473, 126.7314),
			gu('2823', '부평구', 37.507, 126.7218),
		],
	},
	'29': {
		phonePrefix: '062',
		weight: 3,
		sigungu: [
			gu('2911', '동구', 35.1461, 126.9231),
			gu('2914', '서구', 35.152, 126.8895),
			gu('2917', '북구', 35.174, 126.912),
			gu('2920', '광산구', 35.1396, 126.7937),
		],
	},
	'30': {
		phonePrefix: '042',
		weight: 3,
		sigungu: [
			gu('3011', '동구', 36.312, 127.4548),
			gu('3014', '중구', 36.3256, 127.4213),
			gu('3017', '서구', 36.3554, 127.3838),
			gu('3020', '유성구', 36.3623, 127.3562),
		],
	},
	'31': {
		phonePrefix: '052',
		weight: 2,
		sigungu: [
			gu('3111', '중구', 35.5693, 129.3328),
			gu('3114', '남구', 35.5439, 129.3301),
			gu('3171', '울주군', 35.5223, 129.2422),
		],
	},
	'36': {
		phonePrefix: '044',
		weight: 1,
		sigungu: [gu('3611', '세종시', 36.48, 127.289)],
	},
	'41': {
		phonePrefix: '031',
		weight: 14,
		sigungu: [
			gu('4111', '수원시', 37.2636, 127.0286),
			gu('4113', '성남시', 37.42, 127.1267),
			gu('4115', '의정부시', 37.7381, 127.0338),
			gu('4117', '안양시', 37.3943, 126.9568),
			gu('4119', '부천시', 37.5035, 126.766),
			gu('4127', '안산시', 37.3219, 126.8309),
			gu('4128', '고양시', 37.6584, 126.832),
			gu('4131', '구리시', 37.5943, 127.1296),
			gu('4139', '시흥시', 37.3799, 126.8031),
			gu('4146', '용인시', 37.2411, 127.1776),
			gu('4148', '파주시', 37.76, 126.7802),
			gu('4165', '포천시', 37.8949, 127.2003),
		],
	},
	'51': {
		phonePrefix: '033',
		weight: 3,
		sigungu: [
			gu('5111', '춘천시', 37.8813, 127.7298),
			gu('5113', '원주시', 37.3422, 127.9202),
			gu('5115', '강릉시', 37.7519, 128.8761),
			gu('5121', '속초시', 38.207, 128.5918),
		],
	},
	'43': {
		phonePrefix: '043',
		weight: 2.5,
		sigungu: [
			gu('4311', '청주시', 36.6424, 127.489),
			gu('4313', '충주시', 36.991, 127.9259),
			gu('4315', '제천시', 37.1326, 128.191),
		],
	},
	'44': {
		phonePrefix: '041',
		weight: 3,
		sigungu: [
			gu('4413', '천안시', 36.8151, 127.1139),
			gu('4415', '공주시', 36.4465, 127.119),
			gu('4420', '아산시', 36.7898, 127.0018),
			gu('4421', '서산시', 36.7848, 126.4503),
		],
	},
	'45': {
		phonePrefix: '063',
		weight: 3,
		sigungu: [
			gu('4511', '전주시', 35.8242, 127.148),
			gu('4513', '군산시', 35.9676, 126.7368),
			gu('4514', '익산시', 35.9483, 126.9577),
			gu('4521', '남원시', 35.4164, 127.3904),
		],
	},
	'46': {
		phonePrefix: '061',
		weight: 3,
		sigungu: [
			gu('4611', '목포시', 34.8118, 126.3922),
			gu('4613', '여수시', 34.7604, 127.6622),
			gu('4615', '순천시', 34.9506, 127.4872),
			gu('4617', '나주시', 35.016, 126.7108),
		],
	},
	'47': {
		phonePrefix: '054',
		weight: 3,
		sigungu: [
			gu('4711', '포항시', 36.019, 129.3435),
			gu('4713', '경주시', 35.8562, 129.2247),
			gu('4717', '안동시', 36.5684, 128.7294),
			gu('4719', '구미시', 36.1195, 128.3446),
		],
	},
	'48': {
		phonePrefix: '055',
		weight: 3.5,
		sigungu: [
			gu('4812', '창원시', 35.228, 128.6811),
			gu('4817', '진주시', 35.18, 128.1076),
			gu('4825', '김해시', 35.2285, 128.8894),
			gu('4822', '통영시', 34.8544, 128.4331),
		],
	},
	'50': {
		phonePrefix: '064',
		weight: 2,
		sigungu: [gu('5011', '제주시', 33.4996, 126.5312), gu('5013', '서귀포시', 33.2541, 126.56)],
	},
};

/** The 17 sido in KOPIS's order, with KOPIS's names. */
export const REGIONS: readonly Region[] = AREAS.map((area) => ({
	code: area.code,
	name: area.names[0],
	short: area.short,
	...DEMO_FACTS[area.code],
}));

/** Daehak-ro, Seoul's small-theatre district in 종로구: its own facility type and flag. */
export const DAEHAKRO = {
	sigunguCode: '1111',
	latitude: 37.5822,
	longitude: 127.002,
	dongs: ['동숭동', '혜화동', '명륜4가', '이화동'],
	roads: ['대학로', '대학로8길', '대학로10길', '대학로12길', '동숭길', '혜화로', '창경궁로'],
} as const;

const REGIONS_BY_CODE = new Map(REGIONS.map((region) => [region.code, region]));

export function regionByCode(code: string): Region {
	const region = REGIONS_BY_CODE.get(code);
	if (region === undefined) {
		throw new RangeError(`Unknown region ${code}`);
	}
	return region;
}

/** Box-office `area` label for a region code. */
export function regionShortName(code: string): string {
	return regionByCode(code).short;
}
