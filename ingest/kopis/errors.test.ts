import { describe, expect, test } from 'vitest';
import {
	isRetryable,
	KopisHttpError,
	KopisNetworkError,
	KopisParseError,
	KopisRecordError,
	KopisResponseError,
	KopisThrottledError,
	redactUrl,
} from './errors.ts';

describe('redactUrl', () => {
	test.each([
		['http://h/p?service=abc&cpage=1', 'http://h/p?service=***&cpage=1'],
		['http://h/p/PF1?service=abc', 'http://h/p/PF1?service=***'],
		['http://h/p?cpage=1&service=a%2Bb%3D#x', 'http://h/p?cpage=1&service=***#x'],
		['http://h/p?SERVICE=abc', 'http://h/p?SERVICE=***'],
		[
			'fetch failed for http://h/?service=k1 and http://h/?a=1&service=k2',
			'fetch failed for http://h/?service=*** and http://h/?a=1&service=***',
		],
		['http://h/p?myservice=abc', 'http://h/p?myservice=abc'],
	])('%s → %s', (url, expected) => {
		expect(redactUrl(url)).toBe(expected);
	});
});

describe('error classes', () => {
	const url = 'http://127.0.0.1/openApi/restful/pblprfr?service=KEY123&cpage=1';

	test('name themselves, redact the URL and say whether a retry can help', () => {
		const cause = new Error('socket hang up');
		const errors = [
			new KopisResponseError(url, '05', '최대 31일까지 조회가능합니다'),
			new KopisResponseError(url, '03', 'DB ERROR'),
			new KopisHttpError(url, 502),
			new KopisHttpError(url, 403),
			new KopisThrottledError(url, 3000),
			new KopisParseError(url, 'unexpected root <HTML>'),
			new KopisNetworkError(url, 'TypeError: fetch failed', { cause }),
			new KopisRecordError('PF1', 'prfnm: required text is missing'),
		];
		expect(errors.map((error) => [error.name, isRetryable(error)])).toEqual([
			['KopisResponseError', false],
			['KopisResponseError', true],
			['KopisHttpError', true],
			['KopisHttpError', false],
			['KopisThrottledError', true],
			['KopisParseError', false],
			['KopisNetworkError', true],
			['KopisRecordError', false],
		]);
		for (const error of errors.slice(0, 7)) {
			expect(error.message).toContain('pblprfr?service=***&cpage=1');
			expect(error.message).not.toContain('KEY123');
		}
		expect(errors[0]?.message).toBe(
			'KOPIS refused http://127.0.0.1/openApi/restful/pblprfr?service=***&cpage=1: returncode 05 최대 31일까지 조회가능합니다',
		);
		expect(errors[6]?.cause).toBe(cause);
		expect(errors[7]?.message).toBe('Invalid KOPIS record PF1: prfnm: required text is missing');
		expect(isRetryable(new Error('other'))).toBe(false);
	});
});
