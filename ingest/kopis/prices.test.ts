import { describe, expect, test } from 'vitest';
import { parsePriceTiers } from './prices.ts';

describe('parsePriceTiers', () => {
	test.each([
		[
			'R석 99,000원, S석 77,000원',
			[
				{ seat: 'R석', price: 99000 },
				{ seat: 'S석', price: 77000 },
			],
		],
		['전석 30,000원', [{ seat: '전석', price: 30000 }]],
		['30,000원', [{ seat: '전석', price: 30000 }]],
		['무료', [{ seat: '전석', price: 0 }]],
		['전석 무료', [{ seat: '전석', price: 0 }]],
		['전석무료(사전예약)', [{ seat: '전석', price: 0 }]],
		[
			'1층 R석 8만원, 2층 S석 5만 5천원',
			[
				{ seat: '1층 R석', price: 80000 },
				{ seat: '2층 S석', price: 55000 },
			],
		],
		['일반 5천원', [{ seat: '일반', price: 5000 }]],
		['VIP석 ＋ 굿즈 １５０，０００원', [{ seat: 'VIP석 + 굿즈', price: 150000 }]],
		[
			'R석 99,000원＋S석 77,000원',
			[
				{ seat: 'R석', price: 99000 },
				{ seat: 'S석', price: 77000 },
			],
		],
		[
			'VIP석 154,000원 R석 132,000원 S석 110,000원',
			[
				{ seat: 'VIP석', price: 154000 },
				{ seat: 'R석', price: 132000 },
				{ seat: 'S석', price: 110000 },
			],
		],
		[
			'일반 30,000원 / 청소년 20,000원',
			[
				{ seat: '일반', price: 30000 },
				{ seat: '청소년', price: 20000 },
			],
		],
		[
			'R석:60,000원<br>S석:40,000원',
			[
				{ seat: 'R석', price: 60000 },
				{ seat: 'S석', price: 40000 },
			],
		],
		['전석 55,000원(예매수수료 1,000원 별도)', [{ seat: '전석', price: 55000 }]],
		[
			'R석 50,000원, 학생 50% 할인, S석 30,000원',
			[
				{ seat: 'R석', price: 50000 },
				{ seat: 'S석', price: 30000 },
			],
		],
		[
			'유료 20,000원, 초등학생 이하 무료',
			[
				{ seat: '유료', price: 20000 },
				{ seat: '초등학생 이하', price: 0 },
			],
		],
		[
			'스탠딩 99,000, 지정석 110,000',
			[
				{ seat: '스탠딩', price: 99000 },
				{ seat: '지정석', price: 110000 },
			],
		],
		['R석 99,000원, R석 99,000원', [{ seat: 'R석', price: 99000 }]],
	])('%j', (text, expected) => {
		expect(parsePriceTiers(text)).toEqual(expected);
	});

	test.each([
		null,
		'',
		' ',
		'가격 미정',
		'추후 공지',
		'http://ticket.example.com/1',
		'선착순 1,000명',
		'2025년 10월 25일 공연',
	])('finds no tier in %j', (text) => {
		expect(parsePriceTiers(text)).toEqual([]);
	});
});
