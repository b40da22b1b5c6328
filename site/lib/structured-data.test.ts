import { expect, test } from 'vitest';
import { serializeJsonLd } from './structured-data.ts';

test('serialises JSON-LD that cannot close its script element', () => {
	const json = serializeJsonLd({
		name: '</script><script>alert(1)</script> & <!--',
		line: '\u2028',
	});
	expect(json).not.toMatch(/[<>&\u2028]/);
	expect(JSON.parse(json)).toEqual({
		name: '</script><script>alert(1)</script> & <!--',
		line: '\u2028',
	});
});
