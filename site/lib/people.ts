/**
 * Person pages are keyed by name: KOPIS gives cast and crew only as text, so two people with one
 * name share a page, as they do on KOPIS itself.
 */

/** Characters that would change a URL's meaning or a file name in `dist/`. */
const UNSAFE = /[/\\?#%"<>|*:^`{}[\]\p{Cc}]+/gu;

/**
 * The URL segment for a name: NFC-normalised, spaces as `-`, URL-special characters dropped.
 * Returns null when nothing usable is left (a name of only punctuation or dots).
 */
export function personSlug(name: string): string | null {
	const slug = name.normalize('NFC').replace(UNSAFE, ' ').trim().replace(/\s+/g, '-');
	if (slug === '' || /^[.-]+$/.test(slug)) return null;
	return slug;
}

/** The site path of a person page (the segment percent-encoded, as browsers send it). */
export function personPath(slug: string): string {
	return `/people/${encodeURIComponent(slug)}/`;
}
