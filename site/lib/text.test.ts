import { expect, test } from 'vitest';
import { plainParagraphs, present, safeHttpUrl } from './text.ts';

test('turns a KOPIS synopsis with HTML into plain paragraphs', () => {
	const html =
		'<p>첫 줄&nbsp;입니다</p><script>alert(1)</script><div>둘째 &lt;줄&gt;<br>셋째</div>';
	expect(plainParagraphs(html)).toEqual(['첫 줄 입니다', '둘째 <줄>', '셋째']);
	expect(plainParagraphs(' ')).toEqual([]);
	expect(plainParagraphs(null)).toEqual([]);
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
