/**
 * The import rules of .dependency-cruiser.cjs for `.astro` files, which dependency-cruiser cannot
 * parse: a page or component may use core/, db/ and site/, and take only types from api/. And
 * browser code has one home, site/islands/: a component's `<script>` only imports its island.
 * Run by `npm run check`; prints one line per broken rule and exits 1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `import … from '…'`, `import '…'` and `export … from '…'` statements, type-only flagged. */
const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** Parts a site file may not import from at all. */
const FORBIDDEN = /^(ingest|demo|scripts|bench|e2e)\//;

/** Bundled scripts: `<script>` without attributes (`type="application/ld+json"` is data). */
const SCRIPT = /<script>([\s\S]*?)<\/script>/g;
const SIDE_EFFECT_IMPORT = /^\s*import\s+['"]([^'"]+)['"];?\s*$/;

function astroFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return astroFiles(path);
		return entry.name.endsWith('.astro') ? [path] : [];
	});
}

export function brokenImportRules(file: string, source: string): string[] {
	const problems: string[] = [];
	const from = relative(root, file);
	for (const match of source.matchAll(IMPORT)) {
		const specifier = match[3] ?? '';
		if (!specifier.startsWith('.')) continue;
		const target = relative(root, resolve(dirname(file), specifier));
		const typeOnly = match[2] !== undefined;
		if (FORBIDDEN.test(target)) problems.push(`${from}: imports ${target} (site code may not)`);
		else if (target.startsWith('api/') && !typeOnly) {
			problems.push(`${from}: imports ${target} for its values (site takes only types from api)`);
		}
	}
	for (const script of source.matchAll(SCRIPT)) {
		for (const line of (script[1] ?? '').split('\n')) {
			if (line.trim() === '') continue;
			const specifier = SIDE_EFFECT_IMPORT.exec(line)?.[1];
			const target =
				specifier === undefined ? null : relative(root, resolve(dirname(file), specifier));
			if (target === null || !target.startsWith('site/islands/')) {
				problems.push(
					`${from}: a <script> holds code; browser code lives in site/islands/ (import it)`,
				);
				break;
			}
		}
	}
	return problems;
}

if (import.meta.main) {
	const problems = astroFiles(join(root, 'site')).flatMap((file) =>
		brokenImportRules(file, readFileSync(file, 'utf8')),
	);
	for (const problem of problems) console.error(problem);
	if (problems.length > 0) process.exit(1);
	console.log('astro imports: ok');
}
