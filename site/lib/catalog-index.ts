/** Reverse indexes over a loaded catalogue, built once per catalogue and shared by every page. */
import type { Catalog, PerformanceSummary } from './catalog.ts';
import { parseCredit, personSlug } from './people.ts';

export interface PersonCredits {
	slug: string;
	/** The name as first seen (names are matched after NFC normalisation). */
	name: string;
	/** Performance id → what the person does in it (`출연`, `작곡`, `제작진`…). */
	roles: Map<string, Set<string>>;
}

export interface CatalogIndex {
	byVenue: Map<string, string[]>;
	/** Cast names only: "other performances with the same cast". */
	byCastName: Map<string, string[]>;
	people: Map<string, PersonCredits>;
}

const cache = new WeakMap<Catalog, CatalogIndex>();

function push(map: Map<string, string[]>, key: string, id: string): void {
	const list = map.get(key);
	if (list === undefined) map.set(key, [id]);
	else if (list.at(-1) !== id) list.push(id);
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
	const cached = cache.get(catalog);
	if (cached !== undefined) return cached;
	const byVenue = new Map<string, string[]>();
	for (const row of catalog.performances.values()) {
		if (row.venueId !== null) push(byVenue, row.venueId, row.id);
	}
	const byCastName = new Map<string, string[]>();
	const people = new Map<string, PersonCredits>();
	for (const [performanceId, rows] of catalog.people) {
		for (const row of rows) {
			const credit = parseCredit(row.name);
			const name = credit.name;
			if (row.role === 'cast') push(byCastName, name, performanceId);
			const label = row.role === 'cast' ? '출연' : (credit.role ?? '제작진');
			const slug = personSlug(name);
			if (slug === null) continue;
			let person = people.get(slug);
			if (person === undefined) {
				person = { slug, name, roles: new Map() };
				people.set(slug, person);
			}
			const roles = person.roles.get(performanceId);
			if (roles === undefined) person.roles.set(performanceId, new Set([label]));
			else roles.add(label);
		}
	}
	const index = { byVenue, byCastName, people };
	cache.set(catalog, index);
	return index;
}

const STATE_ORDER: Readonly<Record<PerformanceSummary['state'], number>> = {
	running: 0,
	upcoming: 1,
	finished: 2,
};

/**
 * The order for "what is on" lists: running shows closing first, then upcoming by opening date,
 * then past shows most recent first.
 */
export function compareForListing(a: PerformanceSummary, b: PerformanceSummary): number {
	const byState = STATE_ORDER[a.state] - STATE_ORDER[b.state];
	if (byState !== 0) return byState;
	if (a.state === 'running') return a.endDate.localeCompare(b.endDate) || a.id.localeCompare(b.id);
	if (a.state === 'upcoming')
		return a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id);
	return b.endDate.localeCompare(a.endDate) || a.id.localeCompare(b.id);
}
