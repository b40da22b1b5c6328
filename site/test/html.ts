/**
 * Just enough HTML reading for assertions on the pages we build ourselves (well-formed, no
 * surprises): elements by attribute with balanced tags, attributes, visible text.
 */
import { decodeEntities } from '../../core/html-entities.ts';

const VOID = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'source',
	'track',
	'wbr',
]);

/**
 * Every element whose start tag matches `selector`: a regex source either for the start of the
 * tag (`<h1\\b`, `<img (?=[^>]*srcset)`) or for something inside it (`data-section="cast"`).
 */
export function elements(html: string, selector: string): string[] {
	const found: string[] = [];
	const start = selector.startsWith('<')
		? new RegExp(`${selector}[^>]*>`, 'g')
		: new RegExp(`<\\w[\\w-]*\\b(?=[^>]*${selector})[^>]*>`, 'g');
	for (const match of html.matchAll(start)) {
		const tag = /^<([\w-]+)/.exec(match[0])?.[1]?.toLowerCase() ?? '';
		const from = match.index;
		if (VOID.has(tag) || match[0].endsWith('/>')) {
			found.push(match[0]);
			continue;
		}
		const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
		tags.lastIndex = from + match[0].length;
		let depth = 1;
		let end = html.length;
		for (let next = tags.exec(html); next !== null; next = tags.exec(html)) {
			depth += next[1] === '/' ? -1 : next[0].endsWith('/>') ? 0 : 1;
			if (depth === 0) {
				end = next.index + next[0].length;
				break;
			}
		}
		found.push(html.slice(from, end));
	}
	return found;
}

export function element(html: string, selector: string): string {
	const [first] = elements(html, selector);
	if (first === undefined) throw new Error(`no element matching ${selector}`);
	return first;
}

/** The text a reader sees: tags and scripts removed, entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
	return decodeEntities(
		html
			.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' '),
	).trim();
}

/** Values of one attribute across the document, decoded. */
export function attributes(html: string, name: string): string[] {
	const pattern = new RegExp(`\\s${name}="([^"]*)"`, 'g');
	return [...html.matchAll(pattern)].map((match) => decodeEntities(match[1] ?? ''));
}

/** The `content` of `<meta name|property="…">`, or null. */
export function metaContent(html: string, key: string): string | null {
	const tag = new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html);
	return tag?.[1] === undefined ? null : decodeEntities(tag[1]);
}
