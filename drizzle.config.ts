import { defineConfig } from 'drizzle-kit';
import { databaseSettings } from './db/env.ts';
import { parseSettings } from './db/settings.ts';

const { DATABASE_URL, DATABASE_AUTH_TOKEN } = parseSettings(databaseSettings);

export default defineConfig({
	dialect: 'turso',
	schema: './db/schema/index.ts',
	out: './db/migrations',
	dbCredentials: {
		url: DATABASE_URL,
		...(DATABASE_AUTH_TOKEN === undefined ? {} : { authToken: DATABASE_AUTH_TOKEN }),
	},
});
