/** Test support: the real KOPIS responses kept in fixtures/ (see fixtures/README.md). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Reads `fixtures/<path>` as UTF-8 text. */
export function readFixture(path: string): string {
	return readFileSync(join(FIXTURES, path), 'utf8');
}

/** The fixture paths in one folder, e.g. `fixtureNames('pblprfr-list')`. */
export function fixtureNames(folder: string): string[] {
	return readdirSync(join(FIXTURES, folder))
		.filter((name) => name.endsWith('.xml'))
		.sort()
		.map((name) => `${folder}/${name}`);
}

/** Every distinct text of `<element>` across the XML fixtures, e.g. each `area` KOPIS wrote. */
export function fixtureValues(element: string): string[] {
	const pattern = new RegExp(`<${element}>([^<]*)</${element}>`, 'g');
	const values = readdirSync(FIXTURES, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((entry) => fixtureNames(entry.name))
		.flatMap((path) => [...readFixture(path).matchAll(pattern)].map(([, value = '']) => value));
	return [...new Set(values)].sort();
}
