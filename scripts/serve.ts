/** Serves what exists (no ingest, no build): `npm run dev` runs it under `node --watch` for the API. */
import { startServer } from '../api/server.ts';
import { loadStartEnv } from './env.ts';

const server = await startServer(loadStartEnv());
console.log(`[serve] ${server.url}`);
