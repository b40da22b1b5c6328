/**
 * The search index comes in two Pagefind bundles. Pagefind keeps every sort key in the metadata
 * file each visitor loads before the first result (about 45 KB per key at 20,000 pages), so the
 * bundle for ordinary searches has none, and a second bundle with the sort keys loads only when a
 * visitor picks a sort order.
 */
export const SEARCH_BUNDLE = 'pagefind';
export const SORTED_SEARCH_BUNDLE = 'pagefind-sorted';
