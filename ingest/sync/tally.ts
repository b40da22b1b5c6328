import { createHash } from 'node:crypto';

export interface Tally {
	new: number;
	updated: number;
	unchanged: number;
	failed: number;
}

export function emptyTally(): Tally {
	return { new: 0, updated: 0, unchanged: 0, failed: 0 };
}

/**
 * SHA-256 of a normalised record's JSON. Object keys are sorted so the hash depends on the values
 * only; an equal hash means the stored row is already right and is not rewritten.
 */
export function contentHash(value: unknown): string {
	return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, entry]) => entry !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`).join(',')}}`;
}
