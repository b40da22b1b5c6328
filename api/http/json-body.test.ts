import { expect, test } from 'vitest';
import { isJsonMediaType } from './json-body.ts';

test.each([
	['application/json', true],
	['application/json; charset=utf-8', true],
	['Application/JSON', true],
	['application/vnd.api+json', false],
	['text/plain', false],
	['text/plain;charset=UTF-8', false],
	['application/x-www-form-urlencoded', false],
	['multipart/form-data; boundary=x', false],
	['application/jsonp', false],
	['', false],
	[null, false],
])('treats %s as JSON: %s', (contentType, expected) => {
	expect(isJsonMediaType(contentType)).toBe(expected);
});
