/** Word lists that make the seeded catalogue read like KOPIS data. */

export const TITLE_WORDS = [
	'사랑',
	'그날',
	'봄날',
	'유령',
	'빨래',
	'시간',
	'여름밤',
	'달빛',
	'바다',
	'기억',
	'도시',
	'노래',
	'꿈',
	'하루',
	'편지',
	'정원',
	'그림자',
	'별빛',
	'겨울',
	'나무',
	'가족',
	'친구',
	'비밀',
	'약속',
	'골목',
	'서커스',
	'기차',
	'우주',
	'고래',
	'첫사랑',
] as const;

export const TITLE_PATTERNS: readonly ((a: string, b: string) => string)[] = [
	(a, b) => `${a}의 ${b}`,
	(a, b) => `${a}과 ${b}`,
	(a) => a,
	(a, b) => `${a}${b}`,
	(a, b) => `우리들의 ${a} ${b}`,
	(a, b) => `${a}, ${b}을 만나다`,
	(a) => `${a} [서울]`,
	(a, b) => `${a}${b} 이야기`,
];

export const LATIN_TITLES = ['HERO', 'RENT', 'Once', 'MOZART!', 'Swan Lake', 'CATS'] as const;

export const VENUE_STEMS = [
	'한빛',
	'푸른',
	'새봄',
	'달오름',
	'소리',
	'예술의',
	'하늘',
	'가람',
	'누리',
	'별마루',
] as const;

export const VENUE_SUFFIXES = [
	'아트홀',
	'아트센터',
	'문화회관',
	'씨어터',
	'소극장',
	'극장',
] as const;

export const HALL_NAMES = [
	'대극장',
	'중극장',
	'소극장',
	'콘서트홀',
	'체임버홀',
	'블랙박스',
] as const;

export const COMPANY_STEMS = [
	'별빛',
	'한울',
	'무대',
	'쇼노트',
	'달과',
	'나무',
	'파랑새',
	'시월',
] as const;

export const COMPANY_SUFFIXES = ['컴퍼니', '프로덕션', '기획', '엔터테인먼트', '극단'] as const;

export const SELLERS = [
	['인터파크', 'https://tickets.interpark.com/goods/'],
	['NHN티켓링크', 'https://www.ticketlink.co.kr/product/'],
	['예스24', 'https://ticket.yes24.com/Perf/'],
	['멜론티켓', 'https://ticket.melon.com/performance/index.htm?prodId='],
] as const;

export const HASHTAGS = [
	'로맨틱',
	'코미디',
	'가족',
	'감동',
	'스릴러',
	'데이트',
	'클래식입문',
	'어린이',
	'힐링',
	'역사',
	'판타지',
	'록',
	'재즈',
	'전통',
	'실험적',
	'명작',
] as const;

export const SYNOPSIS_SENTENCES = [
	'작은 마을에서 벌어지는 따뜻한 이야기.',
	'오랜 친구들이 다시 만나 잊고 지냈던 꿈을 찾아 나선다.',
	'무대 위에서 펼쳐지는 화려한 군무와 라이브 연주가 관객을 사로잡는다.',
	'한 가족의 세 세대가 하나의 집에서 보내는 마지막 여름.',
	'관객과 배우가 함께 만드는 참여형 공연.',
	'시대를 뛰어넘는 명곡들로 구성된 무대.',
	'초연 이후 매 시즌 매진을 기록한 화제작이 돌아왔다.',
] as const;
