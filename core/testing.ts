/** Test support: the KOPIS reference kept in the repository, which the code tables must match. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The text of `### <number> …` in docs/kopis/API.md up to the next heading, e.g. `'7.4'`. */
export function kopisReferenceSection(number: string): string {
	const text = readFileSync(join(import.meta.dirname, '../docs/kopis/API.md'), 'utf8');
	const start = text.indexOf(`\n### ${number} `);
	if (start === -1) throw new Error(`docs/kopis/API.md has no section ${number}`);
	const end = text.indexOf('\n#', start + 1);
	return text.slice(start, end === -1 ? undefined : end);
}
