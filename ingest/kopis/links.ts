/**
 * URLs from KOPIS end up in `href` and `src` attributes and in the image downloader, so only
 * http(s) URLs pass; anything else (`javascript:`, `data:`, junk) becomes null.
 */

/** Box office posters up to 2023 are paths relative to this origin. */
export const KOPIS_ORIGIN = 'http://www.kopis.or.kr';

/**
 * A trimmed http(s) URL, or null. `/upload/…` paths are resolved on KOPIS; a bare host
 * (`www.example.com/x`, as venue homepages are sometimes written) gets `http://`.
 */
export function httpUrl(text: string | null): string | null {
	if (text === null) return null;
	const trimmed = text.trim();
	if (trimmed === '') return null;
	let candidate = trimmed;
	if (trimmed.startsWith('/') && !trimmed.startsWith('//')) candidate = `${KOPIS_ORIGIN}${trimmed}`;
	else if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/:?#]|$)/i.test(trimmed))
		candidate = `http://${trimmed}`;
	const url = URL.parse(candidate);
	if (
		url === null ||
		(url.protocol !== 'http:' && url.protocol !== 'https:') ||
		url.hostname === ''
	) {
		return null;
	}
	return url.href;
}
