import { expect, test } from 'vitest';
import { htmlToText } from '../../core/html-text.ts';
import { paragraphs, present, safeHttpUrl } from './text.ts';

test('shows a KOPIS synopsis with HTML, as the ingest stored it, in plain paragraphs', () => {
	const html =
		'<p>첫 줄&nbsp;입니다</p><script>alert(1)</script><div>둘째 &lt;줄&gt;<br>셋째</div>';
	expect(paragraphs(htmlToText(html))).toEqual(['첫 줄 입니다', '둘째 <줄>', '셋째']);
	expect(paragraphs(' ')).toEqual([]);
	expect(paragraphs(null)).toEqual([]);
});

test('decodes nothing itself: stored text shows as written, references and all', () => {
	expect(paragraphs(htmlToText('<p>&amp;lt;b&amp;gt; 태그</p>'))).toEqual(['&lt;b&gt; 태그']);
	expect(paragraphs('&lt;b&gt; &amp; &#1114112;\n\n<둘째>\r\n셋째')).toEqual([
		'&lt;b&gt; &amp; &#1114112;',
		'<둘째>',
		'셋째',
	]);
});

test('accepts only absolute http(s) URLs', () => {
	expect(safeHttpUrl(' https://tickets.interpark.com/goods/1 ')).toBe(
		'https://tickets.interpark.com/goods/1',
	);
	expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
	expect(safeHttpUrl('data:text/html,hi')).toBeNull();
	expect(safeHttpUrl('/relative')).toBeNull();
	expect(safeHttpUrl(' ')).toBeNull();
});

test('treats blank KOPIS values as absent', () => {
	expect(present(' ')).toBeNull();
	expect(present(' 값 ')).toBe('값');
});
