/**
 * The architecture's import rules, enforced by `npm run check` (see README, "How the parts fit"):
 *
 *   core/   pure shared rules (dates, state, KOPIS code tables, Korean text, ratings, media
 *           URLs, field rules, HTML to text); imports nothing of the repository, runs in Node and the browser
 *   db/     schema, client, migrations; uses core
 *   ingest/ the nightly job; uses db and core
 *   api/    the Hono app; uses db and core
 *   site/   Astro pages and islands; uses db and core, and only types from api; its browser
 *           code (site/islands/) uses neither the database nor Node built-ins
 *   demo/   the KOPIS stand-in, demo dataset and audience; chosen by entry points, never
 *           imported by ingest or api code (their tests may use it as the KOPIS stand-in)
 *   scripts/, bench/, e2e/  entry points and measurements: may use every part
 *
 * Type-only imports count as dependencies everywhere but in the "site takes only types" rule.
 */
/** Test code of a part: its tests and the factories they share. */
const TEST_CODE = '(\\.test\\.ts$|/testing\\.ts$|^site/test/)';

module.exports = {
	forbidden: [
		{
			name: 'no-cycles',
			severity: 'error',
			comment: 'A cycle makes two modules one: split the shared part out below both.',
			from: {},
			to: { circular: true },
		},
		{
			name: 'core-imports-nothing',
			severity: 'error',
			comment: 'core/ holds the rules every part shares; it may depend on packages only.',
			from: { path: '^core/' },
			to: { path: '^(db|ingest|api|site|demo|scripts|bench|e2e)/' },
		},
		{
			name: 'db-uses-core-only',
			severity: 'error',
			from: { path: '^db/' },
			to: { path: '^(ingest|api|site|demo|scripts|bench|e2e)/' },
		},
		{
			name: 'api-and-ingest-apart',
			severity: 'error',
			comment:
				'The API and the ingest never import each other: what both need lives in core or db.',
			from: { path: '^api/' },
			to: { path: '^ingest/' },
		},
		{
			name: 'ingest-and-api-apart',
			severity: 'error',
			from: { path: '^ingest/' },
			to: { path: '^api/' },
		},
		{
			name: 'site-takes-only-types-from-api',
			severity: 'error',
			comment: 'Pages read the database; islands talk to the API over HTTP and share its types.',
			from: { path: '^site/', pathNot: TEST_CODE },
			to: { path: '^api/', dependencyTypesNot: ['type-only'] },
		},
		{
			name: 'islands-run-in-the-browser',
			severity: 'error',
			comment:
				'site/islands/ is bundled for the browser: it talks to the API over HTTP, never to the database.',
			from: { path: '^site/islands/', pathNot: TEST_CODE },
			to: { path: '^db/', dependencyTypesNot: ['type-only'] },
		},
		{
			name: 'islands-use-no-node-built-ins',
			severity: 'error',
			from: { path: '^site/islands/', pathNot: TEST_CODE },
			to: { dependencyTypes: ['core'] },
		},
		{
			name: 'parts-do-not-reach-up',
			severity: 'error',
			comment: 'Only entry points (scripts/), benchmarks and browser tests compose the parts.',
			from: { path: '^(core|db|ingest|api|site|demo)/' },
			to: { path: '^(scripts|bench|e2e)/' },
		},
		{
			name: 'site-and-ingest-apart',
			severity: 'error',
			from: { path: '^site/', pathNot: TEST_CODE },
			to: { path: '^ingest/' },
		},
		{
			name: 'demo-is-chosen-by-entry-points',
			severity: 'error',
			comment:
				'The demo stands in for KOPIS; product code never knows it exists. Tests may use it as their KOPIS.',
			from: { path: '^(ingest|api|site|db|core)/', pathNot: TEST_CODE },
			to: { path: '^demo/' },
		},
		{
			name: 'demo-stays-below-the-site',
			severity: 'error',
			from: { path: '^demo/' },
			to: { path: '^site/' },
		},
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '(^|/)(node_modules|dist|\\.astro|\\.ci-tmp|data)/' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.json'] },
		moduleSystems: ['es6'],
	},
};
