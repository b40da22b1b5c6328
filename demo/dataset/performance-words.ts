/**
 * Word lists for demo titles and texts. A small shared vocabulary (사랑, 겨울, 편지…) recurs
 * across titles so a search finds several shows. People are generated (faker) or fictional.
 */

export const NOUNS = [
	'사랑',
	'겨울',
	'여름',
	'봄날',
	'가을',
	'바람',
	'별',
	'달빛',
	'기억',
	'편지',
	'정원',
	'바다',
	'시간',
	'그림자',
	'거울',
	'꿈',
	'노래',
	'하루',
	'기차',
	'섬',
	'고백',
	'약속',
	'비밀',
	'새벽',
	'골목',
	'우산',
	'고양이',
	'여행',
	'선물',
	'파도',
	'숲',
	'불꽃',
	'햇살',
	'창문',
	'계단',
	'마을',
];

export const MODIFIERS = [
	'우리가 사랑한',
	'마지막',
	'작은',
	'오래된',
	'푸른',
	'잊혀진',
	'눈부신',
	'조용한',
	'한여름 밤의',
	'어느 날의',
	'너에게 보내는',
	'돌아온',
	'기묘한',
	'사라진',
	'그날의',
	'다시 만난',
	'빛나는',
];

export const ENGLISH_TITLES: readonly (readonly [string, string])[] = [
	['The Clockmaker', '더 클락메이커'],
	['Paper Moon Avenue', '페이퍼 문 애비뉴'],
	['Midnight Carnival', '미드나잇 카니발'],
	['Blue Harbor', '블루 하버'],
	['Golden Hour', '골든 아워'],
	['Northern Lights', '노던 라이츠'],
	['Velvet Rain', '벨벳 레인'],
	['The Lighthouse Keeper', '등대지기'],
	['Wandering Stars', '원더링 스타즈'],
	['Crimson Avenue', '크림슨 애비뉴'],
	['Silver Lining', '실버 라이닝'],
	['Echoes of Winter', '에코스 오브 윈터'],
];

export const KIDS_TITLES = [
	'꼬마 공룡 탐험대',
	'아기돼지 삼형제',
	'구름빵 친구들',
	'숲속 음악회',
	'해님 달님',
	'브레멘 음악대',
	'토끼와 거북이',
	'요술 램프의 비밀',
	'바다탐험대 꼬마 고래',
	'크리스마스 선물 대작전',
];

export const COMPOSERS = [
	'베토벤',
	'모차르트',
	'브람스',
	'쇼팽',
	'라흐마니노프',
	'차이콥스키',
	'말러',
	'슈베르트',
	'바흐',
	'드뷔시',
	'멘델스존',
	'슈만',
];

export const INSTRUMENTS = ['피아노', '바이올린', '첼로', '비올라', '플루트', '클라리넷', '기타'];

export const ORCHESTRA_WORDS = [
	'필하모닉',
	'심포니',
	'챔버 오케스트라',
	'신포니에타',
	'윈드 오케스트라',
	'합창단',
];

export const PANSORI = ['춘향가', '심청가', '흥보가', '수궁가', '적벽가'];

export const GUGAK_INSTRUMENTS = ['가야금', '거문고', '해금', '대금', '아쟁', '피리'];

export const BALLETS = [
	'호두까기인형',
	'백조의 호수',
	'지젤',
	'잠자는 숲속의 미녀',
	'돈키호테',
	'라 바야데르',
];

/** Fictional acts; never real artists. */
export const POP_ARTISTS = [
	'노을빛 밴드',
	'WAVEFRONT',
	'LUNA NOVA',
	'AURORA LINE',
	'은하수 밴드',
	'PLAIN SIGHT',
	'초록 신호등',
	'MONO DRIVE',
	'별빛 라디오',
	'HALCYON',
	'달의 궤도',
	'NEON GARDEN',
	'파란 우체통',
	'SOLAR FLARE',
];

export const FOREIGN_ACTS = [
	'The Midnight Owls',
	'Cirque Lumière',
	'Blue Velvet Quartet',
	'Nordic Winds',
	'Maria Solano',
];

export const FESTIVAL_WORDS = [
	'페스티벌',
	'뮤직 페스타',
	'재즈 페스티벌',
	'록 페스티벌',
	'거리예술축제',
];

export const DANCE_CREWS = ['리듬 크루', 'STREET PULSE', '플로우 댄스컴퍼니', 'B-BOY UNITY'];

export const COMPANY_WORDS = [
	'달빛',
	'블루하버',
	'라온',
	'하늘',
	'별무리',
	'아트원',
	'새봄',
	'씨앗',
	'나래',
	'온누리',
	'다온',
	'빛나래',
];

export const COMPANY_SUFFIXES = [
	'컴퍼니',
	'엔터테인먼트',
	'프로덕션',
	'뮤지컬컴퍼니',
	'아트컴퍼니',
	'이엔티',
	'플레이',
];

export const CREW_ROLES = [
	'연출',
	'작',
	'작곡',
	'음악감독',
	'안무',
	'무대디자인',
	'조명디자인',
	'지휘',
	'예술감독',
	'극작',
];

export const SELLERS: readonly (readonly [string, (code: number) => string])[] = [
	[
		'인터파크',
		(code) => `http://ticket.interpark.com/Ticket/Goods/GoodsInfo.asp?GoodsCode=${code}`,
	],
	['놀유니버스', (code) => `https://tickets.interpark.com/goods/${code}`],
	['NHN티켓링크', (code) => `http://www.ticketlink.co.kr/product/${code % 100_000}`],
	['예스24', (code) => `http://ticket.yes24.com/Perf/${code % 100_000}`],
	[
		'멜론티켓',
		(code) => `https://ticket.melon.com/performance/index.htm?prodId=${200_000 + (code % 20_000)}`,
	],
	[
		'네이버N예약',
		(code) => `https://booking.naver.com/booking/12/bizes/${1_000_000 + (code % 900_000)}`,
	],
];

export const SYNOPSIS_SENTENCES = [
	'{year}년 초연 이후 {count}만 관객이 선택한 화제작이 다시 돌아온다.',
	'{noun}{을} 둘러싼 세 사람의 엇갈린 기억을 따라가는 이야기.',
	'평범한 하루를 보내던 {name}{은} 어느 날 낯선 {noun}{을} 발견한다.',
	'{composer}의 대표작을 한 무대에서 만나는 특별한 시간.',
	'관객과 함께 호흡하는 90분간의 무대가 펼쳐진다.',
	'가족 모두가 함께 즐길 수 있는 따뜻한 공연입니다.',
	'지난 시즌 전석 매진을 기록한 작품이 새로운 캐스트와 함께 돌아왔다.',
	'{noun}{과} {noun2}, 그리고 다시 시작되는 우리의 이야기.',
	'섬세한 연출과 라이브 연주가 어우러진 무대를 만나보세요.',
	'※ 본 공연은 인터미션 없이 진행됩니다.',
	'※ 공연 시작 후에는 입장이 제한될 수 있습니다.',
	'작은 극장에서만 느낄 수 있는 배우들의 숨결을 가까이에서 느껴보세요.',
	'전통과 현대가 만나는 새로운 {noun}의 무대.',
	'{year}년 {city}에서 시작된 공연이 전국 관객을 찾아간다.',
];
