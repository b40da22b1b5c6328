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
