/**
 * Person pages are keyed by name: KOPIS gives cast and crew only as text, so two people with one
 * name share a page, as they do on KOPIS itself.
 */
import { normalizeName } from '../../core/names.ts';

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

export interface ParsedCredit {
	name: string;
	/** What the person did when KOPIS says (`작곡`, `연출`, a role in the show); null if not. */
	role: string | null;
}

/**
 * One entry of KOPIS's cast or crew list as a name and a role. KOPIS writes both `작곡: 홍길동`
 * and `홍길동(작곡)`; a person page must collect both under `홍길동`.
 */
export function parseCredit(entry: string): ParsedCredit {
	const text = normalizeName(entry);
	const prefixed = /^([^:：]{1,20}?)\s*[:：]\s*(.+)$/.exec(text);
	if (prefixed?.[1] !== undefined && prefixed[2] !== undefined) {
		return { name: prefixed[2].trim(), role: prefixed[1].trim() };
	}
	const suffixed = /^(.+?)\s*[(（]([^()（）]{1,20})[)）]$/.exec(text);
	if (suffixed?.[1] !== undefined && suffixed[2] !== undefined) {
		return { name: suffixed[1].trim(), role: suffixed[2].trim() };
	}
	return { name: text, role: null };
}
