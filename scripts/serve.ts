/** Serves what exists (no ingest, no build): `npm run dev` runs it under `node --watch` for the API. */
import { startServer } from '../api/server.ts';
import { loadSettingsOrExit } from '../db/settings.ts';
import { startSettings } from './settings.ts';

const server = await startServer(loadSettingsOrExit(startSettings));
console.log(`[serve] ${server.url}`);
