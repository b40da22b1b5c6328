import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { brokenImportRules } from './check-astro-imports.ts';

const page = fileURLToPath(new URL('../site/pages/example.astro', import.meta.url));

test('lets a page take types from the api and values from core, db and site', () => {
	const source = `---
import type { ReviewList } from '../../api/reviews/routes.ts';
import { openDatabase } from '../db/client.ts';
import BaseLayout from '../layouts/BaseLayout.astro';
import { z } from 'zod';
---`;
	expect(brokenImportRules(page, source)).toEqual([]);
});

test('names a value import from the api and any import from ingest or demo', () => {
	const source = `---
import { createApp } from '../../api/app.ts';
import { runIngest } from '../../ingest/run.ts';
---
<script>
	import '../../demo/generate.ts';
</script>`;
	expect(brokenImportRules(page, source)).toEqual([
		'site/pages/example.astro: imports api/app.ts for its values (site takes only types from api)',
		'site/pages/example.astro: imports ingest/run.ts (site code may not)',
		'site/pages/example.astro: imports demo/generate.ts (site code may not)',
		'site/pages/example.astro: a <script> holds code; browser code lives in site/islands/ (import it)',
	]);
});

test('lets a <script> import its island, and data scripts hold data', () => {
	const source = `---
---
<script type="application/ld+json" set:html={json} />
<script>
	import '../islands/account/account-menu.ts';
</script>`;
	expect(brokenImportRules(page, source)).toEqual([]);
});

test('names a <script> that holds code instead of importing an island', () => {
	const source = `---
---
<script>
	import { currentUser } from '../islands/current-user.ts';
	void currentUser();
</script>`;
	expect(brokenImportRules(page, source)).toEqual([
		'site/pages/example.astro: a <script> holds code; browser code lives in site/islands/ (import it)',
	]);
});
