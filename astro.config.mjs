// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { siteUrlSettings } from './api/env.ts';
import { parseSettings } from './db/settings.ts';

// The origin the server answers at, for canonical URLs and the sitemap (defined in api/env.ts).
const site = parseSettings(siteUrlSettings).SITE_URL;

export default defineConfig({
	site,
	srcDir: './site',
	publicDir: './site/public',
	outDir: './dist',
	trailingSlash: 'always',
	// Pages are pre-rendered; the adapter serves on-demand pages (a performance newer than the build)
	// from inside our one Hono process.
	adapter: node({ mode: 'middleware' }),
	// The CSP allows only same-origin scripts and styles ('self', no 'unsafe-inline'): never inline
	// Astro's bundled <script>s or stylesheets, however small.
	build: { format: 'directory', inlineStylesheets: 'never' },
	vite: {
		build: { assetsInlineLimit: 0 },
		// `npm run dev` runs the API beside Astro's dev server; the proxy keeps one origin.
		server: process.env.DEV_API_ORIGIN
			? {
					proxy: {
						'/api': process.env.DEV_API_ORIGIN,
						'/media': process.env.DEV_API_ORIGIN,
					},
				}
			: {},
		css: {
			preprocessorOptions: {
				scss: { quietDeps: true, silenceDeprecations: ['import'] },
			},
		},
	},
});
