/**
 * The benchmark's baseline: a bare Astro project whose one dynamic route renders `pages` trivial
 * pages, built by the same Astro in the same setup as ours (node adapter in middleware mode,
 * directory format, trailing slashes), so the two differ only in what the pages hold. Its pages
 * per second is the rate our build is compared with.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function writeTrivialSite(dir: string, pages: number): Promise<void> {
	await rm(dir, { recursive: true, force: true });
	await mkdir(join(dir, 'src', 'pages'), { recursive: true });
	await writeFile(
		join(dir, 'astro.config.mjs'),
		[
			"import node from '@astrojs/node';",
			"export default { adapter: node({ mode: 'middleware' }), build: { format: 'directory' }, trailingSlash: 'always' };",
			'',
		].join('\n'),
	);
	await writeFile(
		join(dir, 'src', 'pages', '[n].astro'),
		`---
export function getStaticPaths() {
	return Array.from({ length: ${pages} }, (_, index) => ({ params: { n: String(index + 1) } }));
}
const { n } = Astro.params;
---
<html lang="ko"><head><meta charset="utf-8" /><title>페이지 {n}</title></head>
<body><h1>페이지 {n}</h1><p>비교용 빈 페이지입니다.</p></body></html>
`,
	);
}
