/**
 * What each entry point validates when it starts: the fragments of the parts it runs, its child
 * processes' included, so a wrong value is reported at once, before any work is done. The
 * fragments live with their parts (db/env.ts, ingest/env.ts, api/env.ts, site/env.ts,
 * demo/env.ts); README.md's "Configuration" table lists every variable of `startSettings`.
 */
import { serverSettings, siteUrlSettings } from '../api/env.ts';
import { composeSettings } from '../db/settings.ts';
import { demoSettings } from '../demo/env.ts';
import { ingestSettings } from '../ingest/env.ts';
import { siteSettings } from '../site/env.ts';

/** `npm run ingest`: the ingest, and the demo server it starts without a KOPIS key. */
export const ingestCommandSettings = composeSettings(ingestSettings, demoSettings);

/** `npm run build`: the site and the origin it is served at. */
export const buildSettings = composeSettings(siteSettings, siteUrlSettings);

/**
 * `npm start` and `npm run dev`: the server (with the site's on-demand pages), and the ingest,
 * demo audience and build they run as child processes.
 */
export const startSettings = composeSettings(serverSettings, ingestCommandSettings, buildSettings);
