import { describe, expect, test } from 'vitest';
import { httpUrl } from './links.ts';

describe('httpUrl', () => {
	test.each([
		[
			'http://www.kopis.or.kr/upload/pfmPoster/PF_PF273608_250908_175820.gif ',
			'http://www.kopis.or.kr/upload/pfmPoster/PF_PF273608_250908_175820.gif',
		],
		[
			'/upload/pfmPoster/PF_PF210114_230120_123240.png',
			'http://www.kopis.or.kr/upload/pfmPoster/PF_PF210114_230120_123240.png',
		],
		[
			'https://booking.naver.com/booking/12/bizes/1493573',
			'https://booking.naver.com/booking/12/bizes/1493573',
		],
		['www.olympicpark.co.kr', 'http://www.olympicpark.co.kr/'],
		['ticket.example.com/1?x=2', 'http://ticket.example.com/1?x=2'],
	])('%j → %j', (text, expected) => {
		expect(httpUrl(text)).toBe(expected);
	});

	test.each([
		null,
		'',
		' ',
		'javascript:alert(1)',
		'JAVASCRIPT:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'//evil.example/x',
		'ftp://example.com/x',
		'없음',
		'http://',
	])('refuses %j', (text) => {
		expect(httpUrl(text)).toBeNull();
	});
});
