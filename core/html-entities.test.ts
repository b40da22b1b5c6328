import { describe, expect, test } from 'vitest';
import { decodeEntities, numericReference, XML_ENTITIES } from './html-entities.ts';

describe('numericReference', () => {
	test('reads decimal and hexadecimal, either x', () => {
		expect(numericReference('#54620')).toBe('한');
		expect(numericReference('#xAD6D')).toBe('국');
		expect(numericReference('#XAD6D')).toBe('국');
		expect(numericReference('#x1F3AD')).toBe('🎭');
		expect(numericReference('#0000065')).toBe('A');
	});

	test('takes the last code point, U+10FFFF, and refuses the one past it', () => {
		expect(numericReference('#1114111')).toBe(String.fromCodePoint(0x10ffff));
		expect(numericReference('#x10FFFF')).toBe(String.fromCodePoint(0x10ffff));
		expect(numericReference('#1114112')).toBeNull();
		expect(numericReference('#x110000')).toBeNull();
		expect(numericReference(`#${'9'.repeat(400)}`)).toBeNull();
	});

	test('refuses every surrogate and takes their neighbours', () => {
		expect(numericReference('#xD7FF')).toBe('\ud7ff');
		expect(numericReference('#xD800')).toBeNull();
		expect(numericReference('#55296')).toBeNull();
		expect(numericReference('#xDBFF')).toBeNull();
		expect(numericReference('#xDC00')).toBeNull();
		expect(numericReference('#xDFFF')).toBeNull();
		expect(numericReference('#57343')).toBeNull();
		expect(numericReference('#xE000')).toBe('\ue000');
	});

	test('refuses zero and malformed bodies', () => {
		for (const body of ['#0', '#x0', '#', '#x', '#-1', '#1.5', '#xG1', '#12a']) {
			expect(numericReference(body), body).toBeNull();
		}
	});
});

describe('decodeEntities', () => {
	test('decodes named and numeric references', () => {
		expect(
			decodeEntities('첫&nbsp;줄 &amp; &lt;둘째&gt; &#54620;&#xAD6D; &quot;x&quot; &apos;'),
		).toBe('첫 줄 & <둘째> 한국 "x" \'');
		expect(decodeEntities('&hellip;&middot;&ldquo;&rdquo;&lsquo;&rsquo;')).toBe('…·“”‘’');
	});

	test('decodes once: an escaped reference comes out as the reference, as text', () => {
		expect(decodeEntities('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
		expect(decodeEntities('&amp;#1114112;')).toBe('&#1114112;');
	});

	test('leaves invalid code points as written instead of throwing', () => {
		for (const text of [
			'&#1114112;',
			'&#x110000;',
			'&#xD800;',
			'&#56320;',
			'&#0;',
			'&#99999999999;',
		]) {
			expect(decodeEntities(text), text).toBe(text);
		}
		expect(decodeEntities('a&#xD83C;&#xDFAD;b')).toBe('a&#xD83C;&#xDFAD;b');
	});

	test('leaves unknown names, bare ampersands and unterminated references alone', () => {
		expect(decodeEntities('&copy; AT&T &amp &lt')).toBe('&copy; AT&T &amp &lt');
		expect(decodeEntities('no references')).toBe('no references');
	});

	test('matches names in any case', () => {
		expect(decodeEntities('&AMP; &Lt; &NBSP;')).toBe('& <  ');
	});

	test('decodes only the names it is given', () => {
		expect(decodeEntities('&nbsp;&amp;&#39;', XML_ENTITIES)).toBe("&nbsp;&'");
	});
});
