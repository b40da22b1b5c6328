import { describe, expect, test } from 'vitest';
import { parseAgeMinimum, parsePeople, parseRuntimeMinutes } from './free-text.ts';

describe('parseRuntimeMinutes', () => {
	test.each([
		['1시간 50분', 110],
		['2시간', 120],
		['165분', 165],
		['50분', 50],
		['6시간', 360],
		['1시간30분', 90],
		['1시간 30분 (인터미션 15분 포함)', 90],
		['약 100분', 100],
		['2시간 10분 ~ 2시간 30분', 130],
		['1시간 ~ 1시간 30분', 60],
		['90', 90],
		['１시간 ２０분', 80],
		['0분', null],
		['미정', null],
		['', null],
		[null, null],
	])('%j → %j', (text, expected) => {
		expect(parseRuntimeMinutes(text)).toBe(expected);
	});
});

describe('parseAgeMinimum', () => {
	test.each([
		['전체 관람가', 0],
		['전체관람가', 0],
		['만 7세 이상', 7],
		['만 13세 이상', 13],
		['8세 이상', 8],
		['15세 이상 관람가', 15],
		['36개월 이상', 3],
		['만 24개월 이상', 2],
		['초등학생 이상', 8],
		['초등학생 이상 관람가', 8],
		['미취학아동 입장불가', 8],
		['중학생 이상', 14],
		['고등학생 이상', 17],
		['청소년 관람불가', 19],
		['만 19세 이상', 19],
		['전체 관람가 (36개월 이상)', 3],
		['전체관람가(36개월 미만 무료)', 0],
		['8세 이상 (2017년생부터)', 8],
		['확인 필요', null],
		['', null],
		[null, null],
	])('%j → %j', (text, expected) => {
		expect(parseAgeMinimum(text)).toBe(expected);
	});
});

describe('parsePeople', () => {
	test.each([
		['김철수, 이영희 등', ['김철수', '이영희']],
		['최현우', ['최현우']],
		['김철수,이영희,  박민수 ', ['김철수', '이영희', '박민수']],
		['김철수，이영희、박민수', ['김철수', '이영희', '박민수']],
		['김철수, 이영희등', ['김철수', '이영희']],
		['김철수 등', ['김철수']],
		['김철수, 이영희 외 10명', ['김철수', '이영희']],
		['김철수, 김철수, 이영희', ['김철수', '이영희']],
		['김철수, , 이영희, 등', ['김철수', '이영희']],
		['김등', ['김등']],
		['Sergei Tarasov, Ilya Rashkovskiy', ['Sergei Tarasov', 'Ilya Rashkovskiy']],
		[' ', []],
		[null, []],
	])('%j → %j', (text, expected) => {
		expect(parsePeople(text)).toEqual(expected);
	});
});
