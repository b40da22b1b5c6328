import { expect, test } from 'vitest';
import { htmlToText } from './html-text.ts';

test('turns breaks into lines, paragraphs into blank-line gaps, and drops other tags', () => {
	expect(htmlToText('<p>첫 줄<br>둘째 <b>줄</b></p><p style="x">셋째&nbsp;줄 &amp; 끝</p>')).toBe(
		'첫 줄\n둘째 줄\n\n셋째 줄 & 끝',
	);
});

test('removes scripts, styles and comments entirely', () => {
	expect(htmlToText('<script>alert(1)</script><style>p{}</style><!-- x --><div>본문</div>')).toBe(
		'본문',
	);
});

test('keeps plain multi-line text, trimming lines and collapsing blank runs', () => {
	expect(htmlToText('  1막  \r\n\r\n\r\n\r\n  2막   은 ')).toBe('1막\n\n2막 은');
});

test('leaves text that merely contains < alone', () => {
	expect(htmlToText('3 < 5 &amp; 5 > 3')).toBe('3 < 5 &amp; 5 > 3');
});

test('decodes numeric references and leaves unknown entities', () => {
	expect(htmlToText('<p>&#54620;&#xAD6D; &copy;</p>')).toBe('한국 &copy;');
});

test('decodes once: an escaped reference in the HTML is that reference as text', () => {
	expect(htmlToText('<p>&amp;lt;b&amp;gt; 태그</p>')).toBe('&lt;b&gt; 태그');
	// Decoded markup is text now, never stripped as a tag.
	expect(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe(
		'<script>alert(1)</script>',
	);
});

test('keeps references to no character as written', () => {
	expect(htmlToText('<p>&#1114112; &#xD800; &#xDFFF; &#0;</p>')).toBe(
		'&#1114112; &#xD800; &#xDFFF; &#0;',
	);
});

test.each([null, '', ' ', '<p> </p><br>'])('%j → null', (text) => {
	expect(htmlToText(text)).toBeNull();
});
