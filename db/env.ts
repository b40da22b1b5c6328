/**
 * Where the data lives: the database (every part reads it) and the media files its image rows
 * point to (the ingest writes them, the server serves them). README.md, "Configuration", says what
 * each variable means; db/settings.ts how fragments compose.
 */
import { z } from 'zod';
import { defineSettings } from './settings.ts';

export const databaseSettings = defineSettings({
	DATABASE_URL: z
		.string()
		.trim()
		.min(1)
		.default('file:data/culturepedia.db')
		.refine((url) => /^(file|libsql|https?|wss?):/.test(url), {
			message: 'must start with file:, libsql:, http(s): or ws(s):',
		}),
	DATABASE_AUTH_TOKEN: z.string().trim().min(1).optional(),
});

export const mediaSettings = defineSettings({
	MEDIA_DIR: z.string().trim().min(1).default('data/media'),
});
