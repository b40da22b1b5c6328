/**
 * Processed images (posters, intro images) live under MEDIA_DIR and are served at `/media/`; their
 * paths are relative to MEDIA_DIR. The pages and the API link them the same way.
 */

/** The public URL of a file under MEDIA_DIR, each path segment percent-encoded. */
export function mediaUrl(path: string): string {
	return `/media/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** What choosing a variant needs to know of one (db's ImageVariant has more). */
export interface SizedVariant<Format extends string = string> {
	format: Format;
	width: number;
	path: string;
}

/**
 * The smallest variant at least `minWidth` wide (else the widest) of the first format in
 * `formats` that has any, or null when none has. Bigger is never needed: the browser scales down.
 */
export function smallestVariantAtLeast<V extends SizedVariant>(
	variants: readonly V[],
	formats: readonly V['format'][],
	minWidth: number,
): V | null {
	for (const format of formats) {
		const sized = variants.filter((v) => v.format === format).sort((a, b) => a.width - b.width);
		const chosen = sized.find((v) => v.width >= minWidth) ?? sized.at(-1);
		if (chosen !== undefined) return chosen;
	}
	return null;
}
